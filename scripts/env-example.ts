/**
 * Writes `.env.example` and the table of docs/CONFIGURATION.md from shared/config/variables.ts
 * (`npm run env:example`); test/unit/env-example.test.ts fails when either is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderEnvExample, withConfigTable } from './config-docs';

// Run from dist/scripts (`npm run env:example`): the repository is two folders up.
const root = resolve(__dirname, '..', '..');
writeFileSync(resolve(root, '.env.example'), renderEnvExample());
const doc = resolve(root, 'docs/CONFIGURATION.md');
writeFileSync(doc, withConfigTable(readFileSync(doc, 'utf8')));
process.stdout.write('wrote .env.example and docs/CONFIGURATION.md\n');

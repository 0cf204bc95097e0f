import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderEnvExample, withConfigTable } from '../../scripts/config-docs';
import { CONFIG_VARIABLES } from '../../shared/config/variables';
import { ROOT } from '../support/paths';

const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

describe('.env.example and the configuration table', () => {
  it('.env.example is what `npm run env:example` writes from shared/config/variables.ts (run it and commit when this fails)', () => {
    expect(read('.env.example')).toBe(renderEnvExample());
  });

  it('docs/CONFIGURATION.md carries the current table (run `npm run env:example` when this fails)', () => {
    const doc = read('docs/CONFIGURATION.md');
    expect(doc).toBe(withConfigTable(doc));
  });

  it('lists every variable once', () => {
    const names = CONFIG_VARIABLES.flatMap((v) => v.names);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });
});

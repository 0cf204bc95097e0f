/**
 * Writes the next migration of one subgraph from the difference between its
 * entities and its committed migrations, then rewrites migrations/index.ts.
 * Runs against a throw-away embedded database, so it needs no server.
 *
 *   npm run migration:create -- subjects
 */
import 'reflect-metadata';
import { readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { startEmbeddedDatabase } from '../shared/db/embedded';
import { ormOptions, SubgraphDatabase } from '../shared/db/orm';

const SUBGRAPHS = ['subjects', 'sanctions', 'commitments', 'repairs', 'reports', 'evaluations', 'exchange'];

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!SUBGRAPHS.includes(name)) throw new Error(`usage: create-migration <${SUBGRAPHS.join('|')}>`);
  const { database } = (await import(`../subgraphs/${name}/server.js`)) as { database: SubgraphDatabase };
  const embedded = await startEmbeddedDatabase({ distDir: resolve(__dirname, '..') });
  try {
    const orm = await MikroORM.init(ormOptions(database, embedded.url));
    await orm.em.getConnection().execute(`create extension if not exists pg_trgm with schema public`);
    await orm.em.getConnection().execute(`create schema if not exists "${database.schema}"`);
    await orm.getMigrator().up();
    const result = await orm
      .getMigrator()
      .createMigration(`subgraphs/${name}/migrations`, false, database.migrations.length === 0);
    await orm.close();
    if (!result.fileName) {
      process.stdout.write('no changes: entities match the migrations\n');
      return;
    }
    writeIndex(join('subgraphs', name, 'migrations'));
    process.stdout.write(`wrote subgraphs/${name}/migrations/${result.fileName}\n`);
  } finally {
    await embedded.stop();
  }
}

function writeIndex(folder: string): void {
  const names = readdirSync(folder)
    .filter((file) => /^Migration\d+.*\.ts$/.test(file))
    .map((file) => file.replace(/\.ts$/, ''))
    .sort();
  const lines = [
    '// Written by scripts/create-migration.ts: the committed migrations, in order.',
    "import type { MigrationDefinition } from '../../../shared/db/orm';",
    ...names.map((n) => `import { ${n} } from './${n}';`),
    '',
    'export const migrations: MigrationDefinition[] = [',
    ...names.map((n) => `  { name: '${n}', class: ${n} },`),
    '];',
    '',
  ];
  writeFileSync(join(folder, 'index.ts'), lines.join('\n'));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

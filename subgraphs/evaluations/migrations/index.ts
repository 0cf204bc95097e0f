// Written by scripts/create-migration.ts: the committed migrations, in order.
import type { MigrationDefinition } from '../../../shared/db/orm';
import { Migration20261202180000 } from './Migration20261202180000';
import { Migration20261202181131 } from './Migration20261202181131';
import { Migration20261204013641 } from './Migration20261204013641';

export const migrations: MigrationDefinition[] = [
  { name: 'Migration20261202180000', class: Migration20261202180000 },
  { name: 'Migration20261202181131', class: Migration20261202181131 },
  { name: 'Migration20261204013641', class: Migration20261204013641 },
];

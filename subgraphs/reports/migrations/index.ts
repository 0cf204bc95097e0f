// Written by scripts/create-migration.ts: the committed migrations, in order.
import type { MigrationDefinition } from '../../../shared/db/orm';
import { Migration20261202050000 } from './Migration20261202050000';
import { Migration20261203180000 } from './Migration20261203180000';
import { Migration20261203183000 } from './Migration20261203183000';
import { Migration20261204013646 } from './Migration20261204013646';

export const migrations: MigrationDefinition[] = [
  { name: 'Migration20261202050000', class: Migration20261202050000 },
  { name: 'Migration20261203180000', class: Migration20261203180000 },
  { name: 'Migration20261203183000', class: Migration20261203183000 },
  { name: 'Migration20261204013646', class: Migration20261204013646 },
];

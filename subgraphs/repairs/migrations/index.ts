// Written by scripts/create-migration.ts: the committed migrations, in order.
import type { MigrationDefinition } from '../../../shared/db/orm';
import { Migration20261129044412 } from './Migration20261129044412';
import { Migration20261129084300 } from './Migration20261129084300';
import { Migration20261129085416 } from './Migration20261129085416';
import { Migration20261202011312 } from './Migration20261202011312';
import { Migration20261202011459 } from './Migration20261202011459';
import { Migration20261202011600 } from './Migration20261202011600';
import { Migration20261203153300 } from './Migration20261203153300';
import { Migration20261203190000 } from './Migration20261203190000';
import { Migration20261204013719 } from './Migration20261204013719';

export const migrations: MigrationDefinition[] = [
  { name: 'Migration20261129044412', class: Migration20261129044412 },
  { name: 'Migration20261129084300', class: Migration20261129084300 },
  { name: 'Migration20261129085416', class: Migration20261129085416 },
  { name: 'Migration20261202011312', class: Migration20261202011312 },
  { name: 'Migration20261202011459', class: Migration20261202011459 },
  { name: 'Migration20261202011600', class: Migration20261202011600 },
  { name: 'Migration20261203153300', class: Migration20261203153300 },
  { name: 'Migration20261203190000', class: Migration20261203190000 },
  { name: 'Migration20261204013719', class: Migration20261204013719 },
];

// Written by scripts/create-migration.ts: the committed migrations, in order.
import type { MigrationDefinition } from '../../../shared/db/orm';
import { Migration20261129044403 } from './Migration20261129044403';
import { Migration20261129053745 } from './Migration20261129053745';
import { Migration20261129083941 } from './Migration20261129083941';
import { Migration20261202011436 } from './Migration20261202011436';
import { Migration20261202011500 } from './Migration20261202011500';
import { Migration20261202175757 } from './Migration20261202175757';
import { Migration20261203140700 } from './Migration20261203140700';
import { Migration20261203143000 } from './Migration20261203143000';
import { Migration20261203144500 } from './Migration20261203144500';
import { Migration20261203150500 } from './Migration20261203150500';
import { Migration20261203191100 } from './Migration20261203191100';

export const migrations: MigrationDefinition[] = [
  { name: 'Migration20261129044403', class: Migration20261129044403 },
  { name: 'Migration20261129053745', class: Migration20261129053745 },
  { name: 'Migration20261129083941', class: Migration20261129083941 },
  { name: 'Migration20261202011436', class: Migration20261202011436 },
  { name: 'Migration20261202011500', class: Migration20261202011500 },
  { name: 'Migration20261202175757', class: Migration20261202175757 },
  { name: 'Migration20261203140700', class: Migration20261203140700 },
  { name: 'Migration20261203143000', class: Migration20261203143000 },
  { name: 'Migration20261203144500', class: Migration20261203144500 },
  { name: 'Migration20261203150500', class: Migration20261203150500 },
  { name: 'Migration20261203191100', class: Migration20261203191100 },
];

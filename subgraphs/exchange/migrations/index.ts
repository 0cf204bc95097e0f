// Written by scripts/create-migration.ts: the committed migrations, in order.
import type { MigrationDefinition } from '../../../shared/db/orm';
import { Migration20261203140600 } from './Migration20261203140600';
import { Migration20261203142000 } from './Migration20261203142000';

export const migrations: MigrationDefinition[] = [
  { name: 'Migration20261203140600', class: Migration20261203140600 },
  { name: 'Migration20261203142000', class: Migration20261203142000 },
];

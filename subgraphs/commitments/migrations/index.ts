// Written by scripts/create-migration.ts: the committed migrations, in order.
import type { MigrationDefinition } from '../../../shared/db/orm';
import { Migration20261129044408 } from './Migration20261129044408';
import { Migration20261129084318 } from './Migration20261129084318';

export const migrations: MigrationDefinition[] = [
  { name: 'Migration20261129044408', class: Migration20261129044408 },
  { name: 'Migration20261129084318', class: Migration20261129084318 },
];

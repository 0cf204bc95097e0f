// Written by scripts/create-migration.ts: the committed migrations, in order.
import type { MigrationDefinition } from '../../../shared/db/orm';
import { Migration20261203140600 } from './Migration20261203140600';

export const migrations: MigrationDefinition[] = [{ name: 'Migration20261203140600', class: Migration20261203140600 }];

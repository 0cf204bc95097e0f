// Written by scripts/create-migration.ts: the committed migrations, in order.
import type { MigrationDefinition } from '../../../shared/db/orm';
import { Migration20261129043945 } from './Migration20261129043945';
import { Migration20261129052338 } from './Migration20261129052338';
import { Migration20261129052940 } from './Migration20261129052940';
import { Migration20261129061843 } from './Migration20261129061843';
import { Migration20261129082154 } from './Migration20261129082154';
import { Migration20261129083931 } from './Migration20261129083931';
import { Migration20261201222144 } from './Migration20261201222144';
import { Migration20261202011302 } from './Migration20261202011302';
import { Migration20261202011400 } from './Migration20261202011400';
import { Migration20261202011845 } from './Migration20261202011845';
import { Migration20261202175753 } from './Migration20261202175753';
import { Migration20261203140900 } from './Migration20261203140900';
import { Migration20261203141500 } from './Migration20261203141500';
import { Migration20261203144500 } from './Migration20261203144500';
import { Migration20261203150500 } from './Migration20261203150500';
import { Migration20261203191000 } from './Migration20261203191000';
import { Migration20261204015944 } from './Migration20261204015944';
import { Migration20261204024506 } from './Migration20261204024506';
import { Migration20261204194500 } from './Migration20261204194500';

export const migrations: MigrationDefinition[] = [
  { name: 'Migration20261129043945', class: Migration20261129043945 },
  { name: 'Migration20261129052338', class: Migration20261129052338 },
  { name: 'Migration20261129052940', class: Migration20261129052940 },
  { name: 'Migration20261129061843', class: Migration20261129061843 },
  { name: 'Migration20261129082154', class: Migration20261129082154 },
  { name: 'Migration20261129083931', class: Migration20261129083931 },
  { name: 'Migration20261201222144', class: Migration20261201222144 },
  { name: 'Migration20261202011302', class: Migration20261202011302 },
  { name: 'Migration20261202011400', class: Migration20261202011400 },
  { name: 'Migration20261202011845', class: Migration20261202011845 },
  { name: 'Migration20261202175753', class: Migration20261202175753 },
  { name: 'Migration20261203140900', class: Migration20261203140900 },
  { name: 'Migration20261203141500', class: Migration20261203141500 },
  { name: 'Migration20261203144500', class: Migration20261203144500 },
  { name: 'Migration20261203150500', class: Migration20261203150500 },
  { name: 'Migration20261203191000', class: Migration20261203191000 },
  { name: 'Migration20261204015944', class: Migration20261204015944 },
  { name: 'Migration20261204024506', class: Migration20261204024506 },
  { name: 'Migration20261204194500', class: Migration20261204194500 },
];

import { Entity, PrimaryKey } from '@mikro-orm/core';

/**
 * Licences and other actions whose facts are to be sent again ('licenses.changed', 'actions.changed'):
 * the migration that made them objectable queues those already stored, so that repairs can route an
 * objection to them; services/republish-records.ts drains it after start.
 */
@Entity({ tableName: 'record_republish' })
export class RecordRepublish {
  /** LICENSE or ACTION. */
  @PrimaryKey({ length: 8 })
  kind!: string;

  @PrimaryKey({ type: 'uuid' })
  recordId!: string;
}

import { boundQuery } from '../../../shared/db/bound-query';
import type { EntityManager } from '../../../shared/db/orm';

/** A dead letter as the bus keeps it: the event, its queue, and its original's last error. */
export interface DeadLetterRow {
  data: { id: string; type: string; payload: Record<string, unknown> };
  queue: string;
  error: { message?: string } | null;
  failed_at: string;
}

/** The bus's own tables (pg-boss): a dead letter is a job on `<queue>.dead`; its failed original holds the error. Newest first. */
export function newestDeadLetters(em: EntityManager, limit: number): Promise<DeadLetterRow[]> {
  return boundQuery<DeadLetterRow>(
    em,
    `select d.data, left(d.name, -5) as queue, d.created_on as failed_at, f.output as error
       from pgboss.job d
       left join lateral (select o.output from pgboss.job o where o.name = left(d.name, -5) and o.data->>'id' = d.data->>'id' and o.state = 'failed' limit 1) f on true
      where d.name like '%.dead'
      order by d.created_on desc
      limit ?`,
    [limit],
  );
}

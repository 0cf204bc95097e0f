import type { PenaltyVisibility } from './penalty-visibility';

/**
 * Who sees a withdrawn action (撤回 after an upheld objection), by the penalty's audiences: like a
 * revoked penalty it is no longer shown or shared, but its department, the credit office and the
 * subject itself still see it. As an SQL condition on administrative_action (alias t).
 */
export function actionCondition(visibility: PenaltyVisibility): { sql: string; params: unknown[] } {
  switch (visibility.kind) {
    case 'all':
      return { sql: 'true', params: [] };
    case 'shared':
      return { sql: '(t.withdrawn_at is null or t.data_source_code = ?)', params: [visibility.org ?? ''] };
    case 'public':
      return { sql: 't.withdrawn_at is null', params: [] };
  }
}

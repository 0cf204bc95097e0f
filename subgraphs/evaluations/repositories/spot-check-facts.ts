import type { EntityManager } from '../../../shared/db/orm';

/** Per subject: how many recorded spot checks found no problem, and how many found problems. */
export interface SpotCheckCounts {
  noProblem: number;
  problems: number;
}

/**
 * PLACEHOLDER until SUPERVISION's spot_check_item table lands (contract16): SUPERVISION replaces
 * this file with the one statement that counts each subject's outcomes; until then no subject has any.
 */
export function spotCheckCounts(
  _em: EntityManager,
  _subjectIds: readonly string[],
): Promise<Map<string, SpotCheckCounts>> {
  return Promise.resolve(new Map());
}

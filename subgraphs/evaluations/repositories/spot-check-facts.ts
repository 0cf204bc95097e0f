import { boundQuery } from '../../../shared/db/bound-query';
import type { EntityManager } from '../../../shared/db/orm';
import { SCHEMA } from '../config';
import { SpotCheckOutcome } from '../rules/spot-check-outcome';

/** Per subject: how many recorded spot checks found no problem, and how many found problems. */
export interface SpotCheckCounts {
  noProblem: number;
  problems: number;
}

/**
 * The SPOT_CHECK_NO_PROBLEM and SPOT_CHECK_PROBLEMS facts per subject: every recorded outcome of every draw
 * (NOT_REACHABLE counts as neither: it says nothing of compliance; 经营异常 is the registry's matter).
 * Subjects without one are absent. One statement whatever the number of subjects.
 */
export async function spotCheckCounts(
  em: EntityManager,
  subjectIds: readonly string[],
): Promise<Map<string, SpotCheckCounts>> {
  if (subjectIds.length === 0) return new Map();
  const rows = await boundQuery<{ subject_id: string; no_problem: number; problems: number }>(
    em,
    `select subject_id,
            count(*) filter (where outcome = ?)::int as no_problem,
            count(*) filter (where outcome = ?)::int as problems
       from ${SCHEMA}.spot_check_item
      where subject_id = any(?::uuid[]) and outcome in (?, ?)
      group by subject_id`,
    [
      SpotCheckOutcome.NO_PROBLEM,
      SpotCheckOutcome.PROBLEMS_FOUND,
      [...subjectIds],
      SpotCheckOutcome.NO_PROBLEM,
      SpotCheckOutcome.PROBLEMS_FOUND,
    ],
  );
  return new Map(rows.map((r) => [r.subject_id, { noProblem: r.no_problem, problems: r.problems }]));
}

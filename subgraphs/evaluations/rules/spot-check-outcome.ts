/** 双随机抽查结果 as recorded on a drawn subject. */
export enum SpotCheckOutcome {
  NO_PROBLEM = 'NO_PROBLEM',
  PROBLEMS_FOUND = 'PROBLEMS_FOUND',
  NOT_REACHABLE = 'NOT_REACHABLE',
}

/**
 * A recorded outcome stands: recording the same one again is a retry (nothing changes), a different
 * one is refused, because the evaluation already counted it (a correction is a new draw's matter).
 */
export function outcomeChangeProblem(recorded: SpotCheckOutcome | null, sent: SpotCheckOutcome): string | null {
  if (recorded === null || recorded === sent) return null;
  return `该抽查对象的结果已记录为 ${recorded}，不能改为 ${sent}`;
}

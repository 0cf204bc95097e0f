/**
 * When a failed push is tried again (docs/EXCHANGE.md, "Push delivery"): exponential back-off from
 * `startMs`, doubling per failed attempt up to `capMs`, with "full jitter" (a uniform draw between half
 * and the whole of the step) so receivers that failed together do not retry together; after
 * `deadLetterAfterMs` of failures the batch is set aside as a dead letter and the feed moves on.
 */
export interface BackoffPolicy {
  startMs: number;
  capMs: number;
  deadLetterAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { startMs: 1000, capMs: 60_000, deadLetterAfterMs: 24 * 3600 * 1000 };

/** The step before jitter after `attempts` failures (1 = the first failure): start · 2^(attempts−1), capped. */
export function backoffStepMs(policy: BackoffPolicy, attempts: number): number {
  if (attempts < 1) return 0;
  // 2^31 overflows nothing in a double, but the cap is reached long before; stop doubling there.
  const exponent = Math.min(attempts - 1, 40);
  return Math.min(policy.capMs, policy.startMs * 2 ** exponent);
}

/** The wait before the next attempt; `random` in [0, 1) (Math.random, or fixed in tests). */
export function backoffDelayMs(policy: BackoffPolicy, attempts: number, random: number): number {
  const step = backoffStepMs(policy, attempts);
  return Math.round(step / 2 + (step / 2) * random);
}

export type FailureOutcome = { kind: 'RETRY'; nextAttemptAt: Date } | { kind: 'DEAD_LETTER' };

/**
 * What a failure of a batch first tried at `failingSince` means at `now`: try again after the back-off,
 * or — failing for longer than the policy allows — set it aside.
 */
export function afterFailure(
  policy: BackoffPolicy,
  attempts: number,
  failingSince: Date,
  now: Date,
  random: number,
): FailureOutcome {
  if (now.getTime() - failingSince.getTime() >= policy.deadLetterAfterMs) return { kind: 'DEAD_LETTER' };
  return { kind: 'RETRY', nextAttemptAt: new Date(now.getTime() + backoffDelayMs(policy, attempts, random)) };
}

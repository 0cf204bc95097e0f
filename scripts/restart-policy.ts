/**
 * When `npm start` restarts a process that died, and when it gives up: exponential back-off per
 * service, and a crash window that stops a process crashing in a loop from being restarted forever.
 */
export interface RestartPolicy {
  /** Wait before the first restart; doubled for every further crash within the window. */
  initialDelayMs: number;
  /** The back-off never waits longer than this. */
  maxDelayMs: number;
  /** This many crashes of one service within `windowMs` stop the system. */
  maxCrashes: number;
  windowMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  initialDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxCrashes: 5,
  windowMs: 60_000,
};

export type RestartDecision =
  { action: 'restart'; delayMs: number; crashesInWindow: number } | { action: 'give-up'; crashesInWindow: number };

/**
 * Decides on a crash at `now`, given the times of the service's earlier crashes; returns the crash
 * times still inside the window (this one included), to be passed in at the next crash.
 */
export function decideRestart(
  policy: RestartPolicy,
  earlierCrashes: readonly number[],
  now: number,
): { decision: RestartDecision; crashes: number[] } {
  const crashes = [...earlierCrashes.filter((at) => now - at < policy.windowMs), now];
  const crashesInWindow = crashes.length;
  if (crashesInWindow >= policy.maxCrashes) return { decision: { action: 'give-up', crashesInWindow }, crashes };
  // A service that has run quietly for a whole window starts again from the initial delay.
  const delayMs = Math.min(policy.initialDelayMs * 2 ** (crashesInWindow - 1), policy.maxDelayMs);
  return { decision: { action: 'restart', delayMs, crashesInWindow }, crashes };
}

/** A policy with some values overridden; refuses values that would restart without pause or never give up. */
export function restartPolicy(overrides: Partial<RestartPolicy> = {}): RestartPolicy {
  const policy = { ...DEFAULT_RESTART_POLICY, ...overrides };
  for (const [key, value] of Object.entries(policy)) {
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`restart policy: ${key} must be a positive whole number (got ${value})`);
  }
  if (policy.maxDelayMs < policy.initialDelayMs)
    throw new Error('restart policy: maxDelayMs must not be below initialDelayMs');
  return policy;
}

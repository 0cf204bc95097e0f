import { durationEnv, positiveIntEnv } from '../../../shared/config/env';
import type { BackoffPolicy } from '../rules/backoff';

/** The push worker's policy (docs/EXCHANGE.md, "Push delivery"; shared/config/variables.ts lists each variable). */
export interface PushConfig {
  backoff: BackoffPolicy;
  /** A POST not answered within this is a failure (EXCHANGE_PUSH_TIMEOUT, default 10 s). */
  timeoutMs: number;
  /** Entries per batch at most (EXCHANGE_PUSH_BATCH_ENTRIES, default 500) … */
  maxEntries: number;
  /** … and bytes of body at most (1 MB): a batch stops before the entry that would exceed it. */
  maxBodyBytes: number;
  /** How often the worker looks for receivers with entries to send (EXCHANGE_PUSH_POLL_MS, default 100). */
  pollMs: number;
}

export const MAX_PUSH_BODY_BYTES = 1024 * 1024;

export function loadPushConfig(env: NodeJS.ProcessEnv = process.env): PushConfig {
  return {
    backoff: {
      startMs: durationEnv('EXCHANGE_PUSH_BACKOFF_START', '1s', env) * 1000,
      capMs: durationEnv('EXCHANGE_PUSH_BACKOFF_CAP', '60s', env) * 1000,
      deadLetterAfterMs: durationEnv('EXCHANGE_PUSH_DEAD_LETTER_AFTER', '24h', env) * 1000,
    },
    timeoutMs: durationEnv('EXCHANGE_PUSH_TIMEOUT', '10s', env) * 1000,
    maxEntries: Math.min(positiveIntEnv('EXCHANGE_PUSH_BATCH_ENTRIES', 500, env), 500),
    maxBodyBytes: MAX_PUSH_BODY_BYTES,
    pollMs: positiveIntEnv('EXCHANGE_PUSH_POLL_MS', 100, env),
  };
}

import { ConfigError, optionalEnv } from '../config/env';

/**
 * Server-side limits every connection of a subgraph (ORM, event bus) opens
 * with, so one slow statement or an abandoned transaction ends on its own
 * instead of holding a backend, its locks and a pool slot. Sent as startup
 * parameters: they hold on any PostgreSQL, embedded or not.
 */
export interface SessionTimeouts {
  /** statement_timeout, ms (DB_STATEMENT_TIMEOUT_MS, default 15 s; 0 = none). */
  statement_timeout: number;
  /** idle_in_transaction_session_timeout, ms (DB_IDLE_IN_TRANSACTION_TIMEOUT_MS, default 15 s; 0 = none). */
  idle_in_transaction_session_timeout: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;

function millisecondsEnv(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = optionalEnv(name, String(fallback), env);
  const value = Number(raw);
  // PostgreSQL takes these as a 32-bit integer of milliseconds.
  if (!Number.isInteger(value) || value < 0 || value > 2_147_483_647) {
    throw new ConfigError(
      `environment variable ${name} must be a whole number of milliseconds (0 for none), got '${raw}'`,
    );
  }
  return value;
}

export function sessionTimeouts(env: NodeJS.ProcessEnv = process.env): SessionTimeouts {
  return {
    statement_timeout: millisecondsEnv('DB_STATEMENT_TIMEOUT_MS', DEFAULT_TIMEOUT_MS, env),
    idle_in_transaction_session_timeout: millisecondsEnv('DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', DEFAULT_TIMEOUT_MS, env),
  };
}

/**
 * Migrations run once at deploy and may legitimately build an index for
 * minutes: DB_MIGRATION_STATEMENT_TIMEOUT_MS, default none.
 */
export function migrationTimeouts(env: NodeJS.ProcessEnv = process.env): SessionTimeouts {
  return { ...sessionTimeouts(env), statement_timeout: millisecondsEnv('DB_MIGRATION_STATEMENT_TIMEOUT_MS', 0, env) };
}

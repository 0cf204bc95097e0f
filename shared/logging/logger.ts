import pino, { Logger } from 'pino';

/** One structured logger per service; LOG_LEVEL tunes it (silent in tests). */
export function createLogger(service: string): Logger {
  return pino({ name: service, level: process.env.LOG_LEVEL ?? 'info' });
}

export type { Logger };

import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Development secrets for `npm start` when none are configured: the HS256
 * secret tokens are signed with (kept in a file, so `npm run token` signs with
 * the secret the running system uses) and the internal gateway → subgraph key
 * (fresh at every start).
 */
export const DEV_SECRET_FILE = resolve(process.env.DEV_SECRET_FILE ?? '.data/dev-jwt-secret');

export function readDevJwtSecret(): string | null {
  return existsSync(DEV_SECRET_FILE) ? readFileSync(DEV_SECRET_FILE, 'utf8').trim() : null;
}

export function ensureDevJwtSecret(): string {
  const existing = readDevJwtSecret();
  if (existing) return existing;
  const secret = randomBytes(32).toString('hex');
  mkdirSync(dirname(DEV_SECRET_FILE), { recursive: true });
  try {
    // 'wx': npm start and npm run token may both make it at once; the first one written is the secret.
    writeFileSync(DEV_SECRET_FILE, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readFileSync(DEV_SECRET_FILE, 'utf8').trim();
  }
  return secret;
}

export function randomKey(): string {
  return randomBytes(32).toString('hex');
}

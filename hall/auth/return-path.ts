/** The longest `return` kept across a sign-in. */
const MAX_RETURN_LENGTH = 512;
export const DEFAULT_RETURN_PATH = '/hall';

/**
 * Where to go after signing in: only a path of this site (`/hall`, `/hall?uscc=…`, `/graphiql`).
 * Anything that could leave it — `https://evil`, `//evil`, `/\evil`, a scheme, control characters —
 * and anything absent or over-long is the hall's front page: no open redirect.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || value === '' || value.length > MAX_RETURN_LENGTH) return DEFAULT_RETURN_PATH;
  if (!value.startsWith('/') || value.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(value))
    return DEFAULT_RETURN_PATH;
  const base = 'http://hall.invalid';
  const resolved = new URL(value, base);
  // Back into the sign-in itself (/auth/login, /auth/logout) would loop.
  if (resolved.origin !== base || resolved.pathname === '/auth' || resolved.pathname.startsWith('/auth/'))
    return DEFAULT_RETURN_PATH;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}

import type { CookieOptions, Request } from 'express';

/** One cookie of the request's Cookie header (first occurrence), or undefined. */
export function cookieOf(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

/**
 * The hall's cookies: httpOnly (no script reads them), SameSite=Lax — the sign-in comes back as a top-level
 * redirect from the identity provider, and clerks follow links to /hall from the district's portal; what
 * changes data needs a JSON body and a custom header no cross-site form can send (hall/api/graphql-proxy.ts) —
 * and Secure whenever the hall is reached over https.
 */
export function cookieOptions(secure: boolean, path = '/'): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure, path };
}

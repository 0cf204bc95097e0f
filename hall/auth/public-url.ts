import type { Request } from 'express';
import type { SignInConfig } from './config';

/** A Host header as browsers send it: a name or an address, and a port. */
const HOST = /^(?:[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

/**
 * Where users reach the hall (no trailing slash): PUBLIC_URL, or in development the Host the browser
 * asked for (the gateway passes it on), over http. null: a Host header that is not one.
 */
export function publicBaseOf(req: Request, config: Pick<SignInConfig, 'publicUrl'>): string | null {
  if (config.publicUrl) return config.publicUrl;
  const host = req.headers.host;
  return host && HOST.test(host) ? `http://${host}` : null;
}

/** Secure cookies whenever the public address is https. */
export function isSecureBase(base: string): boolean {
  return base.startsWith('https:');
}

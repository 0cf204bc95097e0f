import type { RequestHandler } from 'express';
import type { SignInConfig } from './config';
import { cookieOf, cookieOptions } from './cookies';
import { isSecureBase, publicBaseOf } from './public-url';
import { attachSession, openSession, sealSession, SESSION_COOKIE } from './session';

/** A session's idle clock is moved on at most this often: not every request re-encrypts the cookie. */
const TOUCH_AFTER_SECONDS = 60;

/**
 * Opens the session cookie once per request, for sessionOf: a valid one is attached (and its last use
 * renewed, for the idle limit); an invalid, expired or idle one is cleared, and the request is the public's.
 */
export function sessionMiddleware(config: SignInConfig): RequestHandler {
  return async (req, res, next) => {
    const value = cookieOf(req, SESSION_COOKIE);
    if (!value) return next();
    const base = publicBaseOf(req, config);
    const options = cookieOptions(base !== null && isSecureBase(base));
    const now = Date.now();
    const opened = await openSession(value, config.sessionKey, config.idleSeconds, now);
    if (!opened) {
      res.clearCookie(SESSION_COOKIE, options);
      return next();
    }
    attachSession(req, opened.session);
    if (Math.floor(now / 1000) - opened.lastSeen >= TOUCH_AFTER_SECONDS) {
      res.cookie(SESSION_COOKIE, await sealSession(opened.session, config.sessionKey, now), {
        ...options,
        maxAge: opened.session.expiresAt - now,
      });
    }
    next();
  };
}

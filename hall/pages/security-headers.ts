import type { RequestHandler } from 'express';

/**
 * Every page and asset: nothing off-origin (no CDN, no third-party script, style, font or
 * connection), no inline script (the pages load same-origin modules only), no framing, no MIME
 * sniffing. Images may be data: URLs (none are used yet; the SVG icons are DOM elements).
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const securityHeaders: RequestHandler = (_req, res, next) => {
  res.set({
    'Content-Security-Policy': PAGE_CSP,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    // The verification page's address carries the report's code: never sent to another site.
    'Referrer-Policy': 'same-origin',
  });
  next();
};

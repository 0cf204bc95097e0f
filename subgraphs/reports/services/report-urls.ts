/** Where the hall process serves a report's PDF (GET, the caller's bearer token). */
export function downloadPath(number: string): string {
  return `/documents/credit-reports/${number}.pdf`;
}

/** The public verification page (the hall process builds it), with the number and code filled in. */
export function verifyPath(number: string, code: string): string {
  return `/verify?number=${encodeURIComponent(number)}&code=${encodeURIComponent(code)}`;
}

/** Relative to the public port, or absolute under PUBLIC_URL. */
export function publicUrl(base: string, path: string): string {
  return `${base}${path}`;
}

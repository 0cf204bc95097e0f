/**
 * Just enough of a browser for driving a sign-in over HTTP: a cookie jar that keeps cookies per host
 * (not per port, as browsers do) with their Path and expiry, and redirects followed one hop at a time,
 * so a test sees every Set-Cookie and Location on the way.
 */
export interface StoredCookie {
  name: string;
  value: string;
  host: string;
  path: string;
  expiresAt: number | null;
  /** The Set-Cookie line as received, for the test's assertions on its attributes. */
  raw: string;
}

export interface Hop {
  url: string;
  status: number;
  location: string | null;
  response: Response;
}

const MAX_REDIRECTS = 20;

export class CookieBrowser {
  readonly cookies: StoredCookie[] = [];

  private store(url: URL, response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';').map((part) => part.trim());
      const at = pair.indexOf('=');
      const cookie: StoredCookie = {
        name: pair.slice(0, at),
        value: pair.slice(at + 1),
        host: url.hostname,
        path: '/',
        expiresAt: null,
        raw: line,
      };
      for (const attribute of attributes) {
        const [key, value = ''] = attribute.split('=');
        const name = key.toLowerCase();
        if (name === 'path') cookie.path = value;
        if (name === 'max-age') cookie.expiresAt = Date.now() + Number(value) * 1000;
        if (name === 'expires' && cookie.expiresAt === null) cookie.expiresAt = Date.parse(value);
      }
      const same = this.cookies.findIndex(
        (c) => c.name === cookie.name && c.host === cookie.host && c.path === cookie.path,
      );
      if (same >= 0) this.cookies.splice(same, 1);
      if (cookie.expiresAt === null || cookie.expiresAt > Date.now()) this.cookies.push(cookie);
    }
  }

  cookieHeader(url: URL): string {
    return this.cookies
      .filter(
        (c) =>
          c.host === url.hostname &&
          (c.expiresAt === null || c.expiresAt > Date.now()) &&
          (url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`)),
      )
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  cookie(name: string): StoredCookie | undefined {
    return this.cookies.find((c) => c.name === name);
  }

  /** One request, cookies sent and stored, no redirect followed. */
  async request(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const headers = new Headers(init.headers);
    const cookie = this.cookieHeader(target);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(target, { ...init, headers, redirect: 'manual' });
    this.store(target, response);
    return response;
  }

  /** Follows redirects (303/302/301/307 as a browser does after a GET or form POST) until an answer that is not one. */
  async navigate(url: string | URL, init: RequestInit = {}): Promise<Hop[]> {
    const hops: Hop[] = [];
    let current = new URL(url);
    let request = init;
    for (let i = 0; i < MAX_REDIRECTS; i += 1) {
      const response = await this.request(current, request);
      const location = response.headers.get('location');
      hops.push({ url: current.href, status: response.status, location, response });
      if (response.status < 300 || response.status >= 400 || !location) return hops;
      await response.arrayBuffer();
      current = new URL(location, current);
      request = {};
    }
    throw new Error(`more than ${MAX_REDIRECTS} redirects from ${url}`);
  }

  /** Submits the HTML form whose action ends with `actionSuffix`, with its hidden fields and `fields`. */
  async submitForm(
    page: { url: string; html: string },
    actionSuffix: string,
    fields: Record<string, string> = {},
  ): Promise<Hop[]> {
    const forms = [...page.html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)];
    const form = forms.find((f) => (/action="([^"]*)"/.exec(f[1])?.[1] ?? '').endsWith(actionSuffix));
    if (!form) throw new Error(`no form with an action ending in ${actionSuffix} on ${page.url}`);
    const action = new URL((/action="([^"]*)"/.exec(form[1]) as RegExpExecArray)[1].replace(/&amp;/g, '&'), page.url);
    const body = new URLSearchParams();
    for (const input of form[2].matchAll(/<input\b[^>]*type="hidden"[^>]*>/g)) {
      const name = /name="([^"]*)"/.exec(input[0])?.[1];
      const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? '';
      if (name) body.set(name, value);
    }
    for (const [name, value] of Object.entries(fields)) body.set(name, value);
    return this.navigate(action, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }
}

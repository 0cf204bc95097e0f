import { Request, Response, Router } from 'express';
import type { Logger } from '../../shared/logging/logger';
import type { HallConfig } from '../config';
import { cookieOf, cookieOptions } from './cookies';
import { identityProvider, IdentityProvider } from './identity-provider';
import { LOGIN_COOKIE, LOGIN_COOKIE_PATH, LOGIN_TTL_SECONDS, openLoginState, sealLoginState } from './login-state';
import { signInProblemPage } from './problem-page';
import { isSecureBase, publicBaseOf } from './public-url';
import { DEFAULT_RETURN_PATH, safeReturnPath } from './return-path';
import { sealSession, SESSION_COOKIE, sessionOf } from './session';
import { sessionMiddleware } from './session-middleware';
import { SignInRefused, userOfAccessToken } from './token-user';

function noStore(res: Response): Response {
  return res.setHeader('cache-control', 'no-store');
}

function problem(res: Response, status: number, message: string, returnTo = DEFAULT_RETURN_PATH): void {
  noStore(res).status(status).type('html').send(signInProblemPage(message, returnTo));
}

/**
 * Sign-in with the district's identity provider (OpenID Connect, authorization code + PKCE):
 * /auth/login → the provider → /auth/callback → the session cookie (hall/auth/session.ts);
 * /auth/logout, /auth/session (who is signed in, for the pages) and, in development only,
 * /auth/token (the session's access token, for GraphiQL's headers). Its session middleware runs
 * before every other router of the hall, so sessionOf(req) works everywhere.
 */
export function authRouter(config: HallConfig, logger: Logger): Router {
  const { signIn } = config;
  const router = Router();
  router.use(sessionMiddleware(signIn));
  const provider: IdentityProvider | null = signIn.issuer
    ? identityProvider({ ...signIn, issuer: signIn.issuer })
    : null;
  if (!provider) logger.warn('OIDC_ISSUER is not set: nobody can sign in at the hall (the public pages work)');

  /** The public base of this request, or an answered 400. */
  const baseOf = (req: Request, res: Response): string | null => {
    const base = publicBaseOf(req, signIn);
    if (base === null) problem(res, 400, '请求的主机名无效 (the Host header is not a host name)');
    return base;
  };

  router.get('/auth/login', async (req, res) => {
    const returnTo = safeReturnPath(req.query.return);
    if (!provider)
      return problem(res, 503, '未配置统一身份认证，无法登录 (sign-in is not configured: OIDC_ISSUER)', returnTo);
    const base = baseOf(req, res);
    if (base === null) return;
    const redirectUri = `${base}/auth/callback`;
    try {
      const started = await provider.start(redirectUri);
      const sealed = await sealLoginState(
        { state: started.state, nonce: started.nonce, codeVerifier: started.codeVerifier, redirectUri, returnTo },
        signIn.sessionKey,
      );
      res.cookie(LOGIN_COOKIE, sealed, {
        ...cookieOptions(isSecureBase(base), LOGIN_COOKIE_PATH),
        maxAge: LOGIN_TTL_SECONDS * 1000,
      });
      noStore(res).redirect(303, started.url.href);
    } catch (error) {
      logger.error({ err: error, issuer: signIn.issuer }, 'the identity provider could not be reached for sign-in');
      problem(res, 503, '统一身份认证暂不可用，请稍后再试 (the identity provider did not answer)', returnTo);
    }
  });

  router.get('/auth/callback', async (req, res) => {
    if (!provider) return problem(res, 503, '未配置统一身份认证 (sign-in is not configured)');
    const base = baseOf(req, res);
    if (base === null) return;
    const secure = isSecureBase(base);
    const login = await openLoginState(cookieOf(req, LOGIN_COOKIE), signIn.sessionKey);
    res.clearCookie(LOGIN_COOKIE, cookieOptions(secure, LOGIN_COOKIE_PATH));
    if (!login)
      return problem(res, 400, '登录已超时或不是从本页发起，请重新登录 (no sign-in in progress in this browser)');
    if (typeof req.query.error === 'string') {
      logger.info({ error: req.query.error }, 'the identity provider did not sign the user in');
      return problem(
        res,
        401,
        req.query.error === 'access_denied'
          ? '已取消登录 (sign-in cancelled)'
          : `登录未完成 (${req.query.error.slice(0, 64)})`,
        login.returnTo,
      );
    }
    // The URL the provider redirected to: the redirect_uri sent at /auth/login, with the provider's parameters.
    const callbackUrl = new URL(login.redirectUri);
    callbackUrl.search = new URL(req.originalUrl, base).search;
    try {
      const completed = await provider.complete(callbackUrl, login);
      const { user, expiresAt } = userOfAccessToken(completed.accessToken, completed.subject);
      const now = Date.now();
      res.cookie(
        SESSION_COOKIE,
        await sealSession({ user, accessToken: completed.accessToken, expiresAt }, signIn.sessionKey, now),
        { ...cookieOptions(secure), maxAge: expiresAt - now },
      );
      logger.info({ sub: user.sub, org: user.org, roles: user.roles }, 'signed in');
      noStore(res).redirect(303, login.returnTo);
    } catch (error) {
      logger.warn({ err: error }, 'sign-in refused at the callback');
      const message =
        error instanceof SignInRefused
          ? error.message
          : 'the provider’s answer did not pass the checks (state, PKCE, ID token)';
      problem(res, 401, `登录失败，请重新登录 (${message})`, login.returnTo);
    }
  });

  const logout = async (req: Request, res: Response) => {
    const base = baseOf(req, res);
    if (base === null) return;
    res.clearCookie(SESSION_COOKIE, cookieOptions(isSecureBase(base)));
    noStore(res);
    let endSession: URL | null = null;
    try {
      endSession = provider && (await provider.endSessionUrl(`${base}${DEFAULT_RETURN_PATH}`));
    } catch (error) {
      logger.warn(
        { err: error },
        'the identity provider could not be reached for sign-out; signed out of the hall only',
      );
    }
    res.redirect(303, endSession?.href ?? DEFAULT_RETURN_PATH);
  };
  // A form's POST from the pages; GET for a plain link (signing out is all either can do).
  router.post('/auth/logout', logout);
  router.get('/auth/logout', logout);

  router.get('/auth/session', (req, res) => {
    const session = sessionOf(req);
    noStore(res).json(
      session
        ? { signedIn: true, user: session.user, expiresAt: new Date(session.expiresAt).toISOString() }
        : { signedIn: false, signInAvailable: provider !== null },
    );
  });

  // GraphiQL (the gateway's page, same origin) puts the signed-in user's token into its headers: development only.
  router.get('/auth/token', (req, res) => {
    if (!config.development) {
      res.status(404).end();
      return;
    }
    const session = sessionOf(req);
    if (!session) {
      noStore(res)
        .status(401)
        .json({ errors: [{ message: '未登录 (not signed in)', extensions: { code: 'UNAUTHENTICATED' } }] });
      return;
    }
    noStore(res).json({ accessToken: session.accessToken, expiresAt: new Date(session.expiresAt).toISOString() });
  });
  return router;
}

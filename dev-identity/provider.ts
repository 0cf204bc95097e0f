import { createHash, createPrivateKey, generateKeyPairSync, KeyObject, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import express, { Express, NextFunction, Request, Response } from 'express';
import { ClientMetadata, Configuration, errors, JWK, KoaContextWithOIDC, Provider } from 'oidc-provider';
import { SUBJECT_ROLE } from '../shared/auth/policy';
import { SUBJECT_CLAIMS } from '../shared/auth/self';
import { fontAssetsRouter } from '../shared/http/font-assets';
import type { ShutdownSignal } from '../shared/http/graceful-stop';
import { healthRoutes } from '../shared/http/health-routes';
import type { Logger } from '../shared/logging/logger';
import { DevIdentityConfig, refuseProduction } from './config';
import { errorPage, FONT_PATH, loginPage, logoutPage, PAGE_HEADERS, signedOutPage } from './login-page';
import { DemoAccount, demoUser } from './users';

/** The login form carries one short field. */
const FORM_LIMIT = '2kb';
const INTERACTION_TTL_SECONDS = 10 * 60;
const SESSION_TTL_SECONDS = 8 * 3600;
const SIGNING_ALG = 'ES256';

/** The signing key: the configured PEM file, or a fresh P-256 key (tokens signed before a restart no longer verify). */
function signingJwk(config: DevIdentityConfig): JWK {
  const key: KeyObject = config.signingKeyFile
    ? createPrivateKey(readFileSync(config.signingKeyFile))
    : generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new Error('DEV_IDP_SIGNING_KEY_FILE must hold an EC P-256 private key (ES256)');
  }
  const jwk = key.export({ format: 'jwk' }) as JWK;
  // The key id follows the public key: the same key file keeps the same kid across restarts.
  const kid = `dev-${createHash('sha256').update(`${jwk.x}.${jwk.y}`).digest('hex').slice(0, 12)}`;
  return { ...jwk, alg: SIGNING_ALG, use: 'sig', kid };
}

/** The hall's client. `native`: its loopback redirect URIs match on any port (RFC 8252 §7.3), so a test's hall on a free port signs in too. */
function hallClient(config: DevIdentityConfig): ClientMetadata {
  const { hallUrl } = config;
  const loopbacks = new Set([
    hallUrl,
    hallUrl.replace('//localhost', '//127.0.0.1'),
    hallUrl.replace('//127.0.0.1', '//localhost'),
  ]);
  return {
    client_id: config.clientId,
    client_name: '政务服务大厅',
    application_type: 'native',
    ...(config.clientSecret
      ? { client_secret: config.clientSecret, token_endpoint_auth_method: 'client_secret_basic' }
      : { token_endpoint_auth_method: 'none' }),
    grant_types: ['authorization_code'],
    id_token_signed_response_alg: SIGNING_ALG,
    response_types: ['code'],
    redirect_uris: [...loopbacks].map((base) => `${base}/auth/callback`),
    post_logout_redirect_uris: [...loopbacks].map((base) => `${base}/hall`),
  };
}

/**
 * What the access token says of the account (DESIGN.md, "Access model"): a staff user's department and
 * roles; a subject's role and which subject it is (shared/auth/self.ts SUBJECT_CLAIMS), no org. The
 * subject's codes go into the access token for the gateway only, not into the ID token or userinfo.
 */
function accessClaims(account: DemoAccount): Record<string, unknown> {
  if (account.kind === 'staff') return { name: account.name, org: account.org, roles: account.roles };
  const { uscc, idNumber } = account.self;
  return {
    name: account.name,
    roles: [SUBJECT_ROLE],
    ...(uscc !== null ? { [SUBJECT_CLAIMS.uscc]: uscc } : { [SUBJECT_CLAIMS.idNumber]: idNumber }),
  };
}

function sendPage(ctx: KoaContextWithOIDC, html: string): void {
  ctx.set(PAGE_HEADERS);
  ctx.body = html;
}

function providerConfiguration(config: DevIdentityConfig, logger: Logger): Configuration {
  return {
    clients: [hallClient(config)],
    jwks: { keys: [signingJwk(config)] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    scopes: ['openid', 'profile'],
    claims: { openid: ['sub'], profile: ['name', 'org', 'roles'] },
    responseTypes: ['code'],
    pkce: { required: () => true },
    findAccount: (_ctx, sub) => {
      const user = demoUser(sub);
      if (!user) return undefined;
      return {
        accountId: user.sub,
        claims: () => ({
          sub: user.sub,
          name: user.name,
          org: user.kind === 'staff' ? user.org : null,
          roles: user.kind === 'staff' ? user.roles : [SUBJECT_ROLE],
        }),
      };
    },
    // The claims the gateway reads from the access token (DESIGN.md, "Access model").
    extraTokenClaims: (_ctx, token) => {
      const user = 'accountId' in token ? demoUser(token.accountId) : undefined;
      return user ? accessClaims(user) : undefined;
    },
    features: {
      devInteractions: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => config.resource,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => {
          if (indicator !== config.resource) throw new errors.InvalidTarget(`unknown resource ${indicator}`);
          return {
            scope: '',
            audience: config.resource,
            accessTokenTTL: config.accessTokenTtlSeconds,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: SIGNING_ALG } },
          };
        },
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => sendPage(ctx, logoutPage(form)),
        postLogoutSuccessSource: (ctx) => sendPage(ctx, signedOutPage()),
      },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: {
      Interaction: INTERACTION_TTL_SECONDS,
      Session: SESSION_TTL_SECONDS,
      Grant: SESSION_TTL_SECONDS,
      AccessToken: config.accessTokenTtlSeconds,
      IdToken: config.accessTokenTtlSeconds,
      AuthorizationCode: 60,
    },
    renderError: (ctx, out, error) => {
      logger.warn({ err: error, error: out.error }, 'identity provider error');
      ctx.status = ctx.status >= 400 ? ctx.status : 400;
      sendPage(ctx, errorPage(`${out.error}${out.error_description ? `: ${out.error_description}` : ''}`));
    },
  };
}

/**
 * Builds the development identity provider for `issuer`: oidc-provider (authorization code + PKCE S256,
 * JWT access tokens for the gateway's resource), a Chinese choose-a-demo-user login page, /health/*.
 */
export function createDevIdentityProvider(
  config: DevIdentityConfig & { issuer: string },
  logger: Logger,
  shutdown: ShutdownSignal,
): Express {
  refuseProduction();
  const provider = new Provider(config.issuer, providerConfiguration(config, logger));
  const app = express();
  app.disable('x-powered-by');
  app.use(healthRoutes(async () => ({ ready: true, checks: {} }), shutdown));
  app.use(FONT_PATH, fontAssetsRouter('public, max-age=86400'));
  const form = express.urlencoded({ extended: false, limit: FORM_LIMIT, parameterLimit: 4 });

  // Every step reads the interaction through its cookie: a form posted from elsewhere has none (SameSite=Lax) and is refused.
  app.get('/interaction/:uid', async (req, res) => {
    const interaction = await provider.interactionDetails(req, res);
    if (interaction.prompt.name === 'login') {
      const client = await provider.Client.find(interaction.params.client_id as string);
      res
        .set(PAGE_HEADERS)
        .send(loginPage(interaction.uid, client?.clientName ?? String(interaction.params.client_id)));
      return;
    }
    // The hall is a first-party client: what it asks for is granted without a consent screen.
    const { details } = interaction.prompt;
    const accountId = interaction.session?.accountId;
    if (interaction.prompt.name !== 'consent' || !accountId)
      throw new errors.InvalidRequest(`unexpected prompt ${interaction.prompt.name}`);
    const grant = interaction.grantId
      ? await provider.Grant.find(interaction.grantId)
      : new provider.Grant({ accountId, clientId: interaction.params.client_id as string });
    if (!grant) throw new errors.InvalidRequest('grant not found');
    if (Array.isArray(details.missingOIDCScope)) grant.addOIDCScope(details.missingOIDCScope.join(' '));
    if (Array.isArray(details.missingOIDCClaims)) grant.addOIDCClaims(details.missingOIDCClaims as string[]);
    const resourceScopes = (details.missingResourceScopes ?? {}) as Record<string, string[]>;
    for (const [resource, scopes] of Object.entries(resourceScopes)) grant.addResourceScope(resource, scopes.join(' '));
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  });

  app.post('/interaction/:uid/login', form, async (req, res) => {
    const interaction = await provider.interactionDetails(req, res);
    const user = typeof req.body?.user === 'string' ? demoUser(req.body.user) : undefined;
    if (interaction.prompt.name !== 'login' || !user) {
      res.status(400).set(PAGE_HEADERS).send(errorPage('请选择一位演示用户'));
      return;
    }
    logger.info({ sub: user.sub, kind: user.kind }, 'development sign-in');
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: user.sub } },
      { mergeWithLastSubmission: false },
    );
  });

  app.post('/interaction/:uid/abort', form, async (req, res) => {
    await provider.interactionDetails(req, res);
    await provider.interactionFinished(
      req,
      res,
      { error: 'access_denied', error_description: '用户取消了登录' },
      { mergeWithLastSubmission: false },
    );
  });

  app.use(provider.callback());
  // An interaction whose cookie is missing or expired (SessionNotFound), or a broken form: a page, not a stack trace.
  app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const expired = error instanceof errors.SessionNotFound;
    logger.warn({ err: error }, 'interaction failed');
    res
      .status(expired ? 400 : 500)
      .set(PAGE_HEADERS)
      .send(errorPage(expired ? '登录已超时或已在别处完成' : '登录失败'));
  });
  return app;
}

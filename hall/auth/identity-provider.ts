import * as oidc from 'openid-client';
import type { SignInConfig } from './config';

/** The one place that speaks OpenID Connect to the district's identity provider (openid-client). */
export interface StartedSignIn {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface CompletedSignIn {
  accessToken: string;
  /** The verified ID token's subject. */
  subject: string;
}

export interface IdentityProvider {
  /** The authorization request: code + PKCE (S256), state and nonce fresh for this sign-in. */
  start(redirectUri: string): Promise<StartedSignIn>;
  /** Exchanges the code of `callbackUrl` after checking state, issuer, PKCE and the ID token (signature, iss, aud, exp, nonce). */
  complete(callbackUrl: URL, checks: { state: string; nonce: string; codeVerifier: string }): Promise<CompletedSignIn>;
  /** RP-initiated logout at the provider's end_session_endpoint, or null when it has none. */
  endSessionUrl(postLogoutRedirectUri: string): Promise<URL | null>;
}

/** How long discovery and each call to the provider may take. */
const PROVIDER_TIMEOUT_SECONDS = 10;

export function identityProvider(config: SignInConfig & { issuer: string }): IdentityProvider {
  let discovered: Promise<oidc.Configuration> | null = null;
  // Discovered at the first sign-in (the provider may start after the hall); a failed discovery is tried again next time.
  const configuration = (): Promise<oidc.Configuration> => {
    discovered ??= oidc
      .discovery(
        new URL(config.issuer),
        config.clientId,
        config.clientSecret ? { client_secret: config.clientSecret } : undefined,
        config.clientSecret ? oidc.ClientSecretBasic(config.clientSecret) : oidc.None(),
        {
          timeout: PROVIDER_TIMEOUT_SECONDS,
          ...(config.allowInsecureIssuer && config.issuer.startsWith('http:')
            ? { execute: [oidc.allowInsecureRequests] }
            : {}),
        },
      )
      .catch((error: unknown) => {
        discovered = null;
        throw error;
      });
    return discovered;
  };
  const resource: Record<string, string> = config.resource ? { resource: config.resource } : {};
  return {
    async start(redirectUri) {
      const provider = await configuration();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const url = oidc.buildAuthorizationUrl(provider, {
        redirect_uri: redirectUri,
        scope: config.scope,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
        ...resource,
      });
      return { url, state, nonce, codeVerifier };
    },
    async complete(callbackUrl, checks) {
      const provider = await configuration();
      const tokens = await oidc.authorizationCodeGrant(
        provider,
        callbackUrl,
        {
          expectedState: checks.state,
          expectedNonce: checks.nonce,
          pkceCodeVerifier: checks.codeVerifier,
          idTokenExpected: true,
        },
        resource,
      );
      const subject = tokens.claims()?.sub;
      if (!subject) throw new Error('the provider answered without an ID token');
      return { accessToken: tokens.access_token, subject };
    },
    async endSessionUrl(postLogoutRedirectUri) {
      const provider = await configuration();
      if (!provider.serverMetadata().end_session_endpoint) return null;
      return oidc.buildEndSessionUrl(provider, {
        client_id: config.clientId,
        post_logout_redirect_uri: postLogoutRedirectUri,
      });
    },
  };
}

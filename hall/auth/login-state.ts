import { seal, unseal } from './sealed';

/** The short-lived cookie that carries one sign-in from /auth/login to /auth/callback. */
export const LOGIN_COOKIE = 'gusu_hall_login';
export const LOGIN_COOKIE_PATH = '/auth';
/** How long a person may take on the provider's pages. */
export const LOGIN_TTL_SECONDS = 10 * 60;

/** What the callback checks the provider's answer against (OAuth state, OIDC nonce, the PKCE verifier), and where to go then. */
export interface LoginState {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** The redirect_uri sent, sent again with the code. */
  redirectUri: string;
  returnTo: string;
}

export function sealLoginState(login: LoginState, key: Uint8Array, nowMs = Date.now()): Promise<string> {
  return seal({ ...login }, key, Math.floor(nowMs / 1000) + LOGIN_TTL_SECONDS);
}

export async function openLoginState(
  value: string | undefined,
  key: Uint8Array,
  nowMs = Date.now(),
): Promise<LoginState | null> {
  if (!value) return null;
  const claims = await unseal(value, key, nowMs);
  if (!claims) return null;
  const { state, nonce, codeVerifier, redirectUri, returnTo } = claims;
  if ([state, nonce, codeVerifier, redirectUri, returnTo].some((v) => typeof v !== 'string')) return null;
  return { state, nonce, codeVerifier, redirectUri, returnTo } as LoginState;
}

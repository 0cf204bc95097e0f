import type { KeyObject } from 'node:crypto';
import { signInternalToken } from '../../shared/auth/internal-token';
import type { Principal } from '../../shared/auth/principal';

/** A token is used for half of its 60 s life, so that one still valid always reaches the subgraph. */
const REUSE_MS = 30_000;
/** More principals than this at once, and the oldest tokens are forgotten early. */
const MAX_TOKENS = 10_000;

/**
 * Signs the internal tokens the gateway sends to subgraphs, one per principal
 * and subgraph for 30 s rather than one per request: signing was a steady cost
 * on every subgraph request, and a token names the principal, not the request
 * (subgraphs keep no list of used tokens, so a per-request token bought nothing).
 * Equal tokens also let identical queries of one principal share a request.
 */
export class InternalTokenSigner {
  private readonly tokens = new Map<string, { token: Promise<string>; signedAt: number }>();

  constructor(private readonly key: KeyObject) {}

  sign(principal: Principal, audience: string): Promise<string> {
    const cacheKey = `${audience}\n${JSON.stringify(principal)}`;
    const now = Date.now();
    const cached = this.tokens.get(cacheKey);
    if (cached && now - cached.signedAt < REUSE_MS) return cached.token;
    if (this.tokens.size >= MAX_TOKENS) this.forgetBefore(now - REUSE_MS);
    const token = signInternalToken(principal, audience, this.key);
    this.tokens.set(cacheKey, { token, signedAt: now });
    token.catch(() => this.tokens.delete(cacheKey));
    return token;
  }

  private forgetBefore(time: number): void {
    for (const [cacheKey, { signedAt }] of this.tokens) if (signedAt < time) this.tokens.delete(cacheKey);
    // All of them recent: the oldest half goes (a Map iterates in insertion order).
    if (this.tokens.size >= MAX_TOKENS)
      [...this.tokens.keys()].slice(0, MAX_TOKENS / 2).forEach((cacheKey) => this.tokens.delete(cacheKey));
  }
}

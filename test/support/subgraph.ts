import { createPrivateKey } from 'node:crypto';
import { INTERNAL_TOKEN_HEADER, signInternalToken } from '../../shared/auth/internal-token';
import type { Principal } from '../../shared/auth/principal';
import { servicePort } from './gateway';

/**
 * Calls one subgraph directly as `principal`, with the internal token the
 * gateway would sign (with the key the test setup shares): what a subgraph enforces on its own, behind a gateway
 * that let the request through.
 */
export async function asSubgraph<T = Record<string, unknown>>(
  name: string,
  principal: Principal,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{
  status: number;
  data?: T;
  errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[];
}> {
  const token = await signInternalToken(principal, name, createPrivateKey(process.env.GUSU_INTERNAL_PRIVATE_KEY ?? ''));
  const response = await fetch(`http://127.0.0.1:${servicePort(name)}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: token },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

import { INTERNAL_TOKEN_HEADER } from '../../shared/auth/internal-token';
import type { Principal } from '../../shared/auth/principal';
import { GATEWAY_PRINCIPAL } from '../auth/gateway-principal';
import type { InternalTokenSigner } from '../auth/token-signer';
import { timedFetcher } from '../metrics/subgraph-fetch';
import type { SubgraphFetcher } from './subgraph-fetcher';

export interface GatewayCallResult<T> {
  ok: boolean;
  data?: T | null;
  errors?: { message: string }[];
}

/**
 * One GraphQL call from the gateway straight to a subgraph (not through the planner, so no client reaches
 * it): as itself, or on a verified caller's own account (`as`: the subject lookup asks for its own id only).
 */
export async function callAsGateway<T>(
  fetcher: SubgraphFetcher,
  signer: InternalTokenSigner,
  target: { url: string; subgraph: string },
  query: string,
  variables: Record<string, unknown> = {},
  as: Principal = GATEWAY_PRINCIPAL,
): Promise<GatewayCallResult<T>> {
  const response = await timedFetcher(target.subgraph, fetcher.fetch)(target.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [INTERNAL_TOKEN_HEADER]: await signer.sign(as, target.subgraph),
    },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await response.json()) as { data?: T | null; errors?: { message: string }[] };
  return { ok: response.ok, ...body };
}

import { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { INTERNAL_TOKEN_HEADER } from '../../shared/auth/internal-token';
import { PUBLIC_PRINCIPAL } from '../../shared/auth/principal';
import type { GatewayContext } from '../guarded-gateway';
import type { SubgraphFetcher } from '../transport/subgraph-fetcher';
import type { InternalTokenSigner } from './token-signer';

/** Sends each subgraph request with the principal, signed for that subgraph alone. */
export class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly subgraph: string,
    private readonly signer: InternalTokenSigner,
    fetcher: SubgraphFetcher,
  ) {
    super({ url, fetcher: fetcher.fetch });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const principal = (context as Partial<GatewayContext> | undefined)?.principal ?? PUBLIC_PRINCIPAL;
    request.http?.headers.set(INTERNAL_TOKEN_HEADER, await this.signer.sign(principal, this.subgraph));
  }
}

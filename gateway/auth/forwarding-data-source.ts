import { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { INTERNAL_TOKEN_HEADER, signInternalToken } from '../../shared/auth/internal-token';
import { PUBLIC_PRINCIPAL } from '../../shared/auth/principal';
import type { GatewayContext } from '../guarded-gateway';

/** Sends each subgraph request with the principal, signed for that subgraph alone. */
export class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly subgraph: string,
    private readonly key: Uint8Array,
  ) {
    super({ url });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const principal = (context as Partial<GatewayContext> | undefined)?.principal ?? PUBLIC_PRINCIPAL;
    request.http?.headers.set(INTERNAL_TOKEN_HEADER, await signInternalToken(principal, this.subgraph, this.key));
  }
}

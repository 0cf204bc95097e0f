import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { buildSchema, BuildSchemaOptions, createResolversMap } from 'type-graphql';
import { AUDIT_SPEC_URL, AUDITED_DIRECTIVE_DEFINITION } from '../auth/directives';
import { SIZED_BY_DIRECTIVE_DEFINITION, SIZED_BY_SPEC_URL } from './sized-by';

/**
 * The Federation version and directives every subgraph links, and our own
 * @audited (shared/auth/directives.ts) and @sizedBy (sized-by.ts), which
 * @composeDirective carries into the supergraph so the gateway reads what to
 * audit and what a list costs from the same file as the access rules.
 */
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", ' +
  'import: ["@key", "@shareable", "@external", "@requires", "@authenticated", "@requiresScopes", "@policy", "@inaccessible", "@composeDirective"]) ' +
  `@link(url: "${AUDIT_SPEC_URL}", import: ["@audited"]) @composeDirective(name: "@audited") ` +
  `@link(url: "${SIZED_BY_SPEC_URL}", import: ["@sizedBy"]) @composeDirective(name: "@sizedBy")\n` +
  `${AUDITED_DIRECTIVE_DEFINITION}\n${SIZED_BY_DIRECTIVE_DEFINITION}`;

export type ReferenceResolvers = GraphQLResolverMap<unknown>;

/**
 * Builds a Federation 2 subgraph schema from type-graphql resolvers: type-graphql
 * produces the types (with @key and friends as directives), @apollo/subgraph adds
 * _entities/_service, and the reference resolvers are merged in.
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  referenceResolvers: ReferenceResolvers = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    ...options,
    validate: false,
    skipCheck: true,
  });
  const typeDefs = gql(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, fields] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = {
      ...(resolvers[typeName] as object),
      ...(fields as object),
    } as GraphQLResolverMap<unknown>[string];
  }
  return buildSubgraphSchema({ typeDefs, resolvers });
}

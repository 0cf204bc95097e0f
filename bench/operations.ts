import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { GraphQLSchema, Kind, parse, print, TypeInfo, visit, visitWithTypeInfo } from 'graphql';
import { loadSupergraph } from '../gateway/auth/supergraph-rules';
import type { SubgraphName } from '../shared/config/services';

/** The repository, from bench/ (tests) or dist/bench/ (npm run bench). */
const ROOT = rootFolder();

function rootFolder(): string {
  const root = [resolve(__dirname, '..'), resolve(__dirname, '../..')].find((dir) =>
    existsSync(resolve(dir, 'supergraph.graphql')),
  );
  if (!root) throw new Error(`no supergraph.graphql above ${__dirname}`);
  return root;
}

/** The documents the clients send (test/operations, copied from the shared contract), as the benchmark sends them. */
function clientDocument(file: string): string {
  return readFileSync(resolve(ROOT, 'test/operations', file), 'utf8');
}

export const HALL_PROFILE = clientDocument('hall-profile.graphql');
export const BATCH_SCREEN = clientDocument('dept-batch-screen.graphql');
export const PUBLISHED_LIST = clientDocument('public-lists.graphql');

/** One subgraph's own schema, as composition extracted it from the committed supergraph. */
function subgraphSchema(subgraph: SubgraphName): GraphQLSchema {
  const { planningSdl } = loadSupergraph(readFileSync(resolve(ROOT, 'supergraph.graphql'), 'utf8'));
  const extracted = Supergraph.build(planningSdl).subgraphs().get(subgraph);
  if (!extracted) throw new Error(`the supergraph has no subgraph ${subgraph}`);
  return extracted.schema.toGraphQLJSSchema();
}

/**
 * What one subgraph answers of a document on its own: the fields it does not
 * define are left out, and so is a field whose selection that leaves empty.
 */
export function ownPart(document: string, subgraph: SubgraphName): string {
  const schema = subgraphSchema(subgraph);
  const typeInfo = new TypeInfo(schema);
  const kept = visit(
    parse(document),
    visitWithTypeInfo(typeInfo, {
      [Kind.FIELD]: { enter: () => (typeInfo.getFieldDef() ? undefined : null) },
    }),
  );
  const pruned = visit(kept, {
    [Kind.FIELD]: {
      leave: (node) => (node.selectionSet && node.selectionSet.selections.length === 0 ? null : undefined),
    },
  });
  return print(pruned);
}

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import type { GraphQLSchema } from 'graphql';
import { loadSupergraph } from '../../gateway/auth/supergraph-rules';

/** The documents real clients send (test/operations): a contract. */
export const OPERATIONS_DIR = join(__dirname, '..', 'operations');

export function clientOperations(): { file: string; source: string }[] {
  return readdirSync(OPERATIONS_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => ({ file, source: readFileSync(join(OPERATIONS_DIR, file), 'utf8') }));
}

export function supergraphSdl(): string {
  return readFileSync(join(__dirname, '..', '..', 'supergraph.graphql'), 'utf8');
}

/** The schema clients see: the API schema of the committed supergraph, as the gateway plans with it. */
export function apiSchema(): GraphQLSchema {
  return Supergraph.build(loadSupergraph(supergraphSdl()).planningSdl).apiSchema().toGraphQLJSSchema();
}

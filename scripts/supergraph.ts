import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { defaultSubgraphUrl } from '../shared/config/services';
import type { SubgraphDefinition } from '../shared/http/subgraph-server';
import { commitmentsSubgraph } from '../subgraphs/commitments/server';
import { evaluationsSubgraph } from '../subgraphs/evaluations/server';
import { exchangeSubgraph } from '../subgraphs/exchange/server';
import { repairsSubgraph } from '../subgraphs/repairs/server';
import { reportsSubgraph } from '../subgraphs/reports/server';
import { sanctionsSubgraph } from '../subgraphs/sanctions/server';
import { subjectsSubgraph } from '../subgraphs/subjects/server';

/** Build tooling, not a service: the one place that sees every subgraph. */
const SUBGRAPHS: SubgraphDefinition<unknown>[] = [
  subjectsSubgraph,
  sanctionsSubgraph,
  commitmentsSubgraph,
  repairsSubgraph,
  reportsSubgraph,
  evaluationsSubgraph,
  exchangeSubgraph,
];

export const SUPERGRAPH_FILE = 'supergraph.graphql';

/** Composes the subgraph schemas (built in-process, no database) into the supergraph SDL. */
export async function composeSupergraph(): Promise<string> {
  const services = await Promise.all(
    SUBGRAPHS.map(async (subgraph) => ({
      name: subgraph.name,
      url: defaultSubgraphUrl(subgraph.name),
      typeDefs: parse(printSubgraphSchema(await subgraph.buildSchema())),
    })),
  );
  const result = composeServices(services);
  if (result.errors) {
    throw new Error(`composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}

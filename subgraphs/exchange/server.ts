import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import type { SubgraphDatabase } from '../../shared/db/orm';
import { AppliedEvent } from '../../shared/events/applied-event';
import { buildFederatedSchema } from '../../shared/graphql/federation';
import type { SubgraphDefinition } from '../../shared/http/subgraph-server';
import { SCHEMA } from './config';
import { CatalogueLine } from './entities/catalogue-line';
import { CatalogueVersion } from './entities/catalogue-version';
import { ExchangeChange } from './entities/exchange-change';
import { FeedEntry } from './entities/feed-entry';
import { Receiver } from './entities/receiver';
import { RecordState } from './entities/record-state';
import { Watch } from './entities/watch';
import { exchangeConsumers } from './events/consumers';
import { createLoaders, ExchangeLoaders } from './loaders';
import { migrations } from './migrations';
import { ReceiverResolver } from './resolvers/receiver.resolver';

export const database: SubgraphDatabase = {
  schema: SCHEMA,
  entities: [AppliedEvent, Receiver, CatalogueVersion, CatalogueLine, RecordState, FeedEntry, Watch, ExchangeChange],
  migrations,
};

/** The subgraph schema alone: no database needed (composition builds it). */
export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({ resolvers: [ReceiverResolver] });
}

export const exchangeSubgraph: SubgraphDefinition<ExchangeLoaders> = {
  name: 'exchange',
  database,
  buildSchema,
  createLoaders,
  // The exchange holds no demo data: its catalogue's first version comes with the migration.
  seedDemoData: async () => undefined,
  consumers: exchangeConsumers,
};

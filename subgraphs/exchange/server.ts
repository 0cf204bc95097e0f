import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import type { SubgraphDatabase } from '../../shared/db/orm';
import { AppliedEvent } from '../../shared/events/applied-event';
import { buildFederatedSchema } from '../../shared/graphql/federation';
import type { SubgraphDefinition } from '../../shared/http/subgraph-server';
import { SCHEMA } from './config';
import { CatalogueLine } from './entities/catalogue-line';
import { CatalogueVersion } from './entities/catalogue-version';
import { DeadLetter } from './entities/dead-letter';
import { DeliveryState } from './entities/delivery-state';
import { ExchangeChange } from './entities/exchange-change';
import { FeedEntry } from './entities/feed-entry';
import { Receiver } from './entities/receiver';
import { Reconciliation } from './entities/reconciliation';
import { RecordState } from './entities/record-state';
import { Watch } from './entities/watch';
import { exchangeConsumers } from './events/consumers';
import { createLoaders, ExchangeLoaders } from './loaders';
import { migrations } from './migrations';
import { CatalogueResolver } from './resolvers/catalogue.resolver';
import { DeliveryResolver } from './resolvers/delivery.resolver';
import { FeedResolver } from './resolvers/feed.resolver';
import { ReceiverResolver } from './resolvers/receiver.resolver';
import { ReconciliationResolver } from './resolvers/reconciliation.resolver';
import { startDelivery, stopDelivery } from './services/delivery-workers';

export const database: SubgraphDatabase = {
  schema: SCHEMA,
  entities: [
    AppliedEvent,
    Receiver,
    CatalogueVersion,
    CatalogueLine,
    RecordState,
    FeedEntry,
    Watch,
    ExchangeChange,
    // Push delivery and reconciliation (DELIVERY)
    DeliveryState,
    DeadLetter,
    Reconciliation,
  ],
  migrations,
};

/** The subgraph schema alone: no database needed (composition builds it). */
export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [CatalogueResolver, ReceiverResolver, FeedResolver, DeliveryResolver, ReconciliationResolver],
  });
}

export const exchangeSubgraph: SubgraphDefinition<ExchangeLoaders> = {
  name: 'exchange',
  database,
  buildSchema,
  createLoaders,
  // The exchange holds no demo data: its catalogue's first version comes with the migration.
  seedDemoData: async () => undefined,
  consumers: exchangeConsumers,
  // The push worker and the daily reconciliation (services/delivery-workers.ts).
  afterStart: startDelivery,
  stop: stopDelivery,
};

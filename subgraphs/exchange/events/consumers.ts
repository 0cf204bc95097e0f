import type { EventConsumer } from '../../../shared/events/consume';

/** The records and screenings the exchange feeds to its receivers (filled in by the next commits). */
export const exchangeConsumers: EventConsumer[] = [];

/** The PostgreSQL schema this subgraph owns. */
export const SCHEMA = 'sanctions';

/** At most this many codes per screening request, over all aliases (declared with the other input limits). */
export { MAX_SCREENED_CODES as MAX_SCREEN_BATCH } from '../../shared/graphql/input-limits';

/** The PostgreSQL schema this subgraph owns. */
export const SCHEMA = 'sanctions';

/** At most this many codes per screening call (a tender's bidders, a procurement's suppliers). */
export const MAX_SCREEN_BATCH = 10_000;

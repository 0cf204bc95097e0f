/** The PostgreSQL schema this subgraph owns. */
export const SCHEMA = 'sanctions';

/** At most this many codes per screening request, over all aliases (declared with the other input limits). */
export { MAX_SCREENED_CODES as MAX_SCREEN_BATCH } from '../../shared/graphql/input-limits';

/**
 * The department an imported upper-level entry is recorded by (list_entry.decided_by_code): 区信用办,
 * which 汇总 the lists and 推送各单位 (§15); the entry's designating authority is the upper-level one.
 */
export const UPPER_LIST_RECORDER = 'gusu.xyb';

import type { SubgraphName } from '../config/services';

/**
 * A subgraph that gathers its answer by calling the gateway *as the caller* (the
 * reports subgraph reading a report's sections) needs the caller's own
 * credentials: the gateway passes the incoming `Authorization` header on in this
 * header, to those subgraphs only, so every access rule and the audit apply to
 * the gathering unchanged. Every other subgraph sees the signed principal alone.
 */
export const CALLER_AUTHORIZATION_HEADER = 'x-caller-authorization';

export const CALLS_GATEWAY_AS_CALLER: ReadonlySet<SubgraphName> = new Set<SubgraphName>(['reports']);

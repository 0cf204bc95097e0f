/**
 * V8 flags every service process runs with (scripts/system.ts passes them; the Dockerfile sets the same in
 * NODE_OPTIONS, which test/unit/docker-compose.test.ts checks).
 *
 * A larger young generation: a screening of 10,000 codes or a page of 1,000 reports allocates tens of MB of
 * short-lived objects, and with V8's default 16 MB semi-space the scavenger ran a third of the sanctions
 * subgraph's CPU. At 32 MB, BatchScreen of 10,000 codes through the gateway went from 3.2 to 2.9 s p50
 * (docs/PERFORMANCE.md); the space is only taken when the allocation rate asks for it.
 */
export const SERVICE_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=32'];

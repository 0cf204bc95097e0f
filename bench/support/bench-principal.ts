import type { Principal } from '../../shared/auth/principal';

/** Benchmark only: the principal (JSON) Hive Gateway is to forward to the subgraphs, since it reads no tokens of ours. */
export const BENCH_PRINCIPAL_HEADER = 'x-bench-principal';

/** The header's value: JSON in ASCII (a header carries bytes, not the names' Chinese characters). */
export function benchPrincipalHeader(principal: Principal): string {
  return JSON.stringify(principal).replace(
    /[^\x20-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

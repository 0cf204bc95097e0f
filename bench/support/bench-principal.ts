/** Benchmark only: the principal (JSON) Hive Gateway is to forward to the subgraphs, since it reads no tokens of ours. */
export const BENCH_PRINCIPAL_HEADER = 'x-bench-principal';

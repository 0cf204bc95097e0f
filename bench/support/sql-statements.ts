/** SQL statements a subgraph has sent since it started, from its /metrics (requests only; the event bus is not counted). */
export async function sqlStatements(port: number): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const count = Number(/gusu_sql_statements_total\{[^}]*\} (\d+)/.exec(text)?.[1] ?? NaN);
  if (!Number.isFinite(count)) throw new Error(`no SQL statement count at port ${port}/metrics`);
  return count;
}

/** Asks each subgraph's /health/ready (which checks its database), with a short timeout. */
export async function subgraphHealth(
  graphqlUrls: ReadonlyMap<string, string>,
  timeoutMs = 2000,
): Promise<Record<string, string>> {
  const entries = await Promise.all(
    [...graphqlUrls].map(async ([name, url]) => {
      try {
        const response = await fetch(new URL('/health/ready', url), { signal: AbortSignal.timeout(timeoutMs) });
        return [name, response.ok ? 'ok' : `status ${response.status}`] as const;
      } catch (error) {
        return [name, error instanceof Error ? error.message : 'unreachable'] as const;
      }
    }),
  );
  return Object.fromEntries(entries);
}

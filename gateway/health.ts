/** Asks each subgraph's /health (which checks its database), with a short timeout. */
export async function subgraphHealth(graphqlUrls: Map<string, string>, timeoutMs = 2000): Promise<Record<string, string>> {
  const entries = await Promise.all(
    [...graphqlUrls].map(async ([name, url]) => {
      try {
        const response = await fetch(new URL('/health', url), { signal: AbortSignal.timeout(timeoutMs) });
        return [name, response.ok ? 'ok' : `status ${response.status}`] as const;
      } catch (error) {
        return [name, error instanceof Error ? error.message : 'unreachable'] as const;
      }
    }),
  );
  return Object.fromEntries(entries);
}

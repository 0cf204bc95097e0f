/** Talking to the system the e2e global setup started (see test/e2e/global-setup.ts). */
export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export function gatewayUrl(): string {
  const url = process.env.GUSU_GATEWAY_URL;
  if (!url) throw new Error('the e2e global setup did not start the system');
  return url;
}

export function servicePort(service: string): number {
  return (JSON.parse(process.env.GUSU_PORTS ?? '{}') as Record<string, number>)[service];
}

export async function graphql<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${gatewayUrl()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: response.status, ...body };
}

/** Statements a subgraph process has sent to the database so far (its /metrics counter). */
export async function sqlStatements(service: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${servicePort(service)}/metrics`)).text();
  const match = /gusu_sql_statements_total\{[^}]*\} (\d+)/.exec(text);
  if (!match) throw new Error(`no SQL counter on ${service}/metrics`);
  return Number(match[1]);
}

/** The database of the system under test, for a test that acts as another client of it (or makes a database of its own on its server). */
export function systemDatabaseUrl(): string {
  const url = process.env.GUSU_DATABASE_URL;
  if (!url) throw new Error('the e2e global setup did not provide the database');
  return url;
}

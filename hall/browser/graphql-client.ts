/**
 * GraphQL from the pages, same origin only. The hall page goes through the hall's proxy
 * (POST /hall/api/graphql: the session's token is added on the server, the browser never holds it);
 * the public verification page asks the gateway directly as the public (POST /graphql, no session).
 * A JSON body is what Apollo's CSRF prevention wants (not a "simple" request); the hall's proxy
 * also wants its own header (x-hall-request: 1), which a cross-site form cannot send.
 */
export interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; subgraph?: string; field?: string };
}

export interface GraphQLAnswer<T> {
  /** HTTP status: 401 when the session is gone. */
  status: number;
  data: T | null;
  errors: GraphQLError[];
}

export const HALL_ENDPOINT = '/hall/api/graphql';
export const PUBLIC_ENDPOINT = '/graphql';
/** hall/api/graphql-proxy.ts's CSRF header. */
const HALL_REQUEST_HEADER = 'x-hall-request';

/** Long enough for a slow subgraph (the gateway answers with what it has), short enough for a window. */
const TIMEOUT_MS = 30_000;

export async function graphql<T>(
  endpoint: string,
  query: string,
  variables: Record<string, unknown>,
  purpose?: string,
): Promise<GraphQLAnswer<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  // Recorded by the gateway's audit (x-purpose): which matter the lookup was for. Header values are ASCII only.
  if (purpose) headers['x-purpose'] = encodeURIComponent(purpose);
  if (endpoint === HALL_ENDPOINT) headers[HALL_REQUEST_HEADER] = '1';
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      credentials: 'same-origin',
      headers,
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    return {
      status: 0,
      data: null,
      errors: [{ message: '无法连接服务，请检查网络后重试', extensions: { code: 'NETWORK' } }],
    };
  }
  let body: { data?: T | null; errors?: GraphQLError[] } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    body = { errors: [{ message: `服务应答无法解析（HTTP ${response.status}）` }] };
  }
  return { status: response.status, data: body.data ?? null, errors: body.errors ?? [] };
}

/** The errors of one field of the answer (path prefix). */
export function errorsAt(errors: GraphQLError[], ...prefix: (string | number)[]): GraphQLError[] {
  return errors.filter((error) => prefix.every((part, i) => error.path?.[i] === part));
}

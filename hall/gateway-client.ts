import { gatewayUrl } from '../shared/config/gateway-url';

/** What the gateway answered: its HTTP status and GraphQL body, passed on as they are. */
export interface GatewayAnswer<TData> {
  status: number;
  body: {
    data?: TData | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  };
  requestId: string | null;
}

export interface GatewayCall {
  query: string;
  variables?: Record<string, unknown>;
  /** The caller's `Authorization` header (a session's bearer token, or the one a terminal sent); none = the public. */
  authorization?: string;
  /** Why the data is read (x-purpose, recorded in the audit); percent-encoded here. */
  purpose?: string;
  requestId?: string;
}

/** How long one call may take: the gateway bounds its own work, this bounds a gateway that does not answer. */
const CALL_TIMEOUT_MS = 30_000;

/**
 * One GraphQL call to the gateway *as the caller*: the hall holds no rules of its own, so every access rule,
 * limit and the audit apply to what its pages show exactly as to any other client.
 */
export async function callGateway<TData>(call: GatewayCall): Promise<GatewayAnswer<TData>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (call.authorization) headers.authorization = call.authorization;
  if (call.purpose) headers['x-purpose'] = encodeURIComponent(call.purpose);
  if (call.requestId) headers['x-request-id'] = call.requestId;
  const response = await fetch(`${await gatewayUrl()}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: call.query, variables: call.variables ?? {} }),
    signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
  });
  const body = (await response.json()) as GatewayAnswer<TData>['body'];
  return { status: response.status, body, requestId: response.headers.get('x-request-id') };
}

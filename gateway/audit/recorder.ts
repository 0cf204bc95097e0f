import { INTERNAL_TOKEN_HEADER } from '../../shared/auth/internal-token';
import { SCOPES } from '../../shared/auth/policy';
import type { Principal } from '../../shared/auth/principal';
import type { InternalTokenSigner } from '../auth/token-signer';
import type { SubgraphFetcher } from '../transport/subgraph-fetcher';
import type { AuditedRead } from './audit-plan';

/** The gateway itself, when it writes the audit log: the only holder of audit:write. */
const GATEWAY_PRINCIPAL: Principal = {
  sub: 'gusu-credit-gateway',
  name: '共享网关',
  org: null,
  roles: [],
  scopes: [SCOPES.auditWrite],
  authenticated: true,
};

const RECORD = 'mutation RecordAudit($batch: AuditBatchInput!) { recordAuditEvents(batch: $batch) }';

export interface AuditContext {
  principal: Principal;
  requestId: string;
  purpose: string | null;
  operationName: string | null;
}

export type AuditRecorder = (reads: AuditedRead[], context: AuditContext) => Promise<void>;

/** Sends one request's audited reads to the subjects subgraph, which keeps the log, in one call. */
export function createAuditRecorder(subjectsUrl: () => string, signer: InternalTokenSigner, fetcher: SubgraphFetcher): AuditRecorder {
  return async (reads, context) => {
    const batch = {
      principalSub: context.principal.sub,
      principalName: context.principal.name,
      org: context.principal.org,
      roles: context.principal.roles,
      requestId: context.requestId,
      operationName: context.operationName,
      reads: reads.map((read) => ({ fieldsClass: read.fieldsClass, subjectId: read.subjectId, uscc: read.uscc, purpose: context.purpose ?? read.reference })),
    };
    const response = await fetcher.fetch(subjectsUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: await signer.sign(GATEWAY_PRINCIPAL, 'subjects') },
      body: JSON.stringify({ query: RECORD, variables: { batch } }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await response.json()) as { data?: { recordAuditEvents?: number } | null; errors?: { message: string }[] };
    if (!response.ok || body.errors || body.data?.recordAuditEvents !== reads.length) {
      throw new Error(`audit log refused ${reads.length} reads: ${JSON.stringify(body.errors ?? body)}`);
    }
  };
}

import type { Principal } from '../../shared/auth/principal';
import type { InternalTokenSigner } from '../auth/token-signer';
import { timedAuditWrite } from '../metrics/audit-writes';
import { callAsGateway } from '../transport/gateway-call';
import type { SubgraphFetcher } from '../transport/subgraph-fetcher';
import type { AuditedRead } from './audit-plan';

const RECORD = 'mutation RecordAudit($batches: [AuditBatchInput!]!) { recordAuditEvents(batches: $batches) }';
/** As the subjects subgraph accepts per call. */
const MAX_EVENTS_PER_WRITE = 50_000;
/** Writes in flight at once; requests arriving meanwhile wait and go together in the next one. */
const MAX_WRITES_IN_FLIGHT = 2;

export interface AuditContext {
  principal: Principal;
  requestId: string;
  purpose: string | null;
  operationName: string | null;
}

export type AuditRecorder = (reads: AuditedRead[], context: AuditContext) => Promise<void>;

interface AuditBatch {
  principalSub: string;
  principalName: string;
  org: string | null;
  roles: string[];
  requestId: string;
  operationName: string | null;
  /** Column by column (the subjects subgraph's AuditReadsInput): read i is the i-th of each. */
  reads: { fieldsClass: string[]; subjectId: (string | null)[]; uscc: (string | null)[]; purpose: (string | null)[] };
}

interface Waiting {
  batch: AuditBatch;
  stored(): void;
  refused(error: unknown): void;
}

/**
 * Writes each request's audited reads to the subjects subgraph, which keeps
 * the log, before the request is answered. Under load the requests that arrive
 * while writes are in flight are written together in the next one (a group
 * commit): each still waits for its own rows to be stored, but the log costs
 * one call and one transaction per group instead of per request. A group that
 * fails is written again request by request, so one bad batch fails alone.
 */
export function createAuditRecorder(
  subjectsUrl: () => string,
  signer: InternalTokenSigner,
  fetcher: SubgraphFetcher,
): AuditRecorder {
  const waiting: Waiting[] = [];
  let writing = 0;

  const write = (batches: AuditBatch[]): Promise<void> => timedAuditWrite(() => writeOnce(batches));

  const writeOnce = async (batches: AuditBatch[]): Promise<void> => {
    const events = batches.reduce((sum, batch) => sum + batch.reads.fieldsClass.length, 0);
    const body = await callAsGateway<{ recordAuditEvents?: number }>(
      fetcher,
      signer,
      { url: subjectsUrl(), subgraph: 'subjects' },
      RECORD,
      { batches },
    );
    if (!body.ok || body.errors || body.data?.recordAuditEvents !== events) {
      throw new Error(`audit log refused ${events} reads: ${JSON.stringify(body.errors ?? body)}`);
    }
  };

  const writeGroup = async (group: Waiting[]): Promise<void> => {
    try {
      await write(group.map((w) => w.batch));
      for (const w of group) w.stored();
    } catch (error) {
      if (group.length === 1) return group[0].refused(error);
      await Promise.all(group.map((w) => write([w.batch]).then(w.stored, w.refused)));
    }
  };

  const flush = (): void => {
    while (writing < MAX_WRITES_IN_FLIGHT && waiting.length > 0) {
      const group: Waiting[] = [];
      let events = 0;
      while (
        waiting.length > 0 &&
        (group.length === 0 || events + waiting[0].batch.reads.fieldsClass.length <= MAX_EVENTS_PER_WRITE)
      ) {
        const next = waiting.shift()!;
        events += next.batch.reads.fieldsClass.length;
        group.push(next);
      }
      writing += 1;
      void writeGroup(group).finally(() => {
        writing -= 1;
        flush();
      });
    }
  };

  return (reads, context) =>
    new Promise<void>((resolve, reject) => {
      const batch: AuditBatch = {
        principalSub: context.principal.sub,
        principalName: context.principal.name,
        org: context.principal.org,
        roles: context.principal.roles,
        requestId: context.requestId,
        // A client names its operation as it likes; the log keeps a bounded prefix (the audit input's limit).
        operationName: context.operationName?.slice(0, 200) ?? null,
        reads: {
          fieldsClass: reads.map((read) => read.fieldsClass),
          subjectId: reads.map((read) => read.subjectId),
          uscc: reads.map((read) => read.uscc),
          purpose: reads.map((read) => context.purpose ?? read.reference),
        },
      };
      waiting.push({ batch, stored: resolve, refused: reject });
      flush();
    });
}

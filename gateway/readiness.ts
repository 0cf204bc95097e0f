import type { Readiness } from '../shared/http/readiness';
import type { DepartmentDirectory } from './auth/department-directory';

/**
 * The gateway's own dependencies: its supergraph (loaded before the port opens:
 * the gateway does not start without it) and the department directory, read
 * once (without it no department token can be checked). The subgraphs are not
 * asked: one down makes partial answers, not an unready gateway, and a probe must
 * not fan out to them (their state: /health/subgraphs on the metrics listener).
 */
export async function gatewayReadiness(directory: DepartmentDirectory): Promise<Readiness> {
  const read = await directory.readOnce();
  return { ready: read, checks: { supergraph: 'loaded', directory: read ? 'read' : 'unread' } };
}

import { Readiness, within } from '../shared/http/readiness';
import type { DepartmentDirectory } from './auth/department-directory';

/**
 * A probe waits no longer than this for the directory's first read (whose own call may take 10 s:
 * callAsGateway's timeout); the read itself goes on, and a later probe finds it done.
 */
const DIRECTORY_CHECK_MS = 1000;

/**
 * The gateway's own dependencies: its supergraph (loaded before the port opens:
 * the gateway does not start without it) and the department directory, read
 * once (without it no department token can be checked). The subgraphs are not
 * asked: one down makes partial answers, not an unready gateway, and a probe must
 * not fan out to them (their state: /health/subgraphs on the metrics listener).
 */
export async function gatewayReadiness(
  directory: DepartmentDirectory,
  waitMs = DIRECTORY_CHECK_MS,
): Promise<Readiness> {
  const read = await within(waitMs, directory.readOnce()).catch(() => false);
  return { ready: read, checks: { supergraph: 'loaded', directory: read ? 'read' : 'unread' } };
}

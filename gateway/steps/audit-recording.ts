import { GraphQLError } from 'graphql';
import { auditedReads, stripAuditKeys, withholdAudited } from '../audit/audit-plan';
import { CONTINUE, GuardStep, StepOutcome } from './guarded-request';

function auditUnavailable(path?: (string | number)[]): GraphQLError {
  return new GraphQLError('the audit log is unavailable; what must be audited is withheld; try again later', {
    path,
    extensions: { code: 'AUDIT_UNAVAILABLE', http: { status: 503 } },
  });
}

/**
 * What an authenticated caller read is recorded before it is answered; the
 * keys the walk added to name subjects leave the answer. Nothing audited is
 * answered unaudited: a query is withheld whole; a mutation has happened and
 * keeps its write, but each audited value it answers comes back null with the error beside it.
 */
export const auditRecording: GuardStep = {
  name: 'audit recording',
  async run(request): Promise<StepOutcome> {
    const { walk, data, context, options, result } = request;
    if (!walk.audit) return CONTINUE;
    const reads = auditedReads(walk.audit, data);
    stripAuditKeys(walk.audit, data);
    if (reads.length === 0) return CONTINUE;
    const { requestId, purpose } = context.context;
    try {
      await options.recordAudit(reads, {
        principal: request.principal,
        requestId,
        purpose,
        operationName: context.operationName,
      });
      return CONTINUE;
    } catch (error) {
      options.logger.error({ err: error, requestId }, 'audit log unavailable');
      if (request.operation.operation !== 'mutation') return { errors: [auditUnavailable()] };
      const withheld = withholdAudited(walk.audit, data);
      if (withheld.whole) return { data: null, errors: [...request.errors, auditUnavailable()] };
      return {
        ...result,
        data,
        errors: [...request.errors, ...(result.errors ?? []), ...withheld.paths.map((path) => auditUnavailable(path))],
      };
    }
  },
};

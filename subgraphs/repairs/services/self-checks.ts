import { recordOfSelf, SelfChecks, subjectRefOfSelf } from '../../../shared/auth/self';

/**
 * Whose object it is, for each type of this subgraph with fields a subject reads or writes about itself
 * only (shared/auth/enforce.ts). A case names its subject by id. The subject's own mutations pass here
 * and judge the record their input names in the service (services/file-objection.ts,
 * services/apply-for-repair.ts): another subject's record answers NOT_FOUND there.
 */
export const repairsSelfChecks: SelfChecks = {
  Subject: subjectRefOfSelf,
  RepairCase: recordOfSelf,
  ObjectionCase: recordOfSelf,
  Mutation: (_source, _context, info) =>
    info.fieldName === 'fileObjection' || info.fieldName === 'applyForRepairOnline',
};

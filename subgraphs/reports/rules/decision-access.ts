import { Scope, SCOPES } from '../../../shared/auth/policy';

/**
 * Who issues and reads a decision document: the hall's window (credit:report, repairs:intake), the
 * departments handling cases (repairs:handle; the credit office holds all three) and the subject
 * itself (subject:self). Whose case it is, is decided by reading the case through the gateway as
 * the caller (issuing) and by the stored document's departments and subject (reading by number).
 */
export const DECISION_DOCUMENT_RULE: Scope[][] = [
  [SCOPES.report],
  [SCOPES.repairsHandle],
  [SCOPES.repairsIntake],
  [SCOPES.self],
];

import { SCOPES } from '../../../shared/auth/policy';
import { hasScope, Principal } from '../../../shared/auth/principal';
import { RepairTarget } from '../../../shared/domain/vocabulary';

/**
 * Who acts on repair cases (§18). A department (repairs:handle) handles the
 * cases about records it reported: a penalty's data source, a list entry's
 * deciding department. The credit office (repairs:decide) handles every case,
 * and alone decides list-entry cases; a penalty case is decided by its
 * department or the credit office.
 */
export interface Actor {
  org: string | null;
  /** Holds repairs:decide: the credit office. */
  office: boolean;
}

export function actorOf(principal: Principal): Actor {
  return { org: principal.org, office: hasScope(principal, SCOPES.repairsDecide) };
}

/** The department whose record it is, or the credit office; a case of unknown owner only the credit office. */
export function mayHandle(actor: Actor, ownerCode: string | null): boolean {
  return actor.office || (actor.org !== null && ownerCode !== null && actor.org === ownerCode);
}

export function mayDecide(actor: Actor, target: RepairTarget, ownerCode: string | null): boolean {
  return target === RepairTarget.LIST_ENTRY ? actor.office : mayHandle(actor, ownerCode);
}

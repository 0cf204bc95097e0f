import { isCreditOffice, isOwningOrg } from '../../../shared/auth/ownership';
import type { Principal } from '../../../shared/auth/principal';
import { ObjectionTarget, RepairTarget } from '../../../shared/domain/vocabulary';

/**
 * Who acts on repair cases (§18; 谁认定、谁修复, 《信用修复管理办法》国家发展改革委令2025年第36号).
 * A department (repairs:handle) handles the cases about records it reported: a
 * penalty's data source, a list entry's designating department. The credit office
 * coordinates: it handles every case (applies on the subject's behalf, accepts or
 * refuses at intake, withdraws), but a list-entry case is DECIDED (approved or denied)
 * by the designating department alone — the credit office only for entries it
 * designated itself. A penalty case is decided by its department or the credit office.
 */
export interface Actor {
  org: string | null;
  /** The credit office (shared/auth/ownership.ts: by scope). */
  office: boolean;
}

export function actorOf(principal: Principal): Actor {
  return { org: principal.org, office: isCreditOffice(principal) };
}

/** The department whose record it is, or the credit office; a case of unknown owner only the credit office. */
export function mayHandle(actor: Actor, ownerCode: string | null): boolean {
  return actor.office || isOwningOrg(actor.org, ownerCode);
}

/** Approve or deny: a list-entry case by its designating department only; a penalty case as mayHandle. */
export function mayDecide(actor: Actor, target: RepairTarget, ownerCode: string | null): boolean {
  if (target === RepairTarget.LIST_ENTRY) return isOwningOrg(actor.org, ownerCode);
  return mayHandle(actor, ownerCode);
}

/**
 * Verify and decide an objection (谁提供、谁负责): the department that reported the record, which alone
 * can say whether it is wrong; for the district evaluation the credit office, which runs it.
 */
export function mayDecideObjection(actor: Actor, target: ObjectionTarget, ownerCode: string | null): boolean {
  if (target === ObjectionTarget.EVALUATION) return actor.office;
  return isOwningOrg(actor.org, ownerCode);
}

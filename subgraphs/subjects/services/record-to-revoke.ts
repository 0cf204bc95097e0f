import type { EntityManager } from '../../../shared/db/orm';
import { textArgument } from '../../../shared/graphql/arguments';
import { notFound } from '../../../shared/graphql/errors';
import { checkUscc } from '../../../shared/identifiers/uscc';
import { Department } from '../entities/department';
import type { SubjectsContext } from '../loaders';
import { requireDirectoryOrg, requireMayActFor } from './directory';

/** How one kind of 双公示 record is found for revocation (revokePenalty, revokeLicense). */
export interface RevocableKind<T> {
  /** What the acting department does, for FORBIDDEN messages (e.g. '撤销处罚'). */
  action: string;
  /** The records, for FORBIDDEN messages (e.g. 'penalties'). */
  records: string;
  /** The record's document-number argument and what it is called in NOT_FOUND (e.g. 'decisionNo', 'penalty'). */
  numberArgument: string;
  noun: string;
  find(em: EntityManager, authority: Department, number: string): Promise<T | null>;
}

/**
 * The one revocation look-up: the reason checked, the acting department in the directory,
 * the authority by its USCC, the actor allowed to act for it (itself, a delegate, or the credit
 * office), then its record by document number; NOT_FOUND when either is unknown.
 */
export async function recordToRevoke<T>(
  ctx: SubjectsContext,
  kind: RevocableKind<T>,
  authorityUscc: string,
  number: string,
  reason: string,
): Promise<{ record: T; reason: string }> {
  const why = textArgument('reason', reason);
  const { code: org } = await requireDirectoryOrg(ctx.em, ctx.principal, kind.action);
  const authority = await ctx.em.findOne(Department, { uscc: checkUscc(authorityUscc).normalized });
  if (authority) await requireMayActFor(ctx.em, ctx.principal, org, authority, ctx.today, kind.records);
  const record = authority && (await kind.find(ctx.em, authority, number.trim()));
  if (!record)
    throw notFound(
      `no ${kind.noun} ${number.slice(0, 64)} of authority ${authorityUscc.slice(0, 18)}`,
      kind.numberArgument,
    );
  return { record, reason: why };
}

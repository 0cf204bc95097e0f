import { randomUUID } from 'node:crypto';
import { actingOrg, isCreditOffice } from '../../../shared/auth/ownership';
import type { Principal } from '../../../shared/auth/principal';
import type { EntityManager } from '../../../shared/db/orm';
import { CreditList, ListAction, ListEntryStatus } from '../../../shared/domain/vocabulary';
import { textArgument as text } from '../../../shared/graphql/arguments';
import { badUserInput, conflict, forbidden, notFound } from '../../../shared/graphql/errors';
import { checkUscc } from '../../../shared/identifiers/uscc';
import { forget } from '../../../shared/workflow/forget';
import { ListEntry } from '../entities/list-entry';
import { SubjectIndex } from '../entities/subject-index';
import type { ListEntryInput } from '../inputs/list-entry.input';
import type { SanctionsContext } from '../loaders';
import { lockSubject } from '../repositories/subject-lock';
import { designate, Designation, isRefusal, requestedKind } from '../rules/designation';
import { listingCodeProblem } from '../rules/listable-code';
import { effectiveStatus } from '../rules/workflow';
import { announce } from './announce';
import { recordEntryStep } from './entry-history';

/** A checked proposal: codes normalised, texts trimmed, dates in order. */
export interface ListProposal {
  uscc: string;
  list: CreditList;
  reason: string;
  basis: string;
  decisionNo: string;
  decidedAt: string;
  validFrom: string;
  validUntil: string | null;
  /** The proposing department. */
  org: string;
  /** The kind and who designated it (rules/designation.ts). */
  designation: Designation;
}

/** Active or on its way to be: a district entry that blocks a second one for the same subject and list. */
function blocking(entry: ListEntry, today: string): boolean {
  const status = effectiveStatus(entry, today);
  return status !== ListEntryStatus.REMOVED && status !== ListEntryStatus.EXPIRED;
}

/** The kind a proposal asks for, checked against who proposes it (rules/designation.ts). */
async function designationOf(ctx: SanctionsContext, input: ListEntryInput, org: string): Promise<Designation> {
  const code = requestedKind(input.list, input.listKind == null ? null : text('input.listKind', input.listKind, 48));
  const kind = await ctx.loaders.kindByCode.load(code);
  if (!kind) throw badUserInput('input.listKind', `no list kind ${code}: see listKinds`);
  const authority =
    input.designatingAuthority == null ? null : text('input.designatingAuthority', input.designatingAuthority, 200);
  const designation = designate(kind, input.list, org, isCreditOffice(ctx.principal), authority);
  if (isRefusal(designation))
    throw designation.forbidden
      ? forbidden(designation.message)
      : badUserInput(designation.argument, designation.message);
  return designation;
}

/** A proposal from the mutation's input, checked; throws BAD_USER_INPUT (or FORBIDDEN) naming the argument. */
async function checkedProposal(ctx: SanctionsContext, input: ListEntryInput): Promise<ListProposal> {
  const org = actingOrg(ctx.principal, 'a list entry');
  const today = ctx.loaders.today;
  const code = checkUscc(input.uscc);
  // A code failing only its check character may be listed when it names a subject already known
  // (reported with 已核实 and indexed here): the same look-up rule as screening and subject(uscc:).
  const known = code.problem === 'CHECKSUM' ? (await ctx.loaders.subjectByUscc.load(code.normalized)) !== null : false;
  const why = listingCodeProblem(code, known);
  if (why !== null) throw badUserInput('input.uscc', `'input.uscc' ${JSON.stringify(input.uscc)}: ${why}`);
  const validFrom = input.validFrom ?? input.decidedAt;
  if (input.decidedAt > today) throw badUserInput('input.decidedAt', 'the decision date is in the future');
  if (validFrom < input.decidedAt)
    throw badUserInput(
      'input.validFrom',
      `validity cannot start (${validFrom}) before the decision (${input.decidedAt})`,
    );
  if (input.validUntil != null && input.validUntil < validFrom) {
    throw badUserInput('input.validUntil', `validity ends (${input.validUntil}) before it starts (${validFrom})`);
  }
  const reason = text('input.reason', input.reason);
  const basis = text('input.basis', input.basis);
  const decisionNo = text('input.decisionNo', input.decisionNo);
  const designation = await designationOf(ctx, input, org);
  return {
    uscc: code.normalized,
    list: input.list,
    reason,
    basis,
    decisionNo,
    decidedAt: input.decidedAt,
    validFrom,
    validUntil: input.validUntil ?? null,
    org,
    designation,
  };
}

/** 认定 by a department through the API: the input checked, then proposed in one transaction. */
export async function proposeListEntry(ctx: SanctionsContext, input: ListEntryInput): Promise<ListEntry> {
  const proposal = await checkedProposal(ctx, input);
  return ctx.em
    .transactional((em) => proposeEntry(em, ctx.principal, proposal, ctx.loaders.today))
    .finally(() => forget(ctx.loaders));
}

/**
 * 认定: a new DESIGNATED entry, in the caller's transaction. Retrying the same
 * decision returns the entry already made; an open entry on the same list, or a
 * red entry while black, is a CONFLICT. Also used by the commitment-breach consumer.
 */
export async function proposeEntry(
  em: EntityManager,
  actor: Principal,
  proposal: ListProposal,
  today: string,
): Promise<ListEntry> {
  const subject = await em.findOne(SubjectIndex, { uscc: proposal.uscc });
  if (!subject) throw notFound(`no subject with 统一社会信用代码 ${proposal.uscc}`, 'input.uscc');
  // Serialize proposals for one subject: the duplicate and black/red checks must see each other.
  await lockSubject(em, subject.id);
  const existing = await em.find(ListEntry, { subjectId: subject.id });
  const same = existing.find(
    (e) => e.decidedByCode === proposal.org && e.decisionNo === proposal.decisionNo && e.list === proposal.list,
  );
  if (same) return same;
  // An entry imported from an upper-level source is another authority's decision: the district's own
  // designation of the subject stands beside it (docs/rules/authority-and-lists.md, section 5).
  if (existing.some((e) => e.list === proposal.list && e.sourcePlatform === null && blocking(e, today))) {
    throw conflict(`the subject already has an open ${proposal.list} entry`, 'input.list', 'DUPLICATE_ENTRY');
  }
  if (proposal.list === CreditList.RED && existing.some((e) => e.list === CreditList.BLACK && blocking(e, today))) {
    throw conflict('a subject on the black list cannot be put on the red list', 'input.list', 'BLACK_AND_RED');
  }
  const entry = em.create(ListEntry, {
    id: randomUUID(),
    subjectId: subject.id,
    subjectUscc: subject.uscc,
    subjectName: subject.name,
    list: proposal.list,
    status: ListEntryStatus.DESIGNATED,
    reason: proposal.reason,
    basis: proposal.basis,
    decisionNo: proposal.decisionNo,
    decidedByCode: proposal.org,
    listKind: proposal.designation.listKind,
    designatingAuthorityKind: proposal.designation.designatingAuthorityKind,
    designatingAuthority: proposal.designation.designatingAuthority,
    kindAnnounced: true,
    decidedAt: proposal.decidedAt,
    validFrom: proposal.validFrom,
    validUntil: proposal.validUntil,
    reportedAt: new Date(),
    notifiedAt: null,
    objectionDeadline: null,
    removalReason: null,
  });
  em.persist(entry);
  recordEntryStep(em, entry, ListAction.PROPOSE, null, actor, null);
  await announce(em, entry);
  return entry;
}

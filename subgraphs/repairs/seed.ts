import { insertInChunks } from '../../shared/db/bulk';
import { shippedWorkingDayCalendar } from '../../shared/db/calendar';
import type { EntityManager } from '../../shared/db/orm';
import { demoDataset } from '../../shared/demo/dataset';
import type { DemoListEntry } from '../../shared/demo/types';
import { AuthorityKind, CreditList } from '../../shared/domain/vocabulary';
import type { Logger } from '../../shared/logging/logger';
// Demo only: the facts are what subjects' events would carry, computed as subjects does
// from the rows its migration installs. At run time repairs receives them and computes nothing.
import { defaultDomainOf } from '../subjects/rules/department-domain';
import { judgePublicity } from '../subjects/rules/publicity';
import { DEFAULT_PUBLICITY_REPAIR_RULES } from '../subjects/rules/publicity-repair-defaults';
import { SCHEMA } from './config';
import { CommitmentFact } from './entities/commitment-fact';
import { RepairCase } from './entities/repair-case';
import { ListEntryFact, ObjectableRecordFact, PenaltyFact } from './entities/target-facts';
import { loadDeadlineRule } from './loaders';
import { legacyCaseSql } from './migrations/legacy-cases';
import { decisionDueOn, intakeDueOn } from './rules/deadlines';

/** What the sanctions event would have said of a demo entry's kind (the catalogue rows of sanctions' list_kind). */
function demoKindFacts(
  e: DemoListEntry,
): Pick<ListEntryFact, 'listKind' | 'designatingAuthorityKind' | 'designatingAuthority' | 'repairableHere' | 'turnTo'> {
  const external =
    e.designatingAuthorityKind === AuthorityKind.COURT ||
    e.designatingAuthorityKind === AuthorityKind.TAX ||
    e.designatingAuthorityKind === AuthorityKind.UPPER_PLATFORM;
  return {
    listKind: e.listKind,
    designatingAuthorityKind: e.designatingAuthorityKind,
    designatingAuthority: e.designatingAuthority,
    // Red lists are never repaired (list_repair_rule); an external authority's entry is repaired by it.
    repairableHere: !external && e.list !== CreditList.RED,
    turnTo: external ? e.designatingAuthority : null,
  };
}

const instant = (value: string | null): Date | null => (value === null ? null : new Date(value));

/**
 * Loads this subgraph's slice of the demo dataset, once: a populated schema is
 * left alone. Each kind of fact is checked on its own, so a demo database made
 * before it existed gets it too. The facts are what the owners' events would
 * have brought; the cases get their deadlines from the rule and the calendar,
 * and their handling department, regime and history as the migration gives
 * cases recorded before the workflow.
 */
export async function seedDemoData(em: EntityManager, logger: Logger): Promise<void> {
  const [cases, facts, commitments, licenses] = await Promise.all([
    em.count(RepairCase, {}),
    em.count(PenaltyFact, {}),
    em.count(CommitmentFact, {}),
    em.count(ObjectableRecordFact, { kind: 'LICENSE' }),
  ]);
  if (cases > 0 && facts > 0 && commitments > 0 && licenses > 0) return;
  const started = Date.now();
  const data = demoDataset();
  const domains = new Map(data.departments.map((d) => [d.code, defaultDomainOf(d.name)]));
  await em.transactional(async (tx) => {
    if (facts > 0) return;
    await insertInChunks(
      tx,
      PenaltyFact,
      data.penalties.map((p) => ({
        id: p.id,
        subjectId: p.subjectId,
        severity: p.severity,
        decidedAt: p.decidedAt,
        authorityCode: p.authorityCode,
        dataSourceCode: p.dataSourceCode,
        revoked: false,
        changedAt: new Date(p.reportedAt),
        ...judgePublicity(DEFAULT_PUBLICITY_REPAIR_RULES, {
          decidedAt: p.decidedAt,
          severity: p.severity,
          domain: domains.get(p.authorityCode) ?? defaultDomainOf(''),
          specificSerious: false,
          necessaryPublicityMonths: null,
        }),
      })),
    );
    await insertInChunks(
      tx,
      ListEntryFact,
      data.listEntries.map((e) => ({
        id: e.id,
        subjectId: e.subjectId,
        list: e.list,
        status: e.status,
        decidedByCode: e.decidedByCode,
        validUntil: e.validUntil,
        changedAt: new Date(`${e.decidedAt}T00:00:00+08:00`),
        ...demoKindFacts(e),
      })),
    );
  });
  await em.transactional(async (tx) => {
    // Licences only route objections (the demo set has no other actions; evaluations arrive by event).
    if (licenses > 0) return;
    await insertInChunks(
      tx,
      ObjectableRecordFact,
      data.licenses.map((l) => ({
        id: l.id,
        kind: 'LICENSE',
        subjectId: l.subjectId,
        ownerCode: l.dataSourceCode,
        withdrawn: false,
        changedAt: new Date(`${l.decidedAt}T00:00:00+08:00`),
      })),
    );
  });
  await em.transactional(async (tx) => {
    if (commitments > 0) return;
    await insertInChunks(
      tx,
      CommitmentFact,
      data.commitments.map((c) => ({
        id: c.id,
        subjectId: c.subjectId,
        kind: c.kind,
        status: c.status,
        validUntil: c.validUntil,
        changedAt: new Date(`${c.signedAt}T00:00:00+08:00`),
      })),
    );
  });
  // The shipped calendar, not the reference tables: subjects may still be migrating them (subgraphs start in parallel).
  const calendar = shippedWorkingDayCalendar();
  const rule = await loadDeadlineRule(em);
  await em.transactional(async (tx) => {
    if (cases > 0) return;
    await insertInChunks(
      tx,
      RepairCase,
      data.repairCases.map((c) => {
        const submittedAt = new Date(c.submittedAt);
        const acceptedAt = instant(c.acceptedAt);
        const intakeDue = intakeDueOn(submittedAt, rule, calendar);
        const decisionDue = acceptedAt === null ? null : decisionDueOn(acceptedAt, rule, calendar);
        return {
          ...c,
          submittedAt,
          acceptedAt,
          decidedAt: instant(c.decidedAt),
          intakeDueOn: intakeDue.date,
          intakeDueOnProvisional: intakeDue.provisional,
          decisionDueOn: decisionDue?.date ?? null,
          decisionDueOnProvisional: decisionDue?.provisional ?? false,
        };
      }),
    );
    for (const sql of legacyCaseSql(SCHEMA, 'penalty_fact'))
      await tx.getConnection().execute(sql, [], 'run', tx.getTransactionContext());
  });
  logger.info(
    { repairCases: data.repairCases.length, commitmentFacts: data.commitments.length, ms: Date.now() - started },
    'demo data loaded',
  );
}

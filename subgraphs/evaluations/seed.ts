import { insertInChunks } from '../../shared/db/bulk';
import type { EntityManager } from '../../shared/db/orm';
import { demoDataset } from '../../shared/demo/dataset';
import { RepairStatus } from '../../shared/domain/vocabulary';
import type { Logger } from '../../shared/logging/logger';
// Demo only: the facts are what subjects' events would carry, computed as subjects does from the
// rows its migrations install. At run time evaluations receives them and computes nothing of the kind.
import { defaultDomainOf } from '../subjects/rules/department-domain';
import { judgePublicity } from '../subjects/rules/publicity';
import { DEFAULT_PUBLICITY_REPAIR_RULES } from '../subjects/rules/publicity-repair-defaults';
import { streetOf } from '../subjects/rules/street';
import { DEFAULT_STREET_GAZETTEER } from '../subjects/rules/street-gazetteer-defaults';
import { CommitmentFact, LicenseFact, ListEntryFact, PenaltyFact, RepairFact } from './entities/facts';
import { SubjectEvaluation } from './entities/subject-evaluation';
import { SubjectIndex } from './entities/subject-index';
import { recomputeAll } from './services/recompute';

const chinaMidnight = (date: string): Date => new Date(`${date}T00:00:00+08:00`);

/**
 * Loads this subgraph's slice of the demo dataset once (a graded schema is left alone): the subjects
 * and the facts the owners' events would have brought, then grades the whole district. The
 * evaluations are announced (evaluation.changed) after start, when the event bus runs.
 */
export async function seedDemoData(em: EntityManager, logger: Logger): Promise<void> {
  if ((await em.count(SubjectEvaluation, {})) > 0 || (await em.count(SubjectIndex, {})) > 0) return;
  const started = Date.now();
  const data = demoDataset();
  const domains = new Map(data.departments.map((d) => [d.code, defaultDomainOf(d.name)]));
  await em.transactional(async (tx) => {
    await insertInChunks(
      tx,
      SubjectIndex,
      data.subjects.map((s) => ({
        id: s.id,
        uscc: s.uscc,
        name: s.name,
        kind: s.kind,
        industry: s.industry,
        street: streetOf(s.registeredAddress, DEFAULT_STREET_GAZETTEER),
        changedAt: chinaMidnight(s.establishedOn),
      })),
    );
    await insertInChunks(
      tx,
      PenaltyFact,
      data.penalties.map((p) => {
        const publicity = judgePublicity(DEFAULT_PUBLICITY_REPAIR_RULES, {
          decidedAt: p.decidedAt,
          severity: p.severity,
          domain: domains.get(p.authorityCode) ?? defaultDomainOf(''),
          specificSerious: false,
          necessaryPublicityMonths: null,
        });
        return {
          id: p.id,
          subjectId: p.subjectId,
          severity: p.severity,
          revoked: false,
          published: publicity.published,
          publicityEndsAt: publicity.publicityEndsAt,
          changedAt: new Date(p.reportedAt),
        };
      }),
    );
    await insertInChunks(
      tx,
      ListEntryFact,
      data.listEntries.map((e) => ({
        id: e.id,
        subjectId: e.subjectId,
        list: e.list,
        status: e.status,
        validUntil: e.validUntil,
        changedAt: chinaMidnight(e.decidedAt),
      })),
    );
    await insertInChunks(
      tx,
      CommitmentFact,
      data.commitments.map((c) => ({
        id: c.id,
        subjectId: c.subjectId,
        kind: c.kind,
        status: c.status,
        changedAt: chinaMidnight(c.signedAt),
      })),
    );
    await insertInChunks(
      tx,
      LicenseFact,
      data.licenses.map((l) => ({
        id: l.id,
        subjectId: l.subjectId,
        decidedAt: l.decidedAt,
        validUntil: l.validUntil,
        revoked: false,
        changedAt: new Date(l.reportedAt),
      })),
    );
    await insertInChunks(
      tx,
      RepairFact,
      data.repairCases
        .filter((c) => c.status === RepairStatus.APPROVED && c.decidedAt !== null)
        .map((c) => ({
          targetId: c.targetId,
          repairCaseId: c.id,
          decidedAt: new Date(c.decidedAt ?? c.submittedAt),
        })),
    );
  });
  const result = await recomputeAll(em, { announce: false });
  logger.info({ subjects: data.subjects.length, ...result, ms: Date.now() - started }, 'demo data loaded and graded');
}

import { insertInChunks } from '../../shared/db/bulk';
import type { EntityManager } from '../../shared/db/orm';
import { demoDataset } from '../../shared/demo/dataset';
import type { Logger } from '../../shared/logging/logger';
import { RepairCase } from './entities/repair-case';
import { ListEntryFact, PenaltyFact } from './entities/target-facts';

const instant = (value: string | null): Date | null => (value === null ? null : new Date(value));

/**
 * Loads this subgraph's slice of the demo dataset, once: a populated schema is
 * left alone. The facts are checked on their own, so a demo database made
 * before they existed gets them too.
 */
export async function seedDemoData(em: EntityManager, logger: Logger): Promise<void> {
  const [cases, facts] = await Promise.all([em.count(RepairCase, {}), em.count(PenaltyFact, {})]);
  if (cases > 0 && facts > 0) return;
  const started = Date.now();
  const data = demoDataset();
  await em.transactional(async (tx) => {
    if (facts > 0) return;
    // The facts of the records the demo's cases are about, as the owners' events would have brought them.
    await insertInChunks(
      tx,
      PenaltyFact,
      data.penalties.map((p) => ({
        id: p.id, subjectId: p.subjectId, severity: p.severity, decidedAt: p.decidedAt,
        authorityCode: p.authorityCode, dataSourceCode: p.dataSourceCode, revoked: false, changedAt: new Date(p.reportedAt),
      })),
    );
    await insertInChunks(
      tx,
      ListEntryFact,
      data.listEntries.map((e) => ({
        id: e.id, subjectId: e.subjectId, list: e.list, status: e.status, decidedByCode: e.decidedByCode, validUntil: e.validUntil, changedAt: new Date(`${e.decidedAt}T00:00:00+08:00`),
      })),
    );
  });
  await em.transactional(async (tx) => {
    if (cases > 0) return;
    await insertInChunks(
      tx,
      RepairCase,
      data.repairCases.map((c) => ({ ...c, submittedAt: new Date(c.submittedAt), acceptedAt: instant(c.acceptedAt), decidedAt: instant(c.decidedAt) })),
    );
  });
  logger.info({ repairCases: data.repairCases.length, ms: Date.now() - started }, 'demo data loaded');
}

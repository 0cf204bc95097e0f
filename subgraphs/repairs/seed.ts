import { insertInChunks } from '../../shared/db/bulk';
import type { EntityManager } from '../../shared/db/orm';
import { demoDataset } from '../../shared/demo/dataset';
import type { Logger } from '../../shared/logging/logger';
import { RepairCase } from './entities/repair-case';

const instant = (value: string | null): Date | null => (value === null ? null : new Date(value));

/** Loads this subgraph's slice of the demo dataset, once: a populated schema is left alone. */
export async function seedDemoData(em: EntityManager, logger: Logger): Promise<void> {
  if ((await em.count(RepairCase, {})) > 0) return;
  const started = Date.now();
  const data = demoDataset();
  await em.transactional(async (tx) => {
    await insertInChunks(
      tx,
      RepairCase,
      data.repairCases.map((c) => ({ ...c, submittedAt: new Date(c.submittedAt), acceptedAt: instant(c.acceptedAt), decidedAt: instant(c.decidedAt) })),
    );
  });
  logger.info({ repairCases: data.repairCases.length, ms: Date.now() - started }, 'demo data loaded');
}

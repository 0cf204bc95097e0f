import { insertInChunks } from '../../shared/db/bulk';
import type { EntityManager } from '../../shared/db/orm';
import { demoDataset } from '../../shared/demo/dataset';
import type { Logger } from '../../shared/logging/logger';
import { Commitment } from './entities/commitment';
import { CommitmentTemplate } from './entities/commitment-template';

/** Loads this subgraph's slice of the demo dataset, once: a populated schema is left alone. */
export async function seedDemoData(em: EntityManager, logger: Logger): Promise<void> {
  if ((await em.count(CommitmentTemplate, {})) > 0) return;
  const started = Date.now();
  const data = demoDataset();
  await em.transactional(async (tx) => {
    await insertInChunks(tx, CommitmentTemplate, data.commitmentTemplates);
    await insertInChunks(tx, Commitment, data.commitments);
  });
  logger.info({ commitments: data.commitments.length, ms: Date.now() - started }, 'demo data loaded');
}

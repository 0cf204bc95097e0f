import { insertInChunks } from '../../shared/db/bulk';
import type { EntityManager } from '../../shared/db/orm';
import { demoDataset } from '../../shared/demo/dataset';
import type { Logger } from '../../shared/logging/logger';
import { ListEntry } from './entities/list-entry';
import { SubjectIndex } from './entities/subject-index';

/** Loads this subgraph's slice of the demo dataset, once: a populated schema is left alone. */
export async function seedDemoData(em: EntityManager, logger: Logger): Promise<void> {
  if ((await em.count(SubjectIndex, {})) > 0) return;
  const started = Date.now();
  const data = demoDataset();
  const index = data.subjects.flatMap((s) => (s.uscc ? [{ id: s.id, uscc: s.uscc, name: s.name }] : []));
  await em.transactional(async (tx) => {
    await insertInChunks(tx, SubjectIndex, index);
    await insertInChunks(tx, ListEntry, data.listEntries);
  });
  logger.info({ subjects: index.length, listEntries: data.listEntries.length, ms: Date.now() - started }, 'demo data loaded');
}

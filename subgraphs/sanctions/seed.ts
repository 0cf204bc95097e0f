import { insertInChunks } from '../../shared/db/bulk';
import type { EntityManager } from '../../shared/db/orm';
import { runOn } from '../../shared/db/recompute-deadlines';
import { demoDataset } from '../../shared/demo/dataset';
import { ListEntryStatus } from '../../shared/domain/vocabulary';
import type { Logger } from '../../shared/logging/logger';
import { ListEntry } from './entities/list-entry';
import { SubjectIndex } from './entities/subject-index';
import { baselineScreeningVerdicts } from './services/screening-verdicts';

/** When a demo entry reached the platform: 0–11 days after the decision, fixed by its id. */
function demoReportedAt(id: string, decidedAt: string): Date {
  const days = parseInt(id.slice(0, 2), 16) % 12;
  return new Date(Date.parse(`${decidedAt}T02:00:00Z`) + days * 86_400_000);
}

/** Loads this subgraph's slice of the demo dataset, once: a populated schema is left alone. */
export async function seedDemoData(em: EntityManager, logger: Logger): Promise<void> {
  if ((await em.count(SubjectIndex, {})) > 0) return;
  const started = Date.now();
  const data = demoDataset();
  const index = data.subjects.flatMap((s) => (s.uscc ? [{ id: s.id, uscc: s.uscc, name: s.name }] : []));
  await em.transactional(async (tx) => {
    await insertInChunks(tx, SubjectIndex, index);
    await insertInChunks(
      tx,
      ListEntry,
      data.listEntries.map((entry) => ({
        ...entry,
        validFrom: entry.decidedAt,
        reportedAt: demoReportedAt(entry.id, entry.decidedAt),
        // Entries past designation were notified the day after; their objection period is over.
        notifiedAt: entry.status === ListEntryStatus.DESIGNATED ? null : entry.decidedAt,
        objectionDeadline: entry.status === ListEntryStatus.DESIGNATED ? null : entry.decidedAt,
        removalReason: entry.status === ListEntryStatus.REMOVED ? '撤销' : null,
        // The repairs seed writes the same facts, kind included.
        kindAnnounced: true,
      })),
    );
    // Seeded after the migrations: their verdicts are the baseline the first change is announced against.
    await baselineScreeningVerdicts(runOn(tx));
  });
  logger.info(
    { subjects: index.length, listEntries: data.listEntries.length, ms: Date.now() - started },
    'demo data loaded',
  );
}

import { insertInChunks } from '../../shared/db/bulk';
import { RepairStatus, RepairTarget } from '../../shared/domain/vocabulary';
import type { EntityManager } from '../../shared/db/orm';
import { demoDataset } from '../../shared/demo/dataset';
import type { Logger } from '../../shared/logging/logger';
import { AdministrativeLicense } from './entities/administrative-license';
import { AdministrativePenalty } from './entities/administrative-penalty';
import { Department } from './entities/department';
import { PublicityRule } from './entities/publicity-rule';
import { Subject } from './entities/subject';
import { Submission } from './entities/submission';
import { publicityPeriod } from './rules/publicity';

/** Loads this subgraph's slice of the demo dataset, once: a populated schema is left alone. */
export async function seedDemoData(em: EntityManager, logger: Logger): Promise<void> {
  if ((await em.count(Subject, {})) > 0) return;
  const started = Date.now();
  const data = demoDataset();
  // An approved repair of a penalty ended its publicity and sharing when it was decided.
  const repairedAt = new Map(
    data.repairCases
      .filter((c) => c.status === RepairStatus.APPROVED && c.target === RepairTarget.PENALTY && c.decidedAt)
      .map((c) => [c.targetId, new Date(c.decidedAt as string)]),
  );
  await em.transactional(async (tx) => {
    const rules = await tx.find(PublicityRule, {});
    await insertInChunks(tx, Department, data.departments);
    await insertInChunks(tx, Subject, data.subjects);
    await insertInChunks(
      tx,
      AdministrativeLicense,
      data.licenses.map((license) => ({ ...license, reportedAt: new Date(license.reportedAt) })),
    );
    await insertInChunks(
      tx,
      AdministrativePenalty,
      data.penalties.map((penalty) => ({
        ...penalty,
        ...publicityPeriod(rules, penalty.severity, penalty.decidedAt),
        reportedAt: new Date(penalty.reportedAt),
        repairedAt: repairedAt.get(penalty.id) ?? null,
      })),
    );
    await insertInChunks(
      tx,
      Submission,
      data.submissions.map((submission) => ({ ...submission, submittedAt: new Date(submission.submittedAt) })),
    );
  });
  logger.info(
    { subjects: data.subjects.length, penalties: data.penalties.length, licenses: data.licenses.length, ms: Date.now() - started },
    'demo data loaded',
  );
}

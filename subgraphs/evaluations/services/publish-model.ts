import type { EntityManager } from '../../../shared/db/orm';
import { EvaluationIndicator } from '../entities/evaluation-indicator';
import { EvaluationModel } from '../entities/evaluation-model';
import { GradeBand } from '../entities/grade-band';
import { EvaluationModelStatus } from '../rules/model';
import type { ModelDraft } from '../rules/validate-model';

/**
 * Stores a validated draft as a published version, in one transaction. Taking effect today, it
 * retires the versions it replaces; a later date leaves the current one in force until then
 * (modelInForce picks by date). Stored results are regraded by the sweep (services/sweep.ts) or
 * by `npm run evaluate`.
 */
export async function publishModel(em: EntityManager, draft: ModelDraft, today: string): Promise<EvaluationModel> {
  return em.transactional(async (tx) => {
    const model = tx.create(EvaluationModel, {
      version: draft.version,
      status: EvaluationModelStatus.PUBLISHED,
      effectiveFrom: draft.effectiveFrom,
      publishedAt: new Date(),
      baseScore: draft.baseScore,
      source: draft.source,
    });
    for (const i of draft.indicators) tx.create(EvaluationIndicator, { ...i, modelVersion: draft.version });
    for (const b of draft.grades) tx.create(GradeBand, { ...b, modelVersion: draft.version });
    if (draft.effectiveFrom <= today) {
      await tx.nativeUpdate(
        EvaluationModel,
        {
          status: EvaluationModelStatus.PUBLISHED,
          effectiveFrom: { $lte: draft.effectiveFrom },
          version: { $ne: draft.version },
        },
        { status: EvaluationModelStatus.RETIRED },
      );
    }
    await tx.flush();
    return model;
  });
}

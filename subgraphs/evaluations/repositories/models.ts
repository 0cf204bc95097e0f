import type { EntityManager } from '../../../shared/db/orm';
import { EvaluationIndicator } from '../entities/evaluation-indicator';
import { EvaluationModel } from '../entities/evaluation-model';
import { GradeBand } from '../entities/grade-band';
import { EvaluationModelStatus, ModelRows } from '../rules/model';

/** The model in force on `today`: the published version with the latest effective date not after it. */
export async function modelInForce(em: EntityManager, today: string): Promise<EvaluationModel | null> {
  return em.findOne(
    EvaluationModel,
    { status: EvaluationModelStatus.PUBLISHED, effectiveFrom: { $lte: today } },
    { orderBy: { effectiveFrom: 'desc', publishedAt: 'desc' } },
  );
}

/** A model version with its indicator and band rows, as score() reads them. */
export async function loadModelRows(em: EntityManager, model: EvaluationModel): Promise<ModelRows> {
  const [indicators, grades] = await Promise.all([
    em.find(EvaluationIndicator, { modelVersion: model.version }, { orderBy: { code: 'asc' } }),
    em.find(GradeBand, { modelVersion: model.version }, { orderBy: { minScore: 'desc' } }),
  ]);
  return { version: model.version, baseScore: model.baseScore, indicators, grades };
}

/** The rows of the model in force; throws when none is (the migration installs one). */
export async function modelRowsInForce(em: EntityManager, today: string): Promise<ModelRows> {
  const model = await modelInForce(em, today);
  if (!model) throw new Error(`no evaluation model is in force on ${today}`);
  return loadModelRows(em, model);
}

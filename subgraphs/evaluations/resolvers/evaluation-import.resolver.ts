import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { EvaluationImportBatch } from '../entities/evaluation-import-batch';
import { EvaluationImportRejection } from '../entities/evaluation-import-rejection';
import { EvaluationSource } from '../entities/evaluation-source';
import { ImportEvaluationResultsInput } from '../inputs/import-evaluation-results.input';
import type { EvaluationsContext } from '../loaders';
import { evaluationImport, importEvaluationResults } from '../services/evaluation-import';

/** 评价结果导入 by interface (files arrive through the ingest service, which posts here as the caller). */
@Resolver(() => EvaluationImportBatch)
export class EvaluationImportResolver {
  @Mutation(() => EvaluationImportBatch, {
    nullable: true,
    description:
      '导入评价结果 (公共信用综合评价、行业信用评价): 每批至多 5,000 条, 逐条校验, 退回的行连同原因保存; 同一来源同一 batchKey 返回原批次; 部门只能导入本部门负责的来源, 区信用办可导入全部',
  })
  @RequiresScopes([SCOPES.evaluationsImport])
  importEvaluationResults(
    @Ctx() ctx: EvaluationsContext,
    @Arg('input', () => ImportEvaluationResultsInput) input: ImportEvaluationResultsInput,
  ): Promise<EvaluationImportBatch> {
    return importEvaluationResults(ctx, input);
  }

  @Query(() => EvaluationImportBatch, {
    nullable: true,
    description: '评价结果导入批次 (导入部门或区信用办)',
  })
  @RequiresScopes([SCOPES.evaluationsImport])
  evaluationImport(
    @Ctx() ctx: EvaluationsContext,
    @Arg('id', () => ID, { description: '批次 id' }) id: string,
  ): Promise<EvaluationImportBatch | null> {
    return evaluationImport(ctx, id);
  }

  @Query(() => [EvaluationSource], {
    nullable: true,
    description: '评价来源及其等级表 (导入时 source 填其代码)',
  })
  @RequiresScopes([SCOPES.read])
  evaluationSources(@Ctx() ctx: EvaluationsContext): Promise<EvaluationSource[]> {
    return ctx.em.find(EvaluationSource, {}, { orderBy: { kind: 'asc', code: 'asc' } });
  }

  @FieldResolver(() => [EvaluationImportRejection], { description: '退回的行及原因 (按行号)' })
  rejections(
    @Root() batch: EvaluationImportBatch,
    @Ctx() ctx: EvaluationsContext,
  ): Promise<EvaluationImportRejection[]> {
    return ctx.loaders.rejectionsByBatch.load(batch.id);
  }
}

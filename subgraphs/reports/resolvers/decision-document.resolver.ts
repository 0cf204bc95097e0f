import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { idArgument } from '../../../shared/graphql/arguments';
import { badUserInput } from '../../../shared/graphql/errors';
import { reportsConfig } from '../config';
import { DecisionDocument } from '../entities/decision-document';
import type { ReportsContext } from '../loaders';
import { DECISION_DOCUMENT_RULE } from '../rules/decision-access';
import { DecisionKind } from '../rules/decision-kind';
import { DECISION_NUMBERS } from '../rules/decision-number';
import { normalizeDocumentNumber, numberPattern } from '../rules/document-number';
import { decisionDocument, issueDecisionDocument } from '../services/decision-documents';

/** 决定书: the decision of a repair or objection case delivered as a numbered, signed PDF. */
@Resolver()
export class DecisionDocumentResolver {
  @Mutation(() => DecisionDocument, {
    nullable: true,
    description:
      '出具决定书 (信用修复决定书 / 异议处理决定书) for a decided case, read through the gateway as the caller: ' +
      'the window, the handling department, the credit office or the subject itself. Stored once per case: issuing again answers the same number and bytes. ' +
      'CASE_NOT_DECIDED for a case not yet decided; NOT_FOUND for a case the caller may not read or that does not exist.',
  })
  @RequiresScopes(...DECISION_DOCUMENT_RULE)
  issueDecisionDocument(
    @Ctx() ctx: ReportsContext,
    @Arg('kind', () => DecisionKind, { description: '决定书类别' }) kind: DecisionKind,
    @Arg('caseId', () => ID, { description: '案件 id (信用修复案件 / 异议案件)' }) caseId: string,
  ): Promise<DecisionDocument> {
    return issueDecisionDocument(kind, idArgument('caseId', caseId, 'a case'), {
      principal: ctx.principal,
      em: ctx.em,
      callerAuthorization: ctx.callerAuthorization,
      requestId: ctx.requestId,
      config: reportsConfig(),
    });
  }

  @Query(() => DecisionDocument, {
    nullable: true,
    description:
      '决定书文件: the stored PDF by its number, for the department that issued, decided or handles the case, the credit office, or its subject; null = 无此文书',
  })
  @RequiresScopes(...DECISION_DOCUMENT_RULE)
  decisionDocument(
    @Ctx() ctx: ReportsContext,
    @Arg('number', () => String, { description: '决定书编号' }) number: string,
  ): Promise<DecisionDocument | null> {
    const canonical = normalizeDocumentNumber(DECISION_NUMBERS, number);
    if (!canonical)
      throw badUserInput(
        'number',
        `'number' is not a decision document number (${numberPattern(DECISION_NUMBERS)}): ${JSON.stringify(number.slice(0, 40))}`,
      );
    return decisionDocument(ctx.em, ctx.principal, canonical, reportsConfig());
  }
}

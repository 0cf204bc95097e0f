import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { hasScope } from '../../../shared/auth/principal';
import { CreditGrade, Scenario } from '../../../shared/domain/vocabulary';
import { badUserInput } from '../../../shared/graphql/errors';
import { SizedBy } from '../../../shared/graphql/sized-by';
import { checkUscc, mayLookUp } from '../../../shared/identifiers/uscc';
import { MAX_SCREEN_BATCH } from '../config';
import { ListEntry } from '../entities/list-entry';
import { Measure } from '../entities/measure';
import { SubjectRef } from '../entities/stubs';
import type { SanctionsContext } from '../loaders';
import { EvaluationRow, readScreeningInputs } from '../repositories/screening-inputs';
import { recordScreening } from '../repositories/screening-record';
import { isActiveEntry, visibleTo } from '../rules/active';
import { gradedVerdict } from '../rules/graded-verdict';
import { measuresOfKinds } from '../rules/measure-selection';
import { Verdict } from '../rules/verdict';
import { ScreeningEvaluation } from '../types/screening-evaluation';
import { SCREENED_ENTRIES, SubjectWithEntries } from '../types/subject-with-entries';

const MAX_REFERENCE_LENGTH = 200;

@ObjectType({ description: '一个主体的比对结果 (自动比对、自动提示)' })
export class ScreenResult {
  @Field(() => ID, { description: '比对记录编号: quote it in recordMeasureApplied (奖惩反馈)' })
  screeningId!: string;

  @Field({ description: '统一社会信用代码 (as given, normalized)' })
  uscc!: string;

  @Field(() => String, {
    nullable: true,
    description: '代码本身不合规的原因; null when the code is valid. A checksum failure is still looked up.',
  })
  invalidReason!: string | null;

  @Field({ description: '是否找到该主体' })
  found!: boolean;

  @Field(() => Verdict, {
    nullable: true,
    description: '比对结论; null only when the code is too malformed to look up',
  })
  verdict!: Verdict | null;

  @Field(() => [String], {
    description:
      '比对结论的理由: the list that decided it, and the credit grade when its 分级分类监管 rule moved it (最低结论, 容缺受理)',
  })
  verdictReasons!: string[];

  @Field(() => ScreeningEvaluation, {
    nullable: true,
    description: '公共信用综合评价 of the subject as the screening used it; null when it has none (or is not found)',
  })
  evaluation!: ScreeningEvaluation | null;

  @Field(() => SubjectRef, { nullable: true, description: '匹配到的主体' })
  subject!: SubjectWithEntries | null;

  @Field(() => [ListEntry], {
    description:
      '命中的有效名单条目; without credit:read only published red and black entries (重点关注名单条目 are counted in the verdict, not shown)',
  })
  hits!: ListEntry[];

  @Field(() => [Measure], {
    description:
      '本场景下应实施的联合奖惩措施: those of the kinds of the hits of the winning verdict (each hit also answers listKind and measures(scenario))',
  })
  measures!: Measure[];
}

/** The stored evaluation as the screening shows it (the consumer admitted only the vocabulary's values). */
function screeningEvaluation(fact: EvaluationRow | null): ScreeningEvaluation | null {
  if (fact === null) return null;
  return {
    grade: fact.grade as CreditGrade,
    score: fact.score,
    tolerantAcceptance: fact.tolerantAcceptance,
    verdictFloor: fact.verdictFloor as Verdict | null,
    basis: fact.basis,
    evaluatedAt: fact.evaluatedAt,
  };
}

@Resolver(() => ScreenResult)
export class ScreenResolver {
  @SizedBy('usccs')
  @Query(() => [ScreenResult], {
    nullable: true,
    description: `联合奖惩比对: 对一批统一社会信用代码 (至多 ${MAX_SCREEN_BATCH} 个) 按应用场景自动比对、自动提示; one result per code, in order`,
  })
  @RequiresScopes([SCOPES.screen])
  async screen(
    @Ctx() ctx: SanctionsContext,
    @Arg('usccs', () => [String], { description: '统一社会信用代码' }) usccs: string[],
    @Arg('scenario', () => Scenario, { description: '应用场景' }) scenario: Scenario,
    @Arg('reference', () => String, { nullable: true, description: '业务编号 (项目编号、办件号), recorded for audit' })
    reference?: string | null,
  ): Promise<ScreenResult[]> {
    if (usccs.length > MAX_SCREEN_BATCH) {
      throw badUserInput('usccs', `at most ${MAX_SCREEN_BATCH} codes per screening, got ${usccs.length}`);
    }
    if (reference != null && reference.length > MAX_REFERENCE_LENGTH) {
      throw badUserInput('reference', `'reference' may have at most ${MAX_REFERENCE_LENGTH} characters`);
    }
    const checks = usccs.map(checkUscc);
    // The one look-up rule (shared/identifiers/uscc.ts): only a checksum failure is still looked up.
    const lookedUp = checks.filter(mayLookUp).map((check) => check.normalized);
    const [catalogue, inputs] = await Promise.all([
      ctx.loaders.measuresByScenario.load(scenario),
      readScreeningInputs(ctx.em, lookedUp),
    ]);
    const screeningId = randomUUID();
    const mayReadCredit = hasScope(ctx.principal, SCOPES.read);
    const today = ctx.loaders.today;
    const results = checks.map((check): ScreenResult => {
      if (!mayLookUp(check)) {
        return {
          screeningId,
          uscc: check.normalized,
          invalidReason: check.reason,
          found: false,
          verdict: null,
          verdictReasons: [],
          evaluation: null,
          subject: null,
          hits: [],
          measures: [],
        };
      }
      const indexed = inputs.subjectByUscc.get(check.normalized) ?? null;
      const entries = inputs.entriesByUscc.get(check.normalized) ?? [];
      const hits = entries.filter((entry) => isActiveEntry(entry, today));
      const evaluation = screeningEvaluation(indexed ? (inputs.evaluationBySubject.get(indexed.id) ?? null) : null);
      const graded = gradedVerdict(
        hits.map((hit) => hit.list),
        evaluation,
        mayReadCredit,
      );
      const applicable = graded.applicableLists;
      return {
        screeningId,
        uscc: check.normalized,
        invalidReason: check.reason,
        found: indexed !== null,
        verdict: graded.verdict,
        verdictReasons: graded.reasons,
        evaluation,
        // With its entries: Subject.creditStatus reads them from here (resolvers/subject.resolver.ts).
        subject: indexed ? { id: indexed.id, [SCREENED_ENTRIES]: entries } : null,
        hits: visibleTo(hits, mayReadCredit, today),
        // The measures of each applicable hit's kind (国办发〔2020〕49号: by the kind of list), each once.
        measures: measuresOfKinds(
          catalogue,
          hits.filter((hit) => applicable.includes(hit.list)).map((hit) => hit.listKind),
          scenario,
        ),
      };
    });
    await recordScreening(ctx, { id: screeningId, scenario, reference: reference ?? null }, results);
    return results;
  }
}

import { Arg, Ctx, Field, InputType, Mutation, Query, Resolver } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { CreditList, MeasureKind, Scenario } from '../../../shared/domain/vocabulary';
import { textArgument } from '../../../shared/graphql/arguments';
import { badUserInput, conflict } from '../../../shared/graphql/errors';
import { MEASURE_TEXT_LENGTH } from '../../../shared/graphql/input-limits';
import { Measure } from '../entities/measure';
import type { SanctionsContext } from '../loaders';
import { BasisKind } from '../rules/basis-kind';

const CODE = /^[A-Z][A-Z0-9-]{1,31}$/;

@InputType({ description: '部门自定联合奖惩措施' })
export class MeasureInput {
  @Field({ description: '措施编码 (A–Z, 0–9, -)' })
  code!: string;

  @Field(() => MeasureKind)
  kind!: MeasureKind;

  @Field()
  title!: string;

  @Field()
  legalBasis!: string;

  @Field(() => [CreditList])
  lists!: CreditList[];

  @Field(() => [Scenario])
  scenarios!: Scenario[];

  @Field(() => [String], {
    nullable: true,
    description: '适用名单类别 (listKinds codes, of the lists given); default every kind of those lists',
  })
  listKinds?: string[] | null;

  @Field(() => BasisKind, { nullable: true, description: '依据层级 (法律 / 法规 / 司法解释 / 党中央、国务院政策文件)' })
  basisKind?: BasisKind | null;
}

@Resolver(() => Measure)
export class MeasureResolver {
  @Query(() => [Measure], { description: '联合奖惩措施清单 (by scenario)' })
  measures(@Ctx() ctx: SanctionsContext, @Arg('scenario', () => Scenario) scenario: Scenario): Promise<Measure[]> {
    return ctx.loaders.measuresByScenario.load(scenario);
  }

  @Mutation(() => Measure, { nullable: true, description: '增加部门自定措施 (lists:decide)' })
  @RequiresScopes([SCOPES.listsDecide])
  async addMeasure(
    @Ctx() ctx: SanctionsContext,
    @Arg('input', () => MeasureInput) input: MeasureInput,
  ): Promise<Measure> {
    if (!CODE.test(input.code))
      throw badUserInput('input.code', "'input.code' must be 2–32 characters of A–Z, 0–9 and -");
    if (input.lists.length === 0) throw badUserInput('input.lists', 'a measure applies to at least one list');
    if (input.scenarios.length === 0)
      throw badUserInput('input.scenarios', 'a measure applies in at least one scenario');
    if (input.kind === MeasureKind.INCENTIVE && input.lists.some((l) => l !== CreditList.RED)) {
      throw badUserInput('input.lists', 'an incentive applies to the red list only');
    }
    const title = textArgument('input.title', input.title, MEASURE_TEXT_LENGTH);
    const legalBasis = textArgument('input.legalBasis', input.legalBasis, MEASURE_TEXT_LENGTH);
    const catalogue = await ctx.loaders.listKinds();
    const lists = new Set(input.lists);
    let listKinds: string[];
    if (input.listKinds == null) listKinds = catalogue.filter((k) => lists.has(k.list)).map((k) => k.code);
    else {
      if (input.listKinds.length === 0)
        throw badUserInput('input.listKinds', 'a measure applies to at least one list kind');
      for (const code of input.listKinds) {
        const kind = catalogue.find((k) => k.code === code);
        if (!kind)
          throw badUserInput('input.listKinds', `no list kind ${JSON.stringify(code).slice(0, 60)}: see listKinds`);
        if (!lists.has(kind.list))
          throw badUserInput(
            'input.listKinds',
            `the kind ${code} belongs to the ${kind.list} list, which the measure does not name`,
          );
      }
      listKinds = [...new Set(input.listKinds)];
    }
    return ctx.em.transactional(async (em) => {
      if (await em.findOne(Measure, { code: input.code }))
        throw conflict(`measure ${input.code} exists`, 'input.code', 'DUPLICATE_MEASURE');
      const measure = em.create(Measure, {
        code: input.code,
        kind: input.kind,
        title,
        legalBasis,
        lists: [...new Set(input.lists)],
        scenarios: [...new Set(input.scenarios)],
        listKinds,
        basisKind: input.basisKind ?? null,
        issuedByCode: ctx.principal.org,
      });
      em.persist(measure);
      return measure;
    });
  }
}

import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { Scenario } from '../../../shared/domain/vocabulary';
import { Measure } from '../entities/measure';
import type { SanctionsContext } from '../loaders';

@Resolver(() => Measure)
export class MeasureResolver {
  @Query(() => [Measure], { description: '联合奖惩措施清单 (by scenario)' })
  measures(@Ctx() ctx: SanctionsContext, @Arg('scenario', () => Scenario) scenario: Scenario): Promise<Measure[]> {
    return ctx.loaders.measuresByScenario.load(scenario);
  }
}

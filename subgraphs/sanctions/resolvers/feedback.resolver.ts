import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Field, Float, ID, Int, Mutation, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { ratio } from '../../../shared/domain/ratio';
import { idArgument, periodArguments, textArgument } from '../../../shared/graphql/arguments';
import { badUserInput, forbidden, notFound } from '../../../shared/graphql/errors';
import { DateScalar } from '../../../shared/graphql/scalars';
import { SCHEMA } from '../config';
import { MeasureOutcome, Screening, ScreeningResult } from '../entities/screening';
import type { SanctionsContext } from '../loaders';

registerEnumType(MeasureOutcome, { name: 'MeasureOutcome', description: '奖惩反馈: 已实施 / 未实施' });

@ObjectType({ description: '奖惩反馈' })
export class MeasureFeedback {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  screeningId!: string;

  @Field()
  uscc!: string;

  @Field()
  measureCode!: string;

  @Field(() => MeasureOutcome)
  outcome!: MeasureOutcome;

  @Field(() => String, { nullable: true })
  note!: string | null;
}

@ObjectType({ description: '联合奖惩应用统计: per department and measure' })
export class ScreeningStat {
  @Field(() => String, { nullable: true, description: '比对单位' })
  org!: string | null;

  @Field({ description: '措施编码' })
  measureCode!: string;

  @Field(() => Int, { description: '提示次数' })
  prompted!: number;

  @Field(() => Int, { description: '反馈已实施' })
  applied!: number;

  @Field(() => Int, { description: '反馈未实施' })
  notApplied!: number;

  @Field(() => Float, { description: '反馈率 = (applied + notApplied) / prompted' })
  feedbackRate!: number;
}

@Resolver()
export class FeedbackResolver {
  @Mutation(() => MeasureFeedback, {
    nullable: true,
    description:
      '奖惩反馈 (credit:screen): whether a prompted measure was acted on; retrying replaces the earlier answer',
  })
  @RequiresScopes([SCOPES.screen])
  async recordMeasureApplied(
    @Ctx() ctx: SanctionsContext,
    @Arg('screeningId', () => ID) screeningId: string,
    @Arg('uscc') uscc: string,
    @Arg('measure', { description: '措施编码' }) measure: string,
    @Arg('outcome', () => MeasureOutcome) outcome: MeasureOutcome,
    @Arg('note', () => String, { nullable: true }) note?: string | null,
  ): Promise<MeasureFeedback> {
    const id = idArgument('screeningId', screeningId, 'a screening');
    const code = uscc.trim().toUpperCase();
    if (outcome === MeasureOutcome.NOT_APPLIED && !note?.trim())
      throw badUserInput('note', 'say why a prompted measure was not applied');
    const noteText = note?.trim() ? textArgument('note', note) : null;
    return ctx.em.transactional(async (em) => {
      const screening = await em.findOne(Screening, { id });
      if (!screening) throw notFound(`no screening ${id}`, 'screeningId');
      const sameCaller =
        screening.org === null ? screening.principalSub === ctx.principal.sub : screening.org === ctx.principal.org;
      if (!sameCaller) throw forbidden('feedback comes from the department (or the terminal) that screened');
      const results = await em.find(ScreeningResult, { screeningId: id, uscc: code });
      if (results.length === 0) throw notFound(`${code} was not screened in ${id}`, 'uscc');
      if (!results.some((r) => r.measureCodes.includes(measure)))
        throw badUserInput('measure', `${measure} was not prompted for ${code} in this screening`);
      // One answer per screening, code and measure: a retry, even a concurrent one, replaces it.
      const [row] = await em.getConnection().execute<{ id: string; note: string | null }[]>(
        `insert into ${SCHEMA}.measure_application (id, screening_id, uscc, measure_code, outcome, note, recorded_by, org, recorded_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, now())
         on conflict (screening_id, uscc, measure_code)
         do update set outcome = excluded.outcome, note = excluded.note, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at
         returning id, note`,
        [randomUUID(), id, code, measure, outcome, noteText, ctx.principal.sub, ctx.principal.org],
        'all',
        em.getTransactionContext(),
      );
      return { id: row.id, screeningId: id, uscc: code, measureCode: measure, outcome, note: row.note };
    });
  }

  @Query(() => [ScreeningStat], {
    nullable: true,
    description:
      '联合奖惩应用统计 (credit:stats): prompts and feedback by department and measure, screenings in [from, to]',
  })
  @RequiresScopes([SCOPES.stats])
  async screeningStats(
    @Ctx() ctx: SanctionsContext,
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
  ): Promise<ScreeningStat[]> {
    periodArguments(from, to);
    const rows = await ctx.em
      .getConnection()
      .execute<{ org: string | null; measure_code: string; prompted: string; applied: string; not_applied: string }[]>(
        `with prompts as (
         select s.id as screening_id, s.org, r.uscc, unnest(r.measure_codes) as measure_code
           from ${SCHEMA}.screening s join ${SCHEMA}.screening_result r on r.screening_id = s.id
          where (s.occurred_at at time zone 'Asia/Shanghai')::date between ? and ?)
       select p.org, p.measure_code, count(*) as prompted,
              count(a.id) filter (where a.outcome = 'APPLIED') as applied,
              count(a.id) filter (where a.outcome = 'NOT_APPLIED') as not_applied
         from prompts p
         left join ${SCHEMA}.measure_application a on a.screening_id = p.screening_id and a.uscc = p.uscc and a.measure_code = p.measure_code
        group by p.org, p.measure_code order by p.org, p.measure_code`,
        [from, to],
      );
    return rows.map((row) => {
      const prompted = Number(row.prompted);
      const applied = Number(row.applied);
      const notApplied = Number(row.not_applied);
      return {
        org: row.org,
        measureCode: row.measure_code,
        prompted,
        applied,
        notApplied,
        feedbackRate: ratio(applied + notApplied, prompted),
      };
    });
  }
}

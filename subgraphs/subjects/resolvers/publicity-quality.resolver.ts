import { Arg, Ctx, Field, FieldResolver, Float, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { RecordKind, SubmissionOutcome } from '../../../shared/domain/vocabulary';
import { periodArguments } from '../../../shared/graphql/arguments';
import { ratio } from '../../../shared/domain/ratio';
import { DateScalar } from '../../../shared/graphql/scalars';
import { Department } from '../entities/department';
import type { SubjectsContext } from '../loaders';
import { SCHEMA } from '../config';

/** Longest period one quality query may cover. */
const MAX_PERIOD_DAYS = 366 * 5;

@ObjectType({ description: '报送质量 (§5): “双公示” 100% 报送，有效入库率 ≥ 98%，5 天内报送时效 ≥ 95%; 其他行政行为 7 个工作日内' })
export class PublicityQuality {
  departmentCode!: string;

  @Field(() => RecordKind, { description: '行政许可 / 行政处罚 / 其他行政行为' })
  kind!: RecordKind;

  @Field(() => Int, { description: '提供记录数' })
  submitted!: number;

  @Field(() => Int, { description: '有效入库数' })
  accepted!: number;

  @Field(() => Int, { description: '退回数' })
  rejected!: number;

  @Field(() => Float, { description: '有效入库率 = accepted / submitted' })
  acceptedRate!: number;

  @Field(() => Int, { description: '按时入库的记录数 (首次有效入库日期不晚于报送时限: 决定日期 + 5 天, 其他行政行为 + 7 个工作日)' })
  timely!: number;

  @Field(() => Float, { description: '入库时效性 = timely / accepted' })
  timelyRate!: number;

  @Field({ description: '有效入库率达标 (≥ target, 98% by default)' })
  acceptedTargetMet!: boolean;

  @Field({ description: '入库时效性达标 (≥ target, 95% by default)' })
  timelyTargetMet!: boolean;

  @Field({ description: 'true when a deadline counted was provisional (a working-day deadline over a year whose holiday notice is not loaded yet): timely may change when it is' })
  provisional!: boolean;
}

interface QualityRow {
  department_code: string;
  kind: RecordKind;
  submitted: string;
  accepted: string;
  timely: string;
  provisional: boolean;
  accepted_target: number;
  timely_target: number;
}


@Resolver(() => PublicityQuality)
export class PublicityQualityResolver {
  @Query(() => [PublicityQuality], { nullable: true, description: '各部门“双公示”报送质量 (by decision date in [from, to])' })
  @RequiresScopes([SCOPES.stats])
  async publicityQuality(
    @Ctx() ctx: SubjectsContext,
    @Arg('from', () => DateScalar, { description: '决定日期自' }) from: string,
    @Arg('to', () => DateScalar, { description: '决定日期至 (含)' }) to: string,
    @Arg('department', () => String, { nullable: true, description: '部门代码; all departments when omitted' }) department?: string | null,
  ): Promise<PublicityQuality[]> {
    periodArguments(from, to, MAX_PERIOD_DAYS);
    // Timeliness is counted in China time: the day a record first entered the platform as valid
    // against its deadline (due_on, from the reporting rule when it was written). A record without
    // a valid decision date counts in the period of its submission.
    const rows = await ctx.em.getConnection().execute<QualityRow[]>(
      `select s.department_code, s.kind, r.accepted_target, r.timely_target,
              count(*) as submitted,
              count(*) filter (where s.outcome = ?) as accepted,
              count(*) filter (where s.outcome = ?
                and (s.accepted_at at time zone 'Asia/Shanghai')::date <= s.due_on) as timely,
              coalesce(bool_or(s.due_on_provisional) filter (where s.outcome = ?), false) as provisional
         from ${SCHEMA}.submission s
         join ${SCHEMA}.reporting_rule r on r.kind = s.kind
        where coalesce(s.decided_at, (s.submitted_at at time zone 'Asia/Shanghai')::date) between ? and ?
          and (?::text is null or s.department_code = ?)
        group by s.department_code, s.kind, r.accepted_target, r.timely_target
        order by s.department_code, s.kind`,
      [SubmissionOutcome.ACCEPTED, SubmissionOutcome.ACCEPTED, SubmissionOutcome.ACCEPTED, from, to, department ?? null, department ?? null],
    );
    return rows.map((row) => {
      const submitted = Number(row.submitted);
      const accepted = Number(row.accepted);
      const timely = Number(row.timely);
      return {
        departmentCode: row.department_code,
        kind: row.kind,
        submitted,
        accepted,
        rejected: submitted - accepted,
        acceptedRate: ratio(accepted, submitted),
        timely,
        timelyRate: ratio(timely, accepted),
        acceptedTargetMet: ratio(accepted, submitted) >= Number(row.accepted_target),
        timelyTargetMet: ratio(timely, accepted) >= Number(row.timely_target),
        provisional: row.provisional === true,
      };
    });
  }

  @FieldResolver(() => Department, { nullable: true, description: '报送部门' })
  department(@Root() row: PublicityQuality, @Ctx() ctx: SubjectsContext): Promise<Department | null> {
    return ctx.loaders.departmentByCode.load(row.departmentCode);
  }
}

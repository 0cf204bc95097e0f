import { Arg, Ctx, Field, Float, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { ratio } from '../../../shared/domain/ratio';
import { chinaToday } from '../../../shared/domain/today';
import { CreditList } from '../../../shared/domain/vocabulary';
import { CalendarNotCoveredError, Deadline } from '../../../shared/domain/working-days';
import { periodArguments } from '../../../shared/graphql/arguments';
import { DateScalar } from '../../../shared/graphql/scalars';
import { ListEntry } from '../entities/list-entry';
import { ListRule } from '../entities/list-rule';
import { DepartmentRef } from '../entities/stubs';
import type { SanctionsContext } from '../loaders';
import { reportingDeadline } from '../rules/reporting-deadline';

@ObjectType({ description: '名单报送时效 (§15): 黑名单次月5日前报送，红名单认定后5个工作日内报送' })
export class ListReportingCompliance {
  @Field(() => DepartmentRef, {
    nullable: true,
    description:
      '认定部门 (null only when the subjects subgraph is unavailable, with an error: the rest of the answer survives)',
  })
  department!: DepartmentRef;

  @Field(() => CreditList)
  list!: CreditList;

  @Field(() => Int, { description: '报送条目数' })
  reported!: number;

  @Field(() => Int, { description: '按时报送数' })
  timely!: number;

  @Field(() => Float, { description: '按时率' })
  timelyRate!: number;

  @Field(() => Int, {
    description:
      '无法判定时效的条目数 (deadline in a year the working-day calendar does not cover): counted as reported, not as timely',
  })
  undetermined!: number;

  @Field(() => Boolean, {
    description:
      'true when a deadline was counted over a provisional calendar year (its notice not loaded yet): the figures may change when it is',
  })
  provisional!: boolean;
}

@Resolver()
export class ReportingComplianceResolver {
  @Query(() => [ListReportingCompliance], {
    nullable: true,
    description: '各部门名单报送时效 (credit:stats), by decision date in [from, to]',
  })
  @RequiresScopes([SCOPES.stats])
  async listReportingCompliance(
    @Ctx() ctx: SanctionsContext,
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
  ): Promise<ListReportingCompliance[]> {
    periodArguments(from, to);
    const [entries, rules, calendar] = await Promise.all([
      ctx.em.find(
        ListEntry,
        // An entry imported from an upper-level source was not reported by a district department (§15 times those).
        { decidedAt: { $gte: from, $lte: to }, sourcePlatform: null },
        { fields: ['decidedByCode', 'list', 'decidedAt', 'reportedAt'] },
      ),
      ctx.em.find(ListRule, {}),
      ctx.loaders.calendar(),
    ]);
    const groups = new Map<string, ListReportingCompliance>();
    for (const entry of entries) {
      const rule = rules.find((r) => r.list === entry.list);
      if (!rule?.reportDeadlineKind) continue;
      // One entry the calendar cannot judge costs its own timeliness, never the whole answer.
      let deadline: Deadline | null | undefined;
      try {
        deadline = reportingDeadline(rule, entry.decidedAt, calendar);
      } catch (error) {
        if (!(error instanceof CalendarNotCoveredError)) throw error;
        deadline = undefined;
      }
      const key = `${entry.decidedByCode}|${entry.list}`;
      const group = groups.get(key) ?? {
        department: { code: entry.decidedByCode },
        list: entry.list,
        reported: 0,
        timely: 0,
        timelyRate: 0,
        undetermined: 0,
        provisional: false,
      };
      group.reported += 1;
      if (deadline === undefined) group.undetermined += 1;
      else if (deadline !== null) {
        group.provisional ||= deadline.provisional;
        if (chinaToday(entry.reportedAt) <= deadline.date) group.timely += 1;
      }
      groups.set(key, group);
    }
    return [...groups.values()]
      .map((g) => ({ ...g, timelyRate: ratio(g.timely, g.reported) }))
      .sort((a, b) => a.department.code.localeCompare(b.department.code) || a.list.localeCompare(b.list));
  }
}

import { loadWorkingDayCalendar } from '../../../shared/db/calendar';
import type { EntityManager } from '../../../shared/db/orm';
import { PenaltyDomain, RecordKind } from '../../../shared/domain/vocabulary';
import { Department } from '../entities/department';
import { PublicityRepairRule } from '../entities/publicity-repair-rule';
import { ReportingRule } from '../entities/reporting-rule';
import type { Authority } from '../rules/report-validation';

/** What a report of one kind is checked and judged against, read once per call. */
export interface ReportDirectory {
  /** The departments that may be named as authorities, by USCC. */
  authorities: Map<string, Authority>;
  /** Each department's 主管领域, by code. */
  domains: Map<string, PenaltyDomain>;
  rule: ReportingRule;
  publicityRules: PublicityRepairRule[];
  calendar: Awaited<ReturnType<typeof loadWorkingDayCalendar>> | null;
}

export async function readReportDirectory(em: EntityManager, kind: RecordKind): Promise<ReportDirectory> {
  const [departments, rule, publicityRules] = await Promise.all([
    em.find(Department, {}),
    em.findOneOrFail(ReportingRule, { kind }),
    kind === RecordKind.PENALTY ? em.find(PublicityRepairRule, {}) : Promise.resolve([]),
  ]);
  const authorities = new Map<string, Authority>();
  for (const { code, name, uscc } of departments) if (uscc) authorities.set(uscc, { code, name, uscc });
  return {
    authorities,
    domains: new Map(departments.map((d) => [d.code, d.domain])),
    rule,
    publicityRules,
    calendar: rule.dayUnit === 'WORKING' ? await loadWorkingDayCalendar(em) : null,
  };
}

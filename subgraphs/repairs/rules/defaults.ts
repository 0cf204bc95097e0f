import { CreditList, Severity } from '../../../shared/domain/vocabulary';
import type { DeadlineRuleRow, ListRepairRuleRow, RepairRuleRow } from './rule-rows';

/**
 * The default rule tables (DESIGN.md, "Penalty publicity and repair"). The
 * migration inserts these rows; the tables, not this file, are what runs, and
 * an administrator changes or adds rows (a local time limit). Penalties have
 * no table here: subjects' publicity-and-repair table computes what repairs
 * judges them on (docs/rules/publicity-and-repair.md).
 */
const CREDIT_CHINA =
  '信用中国网站行政处罚信息信用修复实践 (2019–2023): 一般 最短3个月、最长1年; 严重 最短6个月、最长3年';
const ORDER_58 =
  '国家发展改革委令第58号《失信行为纠正后的信用信息修复管理办法（试行）》(2023-05-01): 最短公示期3个月，最长3年';
const ORDER_36 =
  '国办发〔2025〕22号；国家发展改革委令第36号《信用修复管理办法》(2026-04-01): 轻微 一般不公示、最长3个月; 一般 最短3个月、最长1年; 严重 最短1年、最长3年';

/**
 * Frozen: the rows Migration20261129085416 inserted into repairs.repair_rule,
 * which Migration20261202011312 drops; nothing reads them at run time.
 */
export const DEFAULT_REPAIR_RULES: RepairRuleRow[] = [
  {
    regime: 'CREDIT_CHINA_2019',
    severity: Severity.MINOR,
    inForceFrom: '2019-01-01',
    repairable: true,
    minMonths: 3,
    maxMonths: 12,
    source: `${CREDIT_CHINA}; 该体系无轻微一类，按一般处理 (as subjects.publicity_rule publishes it)`,
  },
  {
    regime: 'CREDIT_CHINA_2019',
    severity: Severity.GENERAL,
    inForceFrom: '2019-01-01',
    repairable: true,
    minMonths: 3,
    maxMonths: 12,
    source: CREDIT_CHINA,
  },
  {
    regime: 'CREDIT_CHINA_2019',
    severity: Severity.SERIOUS,
    inForceFrom: '2019-01-01',
    repairable: true,
    minMonths: 6,
    maxMonths: 36,
    source: CREDIT_CHINA,
  },
  {
    regime: 'NDRC_ORDER_58',
    severity: Severity.MINOR,
    inForceFrom: '2023-05-01',
    repairable: true,
    minMonths: 3,
    maxMonths: 36,
    source: `${ORDER_58}; 按一般处理 (as subjects.publicity_rule publishes it)`,
  },
  {
    regime: 'NDRC_ORDER_58',
    severity: Severity.GENERAL,
    inForceFrom: '2023-05-01',
    repairable: true,
    minMonths: 3,
    maxMonths: 36,
    source: ORDER_58,
  },
  {
    regime: 'NDRC_ORDER_58',
    severity: Severity.SERIOUS,
    inForceFrom: '2023-05-01',
    repairable: true,
    minMonths: 3,
    maxMonths: 36,
    source: ORDER_58,
  },
  {
    regime: 'NDRC_ORDER_36_2026',
    severity: Severity.MINOR,
    inForceFrom: '2026-04-01',
    repairable: true,
    minMonths: null,
    maxMonths: 3,
    source: `${ORDER_36}; 轻微: 公示的可随时申请修复`,
  },
  {
    regime: 'NDRC_ORDER_36_2026',
    severity: Severity.GENERAL,
    inForceFrom: '2026-04-01',
    repairable: true,
    minMonths: 3,
    maxMonths: 12,
    source: ORDER_36,
  },
  {
    regime: 'NDRC_ORDER_36_2026',
    severity: Severity.SERIOUS,
    inForceFrom: '2026-04-01',
    repairable: true,
    minMonths: 12,
    maxMonths: 36,
    source: ORDER_36,
  },
];

const LIST_DEFAULT =
  '本系统默认值 (姑苏信用办〔2020〕2号 第18条: 推动失信主体依法依规整改、信用修复，退出联合惩戒对象名单; 国办发〔2020〕49号)';

export const DEFAULT_LIST_REPAIR_RULES: ListRepairRuleRow[] = [
  { list: CreditList.BLACK, repairable: true, source: `${LIST_DEFAULT}: 严重失信主体名单可经信用修复提前移出` },
  { list: CreditList.WATCH, repairable: true, source: `${LIST_DEFAULT}: 重点关注名单可经信用修复提前移出` },
  { list: CreditList.RED, repairable: false, source: `${LIST_DEFAULT}: 红名单是守信激励，无需修复` },
];

export const DEFAULT_DEADLINE_RULES: DeadlineRuleRow[] = [
  {
    scope: 'DEFAULT',
    active: true,
    intakeWorkingDays: 2,
    decisionWorkingDays: 10,
    source: 'DESIGN.md “Penalty publicity and repair”: 默认 2 个工作日内受理，10 个工作日内作出决定',
  },
  {
    scope: 'SHENZHEN',
    active: false,
    intakeWorkingDays: 2,
    decisionWorkingDays: 3,
    source: '深圳示例 (未启用): 3 个工作日内作出决定 (可延长 3 个工作日，本表不记延长); 受理沿用默认 2 个工作日',
  },
  {
    scope: 'JIANGXI',
    active: false,
    intakeWorkingDays: 2,
    decisionWorkingDays: 8,
    source: '江西示例 (未启用): 10 个工作日内办结，按受理 2 + 决定 8 个工作日拆分',
  },
];

/**
 * 异议办理时限 (issue 18). The province's own limits could not be read here: 《江苏省公共信用信息管理办法》
 * (苏政规〔2025〕4号, in force 2026-02-01) governs objections in Jiangsu, but its objection articles were not
 * available to check. Until the credit office confirms them, the active row follows a published practice
 * (Guangzhou's: acceptance within 2 working days, the providing department's check within 10); the
 * credit office switches rows when the provincial text is confirmed.
 */
export const DEFAULT_OBJECTION_DEADLINE_RULES: DeadlineRuleRow[] = [
  {
    scope: 'OBJECTION_DEFAULT',
    kind: 'OBJECTION',
    active: true,
    intakeWorkingDays: 2,
    decisionWorkingDays: 10,
    source:
      '暂行 (待按苏政规〔2025〕4号异议条款核实): 2 个工作日内确定是否受理，信息提供单位 10 个工作日内完成核查并作出决定 (广州市公共信用信息异议处理做法)',
  },
];

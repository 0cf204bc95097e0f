import { CreditList, MeasureKind, Scenario } from '../../../shared/domain/vocabulary';

export interface MeasureDefinition {
  code: string;
  list: CreditList;
  kind: MeasureKind;
  scenario: Scenario;
  title: string;
  legalBasis: string;
}

const BLACK_BASIS = '国办发〔2020〕49号《关于进一步完善失信约束制度构建诚信建设长效机制的指导意见》';
const RED_BASIS = '国发〔2016〕33号《关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见》';
const WATCH_BASIS = '姑苏信用办〔2020〕2号 第15条 重点关注名单管理';

/**
 * The default 联合奖惩措施 catalogue the first migration inserts (the table is
 * what runs; the credit office extends it). Every scenario has a punishment for
 * the black list, a caution for the watch list and an incentive for the red list.
 */
const PER_SCENARIO: Record<Scenario, { black: string; watch: string; red: string }> = {
  [Scenario.ADMINISTRATIVE_LICENSING]: { black: '从严审核行政许可，不适用告知承诺制', watch: '列为重点审查对象，加强材料核查', red: '行政许可绿色通道，容缺受理' },
  [Scenario.PUBLIC_PROCUREMENT]: { black: '依法限制参与政府采购活动', watch: '采购评审中加强资格审查', red: '政府采购中同等条件下优先考虑' },
  [Scenario.BIDDING]: { black: '依法限制参与招标投标活动', watch: '招投标活动中加强资格审查与履约监管', red: '招投标活动中减免投标保证金' },
  [Scenario.FISCAL_FUNDS]: { black: '依法限制申请财政性资金项目', watch: '财政资金申报时加强审核', red: '财政资金项目申报优先支持' },
  [Scenario.AWARDS]: { black: '取消参加评先评优资格', watch: '评先评优时从严审核', red: '评先评优中优先推荐' },
  [Scenario.MARKET_ACCESS]: { black: '依法限制进入相关市场或行业', watch: '市场准入环节加强核查', red: '市场准入便利化，简化办理程序' },
  [Scenario.QUALIFICATION]: { black: '依法限制资质资格认定', watch: '资质审核中加强现场核查', red: '资质审核中优先办理' },
  [Scenario.PUBLIC_RESOURCE_TRADING]: { black: '依法限制参与公共资源交易', watch: '公共资源交易中加强履约监管', red: '公共资源交易中减免保证金' },
  [Scenario.DAILY_SUPERVISION]: { black: '列为重点监管对象，提高抽查比例和频次', watch: '适当提高抽查比例和频次', red: '适当降低抽查比例和频次' },
};

export const DEFAULT_MEASURES: MeasureDefinition[] = Object.entries(PER_SCENARIO).flatMap(([scenario, titles], index) => {
  const n = String(index + 1).padStart(2, '0');
  return [
    { code: `P-${n}`, list: CreditList.BLACK, kind: MeasureKind.PUNISHMENT, scenario: scenario as Scenario, title: titles.black, legalBasis: BLACK_BASIS },
    { code: `W-${n}`, list: CreditList.WATCH, kind: MeasureKind.PUNISHMENT, scenario: scenario as Scenario, title: titles.watch, legalBasis: WATCH_BASIS },
    { code: `I-${n}`, list: CreditList.RED, kind: MeasureKind.INCENTIVE, scenario: scenario as Scenario, title: titles.red, legalBasis: RED_BASIS },
  ];
});

/**
 * 办理事项 → 应用场景: the matters a hall window handles most, each mapped to the joint
 * reward/punishment scenario (Scenario in supergraph.graphql) it is screened under.
 *
 * Source: the application areas of the 2020 work points (docs/reference/gusu-credit-2020-work-points.txt,
 * §9 “双嵌入”, §14 联合奖惩, §16 自动比对、自动提示: 行政审批、政府采购、招标投标、财政资金安排、
 * 评优评先、市场准入、资质审核、公共资源交易、日常监管) and the scenario list of DESIGN.md.
 * Data, not code: the hall page renders it as the 事项 choice (Alt+1…9 in this order) and the
 * report names the matter by its label.
 */
export interface Matter {
  /** 事项名称, as the window and the report name it */
  label: string;
  scenario:
    | 'ADMINISTRATIVE_LICENSING'
    | 'PUBLIC_PROCUREMENT'
    | 'BIDDING'
    | 'FISCAL_FUNDS'
    | 'AWARDS'
    | 'MARKET_ACCESS'
    | 'QUALIFICATION'
    | 'PUBLIC_RESOURCE_TRADING'
    | 'DAILY_SUPERVISION';
}

export const MATTERS: readonly Matter[] = [
  { label: '行政许可', scenario: 'ADMINISTRATIVE_LICENSING' },
  { label: '政府采购', scenario: 'PUBLIC_PROCUREMENT' },
  { label: '招标投标', scenario: 'BIDDING' },
  { label: '财政资金', scenario: 'FISCAL_FUNDS' },
  { label: '评优评先', scenario: 'AWARDS' },
  { label: '市场准入', scenario: 'MARKET_ACCESS' },
  { label: '资质认定', scenario: 'QUALIFICATION' },
  { label: '公共资源交易', scenario: 'PUBLIC_RESOURCE_TRADING' },
  { label: '日常监管', scenario: 'DAILY_SUPERVISION' },
];

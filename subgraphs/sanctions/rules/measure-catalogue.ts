import { CreditList, MeasureKind, Scenario } from '../../../shared/domain/vocabulary';

export interface MeasureDefinition {
  code: string;
  kind: MeasureKind;
  title: string;
  legalBasis: string;
  /** The lists whose entries trigger it. */
  lists: CreditList[];
  /** The business scenarios it applies in. */
  scenarios: Scenario[];
}

const S = Scenario;
const { RED, BLACK, WATCH } = CreditList;
const ALL_SCENARIOS = Object.values(Scenario);

const BASIS_BLACK = '国办发〔2020〕49号《关于进一步完善失信约束制度构建诚信建设长效机制的指导意见》';
const BASIS_JOINT = '国发〔2016〕33号《关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见》';
const BASIS_PROCUREMENT = '《中华人民共和国政府采购法》第二十二条；财库〔2016〕125号';
const BASIS_BIDDING = '《中华人民共和国招标投标法实施条例》；发改法规〔2016〕1510号';
const BASIS_LOCAL = '姑苏信用办〔2020〕2号 第13、14、16条';
const BASIS_COMMITMENT = '国办发〔2019〕35号《关于加快推进社会信用体系建设构建以信用为基础的新型监管机制的指导意见》';

/**
 * The default 联合奖惩措施 catalogue (§13–14, §16) the migrations insert. The
 * table is what runs; the credit office adds departments' own measures.
 */
export const DEFAULT_MEASURES: MeasureDefinition[] = [
  // 守信激励 (红名单)
  { code: 'I-GREEN-CHANNEL', kind: MeasureKind.INCENTIVE, title: '绿色通道: 优先受理、优先办理', legalBasis: BASIS_JOINT, lists: [RED], scenarios: [S.ADMINISTRATIVE_LICENSING, S.MARKET_ACCESS, S.QUALIFICATION] },
  { code: 'I-ACCEPT-INCOMPLETE', kind: MeasureKind.INCENTIVE, title: '容缺受理: 非核心材料欠缺时先行受理', legalBasis: BASIS_LOCAL, lists: [RED], scenarios: [S.ADMINISTRATIVE_LICENSING, S.QUALIFICATION] },
  { code: 'I-SIMPLIFIED', kind: MeasureKind.INCENTIVE, title: '简化程序: 告知承诺、减少现场核查', legalBasis: BASIS_COMMITMENT, lists: [RED], scenarios: [S.ADMINISTRATIVE_LICENSING, S.MARKET_ACCESS, S.QUALIFICATION] },
  { code: 'I-AWARDS-PRIORITY', kind: MeasureKind.INCENTIVE, title: '评优评先中同等条件下优先推荐', legalBasis: BASIS_JOINT, lists: [RED], scenarios: [S.AWARDS] },
  { code: 'I-FUNDS-PRIORITY', kind: MeasureKind.INCENTIVE, title: '财政性资金和项目支持中同等条件下优先安排', legalBasis: BASIS_JOINT, lists: [RED], scenarios: [S.FISCAL_FUNDS] },
  { code: 'I-FEWER-INSPECTIONS', kind: MeasureKind.INCENTIVE, title: '“双随机、一公开”监管中适当降低抽查比例和频次', legalBasis: BASIS_COMMITMENT, lists: [RED], scenarios: [S.DAILY_SUPERVISION] },
  { code: 'I-DEPOSIT-RELIEF', kind: MeasureKind.INCENTIVE, title: '减免投标、履约保证金', legalBasis: BASIS_BIDDING, lists: [RED], scenarios: [S.BIDDING, S.PUBLIC_RESOURCE_TRADING, S.PUBLIC_PROCUREMENT] },
  { code: 'I-CREDIT-BONUS', kind: MeasureKind.INCENTIVE, title: '评标、评审中给予信用加分', legalBasis: BASIS_PROCUREMENT, lists: [RED], scenarios: [S.BIDDING, S.PUBLIC_PROCUREMENT] },
  // 重点关注 (警示)
  { code: 'W-STRICT-REVIEW', kind: MeasureKind.PUNISHMENT, title: '列为重点审查对象，加强材料核查', legalBasis: BASIS_LOCAL, lists: [WATCH], scenarios: [S.ADMINISTRATIVE_LICENSING, S.QUALIFICATION, S.MARKET_ACCESS, S.FISCAL_FUNDS, S.AWARDS] },
  { code: 'W-MORE-INSPECTIONS', kind: MeasureKind.PUNISHMENT, title: '适当提高抽查比例和频次', legalBasis: BASIS_COMMITMENT, lists: [WATCH], scenarios: [S.DAILY_SUPERVISION] },
  { code: 'W-PERFORMANCE-WATCH', kind: MeasureKind.PUNISHMENT, title: '加强资格审查与合同履约监管', legalBasis: BASIS_LOCAL, lists: [WATCH], scenarios: [S.BIDDING, S.PUBLIC_PROCUREMENT, S.PUBLIC_RESOURCE_TRADING] },
  // 失信惩戒 (黑名单)
  { code: 'P-KEY-SUPERVISION', kind: MeasureKind.PUNISHMENT, title: '列为重点监管对象，提高抽查比例和频次', legalBasis: BASIS_BLACK, lists: [BLACK], scenarios: [S.DAILY_SUPERVISION] },
  { code: 'P-MARKET-ACCESS', kind: MeasureKind.PUNISHMENT, title: '依法限制进入相关市场或行业', legalBasis: BASIS_BLACK, lists: [BLACK], scenarios: [S.MARKET_ACCESS] },
  { code: 'P-STRICT-LICENSING', kind: MeasureKind.PUNISHMENT, title: '从严审核行政许可，不适用告知承诺制和容缺受理', legalBasis: BASIS_BLACK, lists: [BLACK], scenarios: [S.ADMINISTRATIVE_LICENSING, S.QUALIFICATION] },
  { code: 'P-NO-PREFERENCES', kind: MeasureKind.PUNISHMENT, title: '不得享受优惠政策和便利措施', legalBasis: BASIS_JOINT, lists: [BLACK], scenarios: ALL_SCENARIOS },
  { code: 'P-NO-FUNDS', kind: MeasureKind.PUNISHMENT, title: '依法限制申请财政性资金和项目', legalBasis: BASIS_BLACK, lists: [BLACK], scenarios: [S.FISCAL_FUNDS] },
  { code: 'P-NO-AWARDS', kind: MeasureKind.PUNISHMENT, title: '取消参加评先评优资格', legalBasis: BASIS_JOINT, lists: [BLACK], scenarios: [S.AWARDS] },
  { code: 'P-PROCUREMENT', kind: MeasureKind.PUNISHMENT, title: '依法限制参与政府采购活动', legalBasis: BASIS_PROCUREMENT, lists: [BLACK], scenarios: [S.PUBLIC_PROCUREMENT] },
  { code: 'P-BIDDING', kind: MeasureKind.PUNISHMENT, title: '依法限制参与招标投标和公共资源交易活动', legalBasis: BASIS_BIDDING, lists: [BLACK], scenarios: [S.BIDDING, S.PUBLIC_RESOURCE_TRADING] },
  { code: 'P-QUALIFICATION', kind: MeasureKind.PUNISHMENT, title: '依法限制资质资格认定和升级', legalBasis: BASIS_BLACK, lists: [BLACK], scenarios: [S.QUALIFICATION] },
];

import { CreditList, MeasureKind, Scenario } from '../../../shared/domain/vocabulary';
import { BasisKind } from './basis-kind';
import { DEFAULT_LIST_KINDS, LIST_KIND } from './list-kinds';

export interface MeasureDefinition {
  code: string;
  kind: MeasureKind;
  title: string;
  /** 法律、法规或党中央、国务院政策文件, article where known (国办发〔2020〕49号). */
  legalBasis: string;
  basisKind: BasisKind;
  /** The list kinds whose entries trigger it (list_kind codes). */
  listKinds: string[];
  /** The colours of those kinds (kept for clients that filter by colour). */
  lists: CreditList[];
  /** The business scenarios it applies in. */
  scenarios: Scenario[];
}

const S = Scenario;
const ALL_SCENARIOS = Object.values(Scenario);
const kindsOf = (list: CreditList): string[] => DEFAULT_LIST_KINDS.filter((k) => k.list === list).map((k) => k.code);
const RED_KINDS = kindsOf(CreditList.RED);
const BLACK_KINDS = kindsOf(CreditList.BLACK);
const WATCH_KINDS = kindsOf(CreditList.WATCH);

const BASIS_BLACK = '国办发〔2020〕49号《关于进一步完善失信约束制度构建诚信建设长效机制的指导意见》';
const BASIS_JOINT = '国发〔2016〕33号《关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见》';
const BASIS_PROCUREMENT = '《中华人民共和国政府采购法》第二十二条；财库〔2016〕125号';
const BASIS_BIDDING = '《中华人民共和国招标投标法实施条例》；发改法规〔2016〕1510号';
const BASIS_COMMITMENT = '国办发〔2019〕35号《关于加快推进社会信用体系建设构建以信用为基础的新型监管机制的指导意见》';
const BASIS_ACCEPT_INCOMPLETE = `${BASIS_JOINT} (行政审批中对诚信典型实施“绿色通道”和“容缺受理”等便利服务措施)`;
const BASIS_COURT = '《最高人民法院关于公布失信被执行人名单信息的若干规定》(2017年修正) 第八条';
const BASIS_WAGES = '《保障农民工工资支付条例》(国务院令第724号) 第四十八条';
const BASIS_SAFETY = '《中华人民共和国安全生产法》(2021年修正) 第七十八条';
const BASIS_ABNORMAL = '《企业信息公示暂行条例》(国务院令第654号) 第十八条';

type Row = Omit<MeasureDefinition, 'lists'>;
const colourOf = new Map(DEFAULT_LIST_KINDS.map((k) => [k.code, k.list]));
const withLists = (row: Row): MeasureDefinition => ({
  ...row,
  lists: [...new Set(row.listKinds.map((code) => colourOf.get(code) as CreditList))],
});

/**
 * The default 联合奖惩措施 catalogue (§13–14, §16) the migrations insert. The
 * table is what runs; the credit office adds departments' own measures.
 */
export const DEFAULT_MEASURES: MeasureDefinition[] = (
  [
    // 守信激励 (红名单)
    {
      code: 'I-GREEN-CHANNEL',
      kind: MeasureKind.INCENTIVE,
      title: '绿色通道: 优先受理、优先办理',
      legalBasis: BASIS_JOINT,
      basisKind: BasisKind.CENTRAL_POLICY,
      listKinds: RED_KINDS,
      scenarios: [S.ADMINISTRATIVE_LICENSING, S.MARKET_ACCESS, S.QUALIFICATION],
    },
    {
      code: 'I-ACCEPT-INCOMPLETE',
      kind: MeasureKind.INCENTIVE,
      title: '容缺受理: 非核心材料欠缺时先行受理',
      legalBasis: BASIS_ACCEPT_INCOMPLETE,
      basisKind: BasisKind.CENTRAL_POLICY,
      listKinds: RED_KINDS,
      scenarios: [S.ADMINISTRATIVE_LICENSING, S.QUALIFICATION],
    },
    {
      code: 'I-SIMPLIFIED',
      kind: MeasureKind.INCENTIVE,
      title: '简化程序: 告知承诺、减少现场核查',
      legalBasis: BASIS_COMMITMENT,
      basisKind: BasisKind.CENTRAL_POLICY,
      listKinds: RED_KINDS,
      scenarios: [S.ADMINISTRATIVE_LICENSING, S.MARKET_ACCESS, S.QUALIFICATION],
    },
    {
      code: 'I-AWARDS-PRIORITY',
      kind: MeasureKind.INCENTIVE,
      title: '评优评先中同等条件下优先推荐',
      legalBasis: BASIS_JOINT,
      basisKind: BasisKind.CENTRAL_POLICY,
      listKinds: RED_KINDS,
      scenarios: [S.AWARDS],
    },
    {
      code: 'I-FUNDS-PRIORITY',
      kind: MeasureKind.INCENTIVE,
      title: '财政性资金和项目支持中同等条件下优先安排',
      legalBasis: BASIS_JOINT,
      basisKind: BasisKind.CENTRAL_POLICY,
      listKinds: RED_KINDS,
      scenarios: [S.FISCAL_FUNDS],
    },
    {
      code: 'I-FEWER-INSPECTIONS',
      kind: MeasureKind.INCENTIVE,
      title: '“双随机、一公开”监管中适当降低抽查比例和频次',
      legalBasis: BASIS_COMMITMENT,
      basisKind: BasisKind.CENTRAL_POLICY,
      listKinds: RED_KINDS,
      scenarios: [S.DAILY_SUPERVISION],
    },
    {
      code: 'I-DEPOSIT-RELIEF',
      kind: MeasureKind.INCENTIVE,
      title: '减免投标、履约保证金',
      legalBasis: BASIS_BIDDING,
      basisKind: BasisKind.LAW,
      listKinds: RED_KINDS,
      scenarios: [S.BIDDING, S.PUBLIC_RESOURCE_TRADING, S.PUBLIC_PROCUREMENT],
    },
    {
      code: 'I-CREDIT-BONUS',
      kind: MeasureKind.INCENTIVE,
      title: '评标、评审中给予信用加分',
      legalBasis: BASIS_PROCUREMENT,
      basisKind: BasisKind.LAW,
      listKinds: RED_KINDS,
      scenarios: [S.BIDDING, S.PUBLIC_PROCUREMENT],
    },
    // 重点关注 (警示)
    {
      code: 'W-STRICT-REVIEW',
      kind: MeasureKind.PUNISHMENT,
      title: '列为重点审查对象，加强材料核查',
      legalBasis: BASIS_COMMITMENT,
      basisKind: BasisKind.CENTRAL_POLICY,
      listKinds: WATCH_KINDS,
      scenarios: [S.ADMINISTRATIVE_LICENSING, S.QUALIFICATION, S.MARKET_ACCESS, S.FISCAL_FUNDS, S.AWARDS],
    },
    {
      code: 'W-MORE-INSPECTIONS',
      kind: MeasureKind.PUNISHMENT,
      title: '适当提高抽查比例和频次',
      legalBasis: BASIS_COMMITMENT,
      basisKind: BasisKind.CENTRAL_POLICY,
      listKinds: WATCH_KINDS,
      scenarios: [S.DAILY_SUPERVISION],
    },
    // 失信惩戒 (黑名单)
    {
      code: 'P-KEY-SUPERVISION',
      kind: MeasureKind.PUNISHMENT,
      title: '列为重点监管对象，提高抽查比例和频次',
      legalBasis: BASIS_BLACK,
      basisKind: BasisKind.CENTRAL_POLICY,
      listKinds: BLACK_KINDS,
      scenarios: [S.DAILY_SUPERVISION],
    },
    {
      code: 'P-MARKET-ACCESS',
      kind: MeasureKind.PUNISHMENT,
      title: '依法限制进入相关市场或行业',
      legalBasis: BASIS_BLACK,
      basisKind: BasisKind.CENTRAL_POLICY,
      listKinds: BLACK_KINDS,
      scenarios: [S.MARKET_ACCESS],
    },
    {
      code: 'P-STRICT-LICENSING',
      kind: MeasureKind.PUNISHMENT,
      title: '从严审核行政许可，不适用告知承诺制和容缺受理',
      legalBasis: BASIS_BLACK,
      basisKind: BasisKind.CENTRAL_POLICY,
      listKinds: BLACK_KINDS,
      scenarios: [S.ADMINISTRATIVE_LICENSING, S.QUALIFICATION],
    },
    {
      code: 'P-NO-PREFERENCES',
      kind: MeasureKind.PUNISHMENT,
      title: '不得享受优惠政策和便利措施',
      legalBasis: BASIS_JOINT,
      basisKind: BasisKind.CENTRAL_POLICY,
      listKinds: BLACK_KINDS,
      scenarios: ALL_SCENARIOS,
    },
    {
      code: 'P-NO-FUNDS',
      kind: MeasureKind.PUNISHMENT,
      title: '依法限制申请财政性资金和项目',
      legalBasis: BASIS_BLACK,
      basisKind: BasisKind.CENTRAL_POLICY,
      listKinds: BLACK_KINDS,
      scenarios: [S.FISCAL_FUNDS],
    },
    {
      code: 'P-NO-AWARDS',
      kind: MeasureKind.PUNISHMENT,
      title: '取消参加评先评优资格',
      legalBasis: BASIS_JOINT,
      basisKind: BasisKind.CENTRAL_POLICY,
      listKinds: BLACK_KINDS,
      scenarios: [S.AWARDS],
    },
    {
      code: 'P-PROCUREMENT',
      kind: MeasureKind.PUNISHMENT,
      title: '依法限制参与政府采购活动',
      legalBasis: BASIS_PROCUREMENT,
      basisKind: BasisKind.LAW,
      listKinds: BLACK_KINDS,
      scenarios: [S.PUBLIC_PROCUREMENT],
    },
    {
      code: 'P-BIDDING',
      kind: MeasureKind.PUNISHMENT,
      title: '依法限制参与招标投标和公共资源交易活动',
      legalBasis: BASIS_BIDDING,
      basisKind: BasisKind.LAW,
      listKinds: BLACK_KINDS,
      scenarios: [S.BIDDING, S.PUBLIC_RESOURCE_TRADING],
    },
    // Measures of one list kind, on that kind's own basis.
    {
      code: 'P-COURT-DEFAULTER',
      kind: MeasureKind.PUNISHMENT,
      title: '失信被执行人: 在政府采购、招标投标、行政审批、政府扶持、市场准入、资质认定等方面依法予以信用惩戒',
      legalBasis: BASIS_COURT,
      basisKind: BasisKind.JUDICIAL_INTERPRETATION,
      listKinds: [LIST_KIND.courtDefaulter],
      scenarios: [
        S.PUBLIC_PROCUREMENT,
        S.BIDDING,
        S.ADMINISTRATIVE_LICENSING,
        S.FISCAL_FUNDS,
        S.MARKET_ACCESS,
        S.QUALIFICATION,
      ],
    },
    {
      code: 'P-WAGE-ARREARS',
      kind: MeasureKind.PUNISHMENT,
      title:
        '拖欠农民工工资失信联合惩戒对象: 在政府资金支持、政府采购、招投标、市场准入、评优评先等方面依法依规予以限制',
      legalBasis: BASIS_WAGES,
      basisKind: BasisKind.ADMINISTRATIVE_REGULATION,
      listKinds: [LIST_KIND.wageArrears],
      scenarios: [S.FISCAL_FUNDS, S.PUBLIC_PROCUREMENT, S.BIDDING, S.MARKET_ACCESS, S.AWARDS],
    },
    {
      code: 'P-WORK-SAFETY',
      kind: MeasureKind.PUNISHMENT,
      title: '安全生产严重失信主体: 加大执法检查频次，实施联合惩戒',
      legalBasis: BASIS_SAFETY,
      basisKind: BasisKind.LAW,
      listKinds: [LIST_KIND.workSafety],
      scenarios: [S.DAILY_SUPERVISION],
    },
    {
      code: 'W-ABNORMAL-OPERATION',
      kind: MeasureKind.PUNISHMENT,
      title: '列入经营异常名录: 在政府采购、工程招投标、授予荣誉称号等工作中作为重要考量因素，依法予以限制',
      legalBasis: BASIS_ABNORMAL,
      basisKind: BasisKind.ADMINISTRATIVE_REGULATION,
      listKinds: [LIST_KIND.abnormalOperation],
      scenarios: [S.PUBLIC_PROCUREMENT, S.BIDDING, S.AWARDS],
    },
    {
      code: 'P-QUALIFICATION',
      kind: MeasureKind.PUNISHMENT,
      title: '依法限制资质资格认定和升级',
      legalBasis: BASIS_BLACK,
      basisKind: BasisKind.CENTRAL_POLICY,
      listKinds: BLACK_KINDS,
      scenarios: [S.QUALIFICATION],
    },
  ] satisfies Row[]
).map(withLists);

import { AuthorityKind, CreditList } from '../../../shared/domain/vocabulary';

/** One row of the list-kind catalogue (table sanctions.list_kind); docs/rules/authority-and-lists.md lists them with their sources. */
export interface ListKindDefinition {
  code: string;
  list: CreditList;
  name: string;
  /** Who designates entries of this kind. */
  authorityKind: AuthorityKind;
  /** The designating authority as the subject knows it (an entry records its own, defaulting to this). */
  authorityName: string;
  /** The district department that designates it here, when only one does; null: any department (or none, for external kinds). */
  designatorCode: string | null;
  /** Repaired (moved off early) on this platform, by its designating department; false for external authorities. */
  repairableHere: boolean;
  /** Where a subject turns to leave the list when it is not repairable here. */
  turnTo: string | null;
  /** How an entry leaves the list. */
  removalRule: string;
  /** The document that establishes the list (name, number, article where known). */
  source: string;
}

const { RED, BLACK, WATCH } = CreditList;
const { LOCAL_DEPARTMENT, COURT, TAX, UPPER_PLATFORM } = AuthorityKind;

/** Kind codes the code itself relies on (defaults and the commitment-breach consumer). */
export const LIST_KIND = {
  courtDefaulter: 'COURT_DEFAULTER',
  majorTaxViolation: 'MAJOR_TAX_VIOLATION',
  wageArrears: 'WAGE_ARREARS',
  workSafety: 'WORK_SAFETY_SERIOUS',
  marketSerious: 'MARKET_SERIOUS_VIOLATION',
  constructionSerious: 'CONSTRUCTION_MARKET_SERIOUS',
  upperJoint: 'UPPER_JOINT_PUNISHMENT',
  localSerious: 'LOCAL_SERIOUS_DISHONESTY',
  taxA: 'TAX_CREDIT_A',
  localTrustworthy: 'LOCAL_TRUSTWORTHY',
  keyAttention: 'KEY_ATTENTION',
  abnormalOperation: 'ABNORMAL_OPERATION',
  commitmentBreach: 'COMMITMENT_BREACH',
} as const;

/** The kind a proposal without one gets: the district's general list of its colour (every entry has a kind). */
export const DEFAULT_KIND_BY_LIST: Record<CreditList, string> = {
  [BLACK]: LIST_KIND.localSerious,
  [RED]: LIST_KIND.localTrustworthy,
  [WATCH]: LIST_KIND.keyAttention,
};

const NDRC_36 = '《信用修复管理办法》(国家发展改革委令2025年第36号) “谁认定、谁修复”';

export const DEFAULT_LIST_KINDS: ListKindDefinition[] = [
  {
    code: LIST_KIND.courtDefaulter,
    list: BLACK,
    name: '失信被执行人',
    authorityKind: COURT,
    authorityName: '作出纳入决定的人民法院',
    designatorCode: null,
    repairableHere: false,
    turnTo: '作出纳入决定的人民法院 (履行义务后由人民法院删除失信信息)',
    removalRule: '人民法院删除失信信息后移出; 本平台不修复',
    source:
      '《最高人民法院关于公布失信被执行人名单信息的若干规定》(2013年通过, 2017年1月16日修正) 第一条 (纳入情形), 第七条 (名单库统一公布), 第八条 (通报政府相关部门实施信用惩戒)',
  },
  {
    code: LIST_KIND.majorTaxViolation,
    list: BLACK,
    name: '重大税收违法失信主体',
    authorityKind: TAX,
    authorityName: '作出确定的税务机关',
    designatorCode: 'gusu.swj',
    repairableHere: false,
    turnTo: '作出确定的税务机关 (按其规定申请提前停止公布)',
    removalRule: '公布期满或税务机关提前停止公布后移出; 本平台不修复',
    source: '《重大税收违法失信主体信息公布管理办法》(国家税务总局令第54号, 自2022年2月1日起施行)',
  },
  {
    code: LIST_KIND.wageArrears,
    list: BLACK,
    name: '拖欠农民工工资失信联合惩戒对象',
    authorityKind: LOCAL_DEPARTMENT,
    authorityName: '姑苏区人力资源和社会保障局',
    designatorCode: 'gusu.rsj',
    repairableHere: true,
    turnTo: null,
    removalRule: '列入期限三年届满移出; 偿还拖欠工资满6个月并作出守信承诺的, 可向作出列入决定的人社部门申请提前移出',
    source:
      '《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》(人力资源社会保障部令第45号, 2021年11月10日公布, 自2022年1月1日起施行) 第四条 (谁执法、谁认定、谁负责), 第五条 (列入情形)',
  },
  {
    code: LIST_KIND.workSafety,
    list: BLACK,
    name: '安全生产严重失信主体',
    authorityKind: LOCAL_DEPARTMENT,
    authorityName: '姑苏区应急管理局',
    designatorCode: 'gusu.ajj',
    repairableHere: true,
    turnTo: null,
    removalRule: '管理期限届满移出; 符合条件的向作出列入决定的应急管理部门申请提前移出',
    source: '《安全生产严重失信主体名单管理办法》(应急管理部令第11号, 2023年8月8日公布, 自2023年10月1日起施行) 第三条',
  },
  {
    code: LIST_KIND.marketSerious,
    list: BLACK,
    name: '市场监督管理严重违法失信名单',
    authorityKind: LOCAL_DEPARTMENT,
    authorityName: '姑苏区市场监督管理局',
    designatorCode: 'gusu.scjgj',
    repairableHere: true,
    turnTo: null,
    removalRule: '列入满三年移出; 满一年并履行义务、纠正违法行为的可向作出列入决定的市场监管部门申请提前移出',
    source:
      '《市场监督管理严重违法失信名单管理办法》(国家市场监督管理总局令第44号, 2021年) (number as commonly cited; not verified in the reference corpus)',
  },
  {
    code: LIST_KIND.constructionSerious,
    list: BLACK,
    name: '建筑市场主体严重失信名单',
    authorityKind: LOCAL_DEPARTMENT,
    authorityName: '姑苏区住房和城乡建设局',
    designatorCode: 'gusu.zjw',
    repairableHere: true,
    turnTo: null,
    removalRule: '公布期届满移出; 信用修复向作出认定的住房城乡建设主管部门申请',
    source:
      '《建筑市场信用管理暂行办法》(建市〔2017〕241号) (number as commonly cited; not verified in the reference corpus)',
  },
  {
    code: LIST_KIND.upperJoint,
    list: BLACK,
    name: '上级平台推送的失信联合惩戒对象',
    authorityKind: UPPER_PLATFORM,
    authorityName: '推送名单的上级信用平台及其认定单位',
    designatorCode: null,
    repairableHere: false,
    turnTo: '名单的认定单位 (经推送名单的上级信用平台查询)',
    removalRule: '认定单位移出并由上级平台推送移出信息后移出; 本平台不修复',
    source:
      '国办发〔2020〕49号《关于进一步完善失信约束制度构建诚信建设长效机制的指导意见》 (严重失信主体名单由认定单位依法认定、管理)',
  },
  {
    code: LIST_KIND.localSerious,
    list: BLACK,
    name: '严重失信主体名单 (本区行业主管部门认定)',
    authorityKind: LOCAL_DEPARTMENT,
    authorityName: '作出认定的本区行业主管部门',
    designatorCode: null,
    repairableHere: true,
    turnTo: null,
    removalRule: '有效期届满移出; 信用修复由作出认定的部门决定, 区信用办协调',
    source: `国办发〔2020〕49号 (认定须以法律、法规或党中央、国务院政策文件为依据); ${NDRC_36}`,
  },
  {
    code: LIST_KIND.taxA,
    list: RED,
    name: 'A级纳税人',
    authorityKind: TAX,
    authorityName: '评定纳税信用级别的税务机关',
    designatorCode: 'gusu.swj',
    repairableHere: false,
    turnTo: '评定纳税信用级别的税务机关',
    removalRule: '评价年度届满或税务机关调整级别后移出',
    source: '《纳税信用管理办法》(国家税务总局公告2014年第40号) (红名单不适用信用修复)',
  },
  {
    code: LIST_KIND.localTrustworthy,
    list: RED,
    name: '守信激励对象 (本区部门认定)',
    authorityKind: LOCAL_DEPARTMENT,
    authorityName: '作出认定的本区部门',
    designatorCode: null,
    repairableHere: false,
    turnTo: null,
    removalRule: '有效期届满移出; 列入严重失信主体名单时移出',
    source: '国发〔2016〕33号《关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见》',
  },
  {
    code: LIST_KIND.keyAttention,
    list: WATCH,
    name: '重点关注名单 (本区部门认定)',
    authorityKind: LOCAL_DEPARTMENT,
    authorityName: '作出认定的本区部门',
    designatorCode: null,
    repairableHere: true,
    turnTo: null,
    removalRule: '有效期届满移出; 信用修复由作出认定的部门决定, 区信用办协调',
    source: `国办发〔2019〕35号《关于加快推进社会信用体系建设构建以信用为基础的新型监管机制的指导意见》; 《江苏省社会信用条例》; ${NDRC_36}`,
  },
  {
    code: LIST_KIND.abnormalOperation,
    list: WATCH,
    name: '经营异常名录',
    authorityKind: LOCAL_DEPARTMENT,
    authorityName: '姑苏区市场监督管理局',
    designatorCode: 'gusu.scjgj',
    repairableHere: true,
    turnTo: null,
    removalRule: '改正后由作出决定的市场监管部门移出',
    source: '《企业经营异常名录管理暂行办法》第四条',
  },
  {
    code: LIST_KIND.commitmentBreach,
    list: WATCH,
    name: '违背信用承诺的重点关注对象',
    authorityKind: LOCAL_DEPARTMENT,
    authorityName: '记录违诺的本区部门',
    designatorCode: null,
    repairableHere: true,
    turnTo: null,
    removalRule: '有效期届满移出; 信用修复由记录违诺的部门决定, 区信用办协调',
    source: `《国家发展改革委办公厅关于全面推行信用承诺制度的指导意见》 (违诺记入信用记录); ${NDRC_36}`,
  },
];

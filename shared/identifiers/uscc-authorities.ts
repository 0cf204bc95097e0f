import { SubjectKind } from '../domain/vocabulary';

/**
 * 登记管理部门代码 (position 1) and the 机构类别代码 (position 2) allowed for each
 * (GB 32100-2015 §4 and the code table of 全国组织机构统一社会信用代码数据服务中心; the
 * table as published, e.g. by 米易县人民政府 (scmiyi.gov.cn …/1887316.shtml) and reproduced on
 * osuse.cn/post/10002590.html). Each category says what kind of subject it is here (the
 * readings are in docs/rules/identifiers-and-fields.md).
 */
export interface UsccCategory {
  code: string;
  name: string;
  kind: SubjectKind;
}

export interface UsccAuthority {
  code: string;
  name: string;
  categories: readonly UsccCategory[];
}

const OTHER = SubjectKind.OTHER_ORGANIZATION;

function category(code: string, name: string, kind: SubjectKind): UsccCategory {
  return { code, name, kind };
}

function authority(code: string, name: string, categories: UsccCategory[]): UsccAuthority {
  return { code, name, categories };
}

export const USCC_AUTHORITIES: readonly UsccAuthority[] = [
  authority('1', '机构编制', [
    category('1', '机关', SubjectKind.GOVERNMENT_AGENCY),
    category('2', '事业单位', SubjectKind.PUBLIC_INSTITUTION),
    category('3', '中央编办直接管理机构编制的群众团体', SubjectKind.SOCIAL_ORGANIZATION),
    category('9', '其他', OTHER),
  ]),
  authority('2', '外交', [category('1', '外国常驻新闻机构', OTHER), category('9', '其他', OTHER)]),
  authority('3', '司法行政', [
    category('1', '律师执业机构', OTHER),
    category('2', '公证处', OTHER),
    category('3', '基层法律服务所', OTHER),
    category('4', '司法鉴定机构', OTHER),
    category('5', '仲裁委员会', OTHER),
    category('9', '其他', OTHER),
  ]),
  authority('4', '文化', [category('1', '外国在华文化中心', OTHER), category('9', '其他', OTHER)]),
  authority('5', '民政', [
    category('1', '社会团体', SubjectKind.SOCIAL_ORGANIZATION),
    category('2', '民办非企业单位', SubjectKind.SOCIAL_ORGANIZATION),
    category('3', '基金会', SubjectKind.SOCIAL_ORGANIZATION),
    category('9', '其他', SubjectKind.SOCIAL_ORGANIZATION),
  ]),
  authority('6', '旅游', [
    category('1', '外国旅游部门常驻代表机构', OTHER),
    category('2', '港澳台地区旅游部门常驻内地（大陆）代表机构', OTHER),
    category('9', '其他', OTHER),
  ]),
  authority('7', '宗教', [
    category('1', '宗教活动场所', OTHER),
    category('2', '宗教院校', OTHER),
    category('9', '其他', OTHER),
  ]),
  authority('8', '工会', [category('1', '基层工会', OTHER), category('9', '其他', OTHER)]),
  authority('9', '工商（市场监管）', [
    category('1', '企业', SubjectKind.ENTERPRISE),
    category('2', '个体工商户', SubjectKind.INDIVIDUAL_BUSINESS),
    category('3', '农民专业合作社', SubjectKind.FARMER_COOPERATIVE),
  ]),
  authority('A', '中央军委改革和编制办公室', [
    category('1', '军队事业单位', SubjectKind.PUBLIC_INSTITUTION),
    category('9', '其他', OTHER),
  ]),
  authority('N', '农业（农业农村）', [
    category('1', '组级集体经济组织', SubjectKind.RURAL_COLLECTIVE),
    category('2', '村级集体经济组织', SubjectKind.RURAL_COLLECTIVE),
    category('3', '乡镇级集体经济组织', SubjectKind.RURAL_COLLECTIVE),
    category('9', '其他', SubjectKind.RURAL_COLLECTIVE),
  ]),
  authority('Y', '其他', [category('1', '不再具体划分机构类别', OTHER)]),
];

const BY_CODE = new Map(USCC_AUTHORITIES.map((authority) => [authority.code, authority]));

export function usccAuthority(code: string): UsccAuthority | null {
  return BY_CODE.get(code) ?? null;
}

export function usccCategory(authorityCode: string, categoryCode: string): UsccCategory | null {
  return usccAuthority(authorityCode)?.categories.find((c) => c.code === categoryCode) ?? null;
}

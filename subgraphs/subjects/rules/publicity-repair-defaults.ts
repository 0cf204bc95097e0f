import { PenaltyDomain, Severity } from '../../../shared/domain/vocabulary';
import { ANY_DOMAIN, PublicityMark, PublicityRepairRuleRow } from './publicity';

/**
 * The default publicity-and-repair rule table (docs/rules/publicity-and-repair.md,
 * which gives each row's source and every reading chosen). The migration that
 * creates subjects.publicity_repair_rule inserts these rows; the table, not
 * this file, is what runs. Repairs keeps no table of its own: it receives what
 * these rows compute with the penalty facts ('penalties.changed').
 */
const N527 =
  '国家发展改革委办公厅《关于进一步完善“信用中国”网站及地方信用门户网站行政处罚信息信用修复机制的通知》(发改办财金〔2019〕527号, 2019-05-14; 自2019年7月1日起执行)';
const O58 =
  '《失信行为纠正后的信用信息修复管理办法（试行）》(国家发展改革委令第58号, 2023-01-13, 自2023年5月1日起施行)';
const O58_SPECIAL = `${O58}: 食品、药品、特种设备、安全生产、消防领域行政处罚信息最短公示期一年 (as quoted by the Beijing FAQ on 58号令; Shenzhen's page lists 特种设备、安全生产、消防 only)`;
const O36 =
  '《信用修复管理办法》(国家发展改革委令2025年第36号, 2025-11-20, 自2026年4月1日起施行; 废止58号令); 国办发〔2025〕22号';

const REGIME_2019 = { regime: 'CREDIT_CHINA_2019', inForceFrom: '2019-07-01' } as const;
const REGIME_58 = { regime: 'NDRC_ORDER_58', inForceFrom: '2023-05-01' } as const;
const REGIME_36 = { regime: 'NDRC_ORDER_36_2026', inForceFrom: '2026-04-01' } as const;

/** Order 58's one-year domains: every severity in each of them. */
export const ORDER_58_SPECIAL_DOMAINS: readonly PenaltyDomain[] = [
  PenaltyDomain.FOOD,
  PenaltyDomain.DRUG,
  PenaltyDomain.SPECIAL_EQUIPMENT,
  PenaltyDomain.WORK_SAFETY,
  PenaltyDomain.FIRE,
];

const SEVERITIES = [Severity.MINOR, Severity.GENERAL, Severity.SERIOUS] as const;

const plain = {
  domain: ANY_DOMAIN,
  mark: PublicityMark.NONE,
  published: true,
  repairable: true,
  reading: null,
} as const;

export const DEFAULT_PUBLICITY_REPAIR_RULES: PublicityRepairRuleRow[] = [
  // 2019: 一般 3–12 months, 严重 6–36 months; 特定严重失信 for the full period.
  {
    ...REGIME_2019,
    ...plain,
    severity: Severity.MINOR,
    minMonths: 3,
    maxMonths: 12,
    source: `${N527}: 涉及一般失信行为的行政处罚信息 最短3个月、最长1年`,
    reading:
      '527号 has two classes (一般, 严重), no 轻微: a penalty reported 轻微 is judged as 一般 (the lighter class).',
  },
  {
    ...REGIME_2019,
    ...plain,
    severity: Severity.GENERAL,
    minMonths: 3,
    maxMonths: 12,
    source: `${N527}: 涉及一般失信行为的行政处罚信息 最短3个月、最长1年`,
  },
  {
    ...REGIME_2019,
    ...plain,
    severity: Severity.SERIOUS,
    minMonths: 6,
    maxMonths: 36,
    source: `${N527}: 涉及严重失信行为的行政处罚信息 最短6个月、最长3年`,
  },
  {
    ...REGIME_2019,
    ...plain,
    severity: Severity.SERIOUS,
    mark: PublicityMark.SPECIFIC_SERIOUS,
    minMonths: null,
    maxMonths: 36,
    repairable: false,
    source: `${N527}: 对涉及特定严重失信行为的行政处罚信息严格按最长公示期限予以公示`,
    reading:
      'The department reports 特定严重失信行为 = 是 on the penalty (only with 严重): published the full 3 years, never repaired early.',
  },
  // Order 58: 3 months – 3 years; the five special domains 1 year minimum.
  ...SEVERITIES.map((severity): PublicityRepairRuleRow => ({
    ...REGIME_58,
    ...plain,
    severity,
    minMonths: 3,
    maxMonths: 36,
    source: `${O58}: 行政处罚信息 最短公示期三个月、最长三年`,
    reading:
      severity === Severity.SERIOUS ? null : '58号令 does not grade penalties: every severity has the same periods.',
  })),
  ...SEVERITIES.flatMap((severity) =>
    ORDER_58_SPECIAL_DOMAINS.map((domain): PublicityRepairRuleRow => ({
      ...REGIME_58,
      ...plain,
      severity,
      domain,
      minMonths: 12,
      maxMonths: 36,
      source: O58_SPECIAL,
      reading:
        "All five domains (the Beijing FAQ quotes the order's text; Shenzhen omits 食品、药品, which market supervision repairs through its own system).",
    })),
  ),
  // Order 36: 轻微 not published unless marked necessary (≤ 3 months, repairable at once); 一般 3–12; 严重 12–36.
  {
    ...REGIME_36,
    ...plain,
    severity: Severity.MINOR,
    published: false,
    repairable: false,
    minMonths: null,
    maxMonths: 0,
    source: `${O36}: 轻微失信信息原则上不予公示`,
    reading:
      'Not published: kept and shared as an internal record; publicityEndsAt = repairableFrom = the decision date; nothing to repair.',
  },
  {
    ...REGIME_36,
    ...plain,
    severity: Severity.MINOR,
    mark: PublicityMark.PUBLICITY_NECESSARY,
    minMonths: null,
    maxMonths: 3,
    source: `${O36}: 行业主管部门认为确有必要公示的，公示期最长不超过3个月，且法定责任履行完毕即可申请修复`,
    reading:
      'The department marks it by reporting 确有必要公示期限（月） 1–3; published that many months; repair may be applied for at once (the obligations are checked by repairs).',
  },
  {
    ...REGIME_36,
    ...plain,
    severity: Severity.GENERAL,
    minMonths: 3,
    maxMonths: 12,
    source: `${O36}: 一般失信信息最短公示期3个月，最长1年`,
  },
  {
    ...REGIME_36,
    ...plain,
    severity: Severity.SERIOUS,
    minMonths: 12,
    maxMonths: 36,
    source: `${O36}: 严重失信信息最短公示期1年，最长3年`,
  },
];

import { PenaltyDomain, Severity } from '../../shared/domain/vocabulary';
import { defaultDomainOf } from '../../subgraphs/subjects/rules/department-domain';
import {
  addMonths,
  judgePublicity,
  NO_REGIME,
  PenaltyPublicityFacts,
  PublicityJudgement,
  regimeInForce,
} from '../../subgraphs/subjects/rules/publicity';
import { DEFAULT_PUBLICITY_REPAIR_RULES } from '../../subgraphs/subjects/rules/publicity-repair-defaults';

/**
 * One case per row of the publicity-and-repair table: regime × severity × domain
 * (+ 特定严重失信, + 确有必要公示), each with the figures of its source written out
 * here (docs/rules/publicity-and-repair.md), not read from the defaults.
 */
const rules = DEFAULT_PUBLICITY_REPAIR_RULES;
const ALL_DOMAINS = Object.values(PenaltyDomain);
const SPECIAL = [
  PenaltyDomain.FOOD,
  PenaltyDomain.DRUG,
  PenaltyDomain.SPECIAL_EQUIPMENT,
  PenaltyDomain.WORK_SAFETY,
  PenaltyDomain.FIRE,
];

function judge(
  over: Partial<PenaltyPublicityFacts> & Pick<PenaltyPublicityFacts, 'decidedAt' | 'severity'>,
): PublicityJudgement {
  return judgePublicity(rules, {
    domain: PenaltyDomain.GENERAL,
    specificSerious: false,
    necessaryPublicityMonths: null,
    ...over,
  });
}

/** Published, repairable from `min` months, publicity ends after `max` months. */
function periods(regime: string, decidedAt: string, min: number, max: number): PublicityJudgement {
  return {
    regime,
    published: true,
    repairable: true,
    repairableFrom: addMonths(decidedAt, min),
    publicityEndsAt: addMonths(decidedAt, max),
  };
}

const notPublished = (regime: string, decidedAt: string): PublicityJudgement => ({
  regime,
  published: false,
  repairable: false,
  repairableFrom: decidedAt,
  publicityEndsAt: decidedAt,
});

describe('publicity-and-repair rule table: 发改办财金〔2019〕527号 (2019-07-01 – 2023-04-30)', () => {
  const decidedAt = '2021-03-10';
  it.each(ALL_DOMAINS)('GENERAL in %s: 3 months – 1 year', (domain) => {
    expect(judge({ decidedAt, severity: Severity.GENERAL, domain })).toEqual(
      periods('CREDIT_CHINA_2019', decidedAt, 3, 12),
    );
  });
  it.each(ALL_DOMAINS)('MINOR in %s: judged as 一般 (527号 has no minor class)', (domain) => {
    expect(judge({ decidedAt, severity: Severity.MINOR, domain })).toEqual(
      periods('CREDIT_CHINA_2019', decidedAt, 3, 12),
    );
  });
  it.each(ALL_DOMAINS)('SERIOUS in %s: 6 months – 3 years (no special domains before Order 58)', (domain) => {
    expect(judge({ decidedAt, severity: Severity.SERIOUS, domain })).toEqual(
      periods('CREDIT_CHINA_2019', decidedAt, 6, 36),
    );
  });
  it.each(ALL_DOMAINS)('SERIOUS 特定严重失信 in %s: published the full 3 years, not repairable', (domain) => {
    expect(judge({ decidedAt, severity: Severity.SERIOUS, domain, specificSerious: true })).toEqual({
      regime: 'CREDIT_CHINA_2019',
      published: true,
      repairable: false,
      repairableFrom: '2024-03-10',
      publicityEndsAt: '2024-03-10',
    });
  });
  it('the 特定严重失信 mark matters only on a serious penalty under 2019 (reporting refuses it on others)', () => {
    expect(judge({ decidedAt, severity: Severity.GENERAL, specificSerious: true })).toEqual(
      periods('CREDIT_CHINA_2019', decidedAt, 3, 12),
    );
    expect(judge({ decidedAt: '2024-03-10', severity: Severity.SERIOUS, specificSerious: true })).toEqual(
      periods('NDRC_ORDER_58', '2024-03-10', 3, 36),
    );
  });
  it('the 确有必要公示 mark does not exist before 2026', () => {
    expect(judge({ decidedAt, severity: Severity.MINOR, necessaryPublicityMonths: 2 })).toEqual(
      periods('CREDIT_CHINA_2019', decidedAt, 3, 12),
    );
  });
});

describe('publicity-and-repair rule table: 国家发展改革委令第58号 (2023-05-01 – 2026-03-31)', () => {
  const decidedAt = '2024-03-10';
  for (const severity of [Severity.MINOR, Severity.GENERAL, Severity.SERIOUS]) {
    it(`${severity} in GENERAL: 3 months – 3 years`, () => {
      expect(judge({ decidedAt, severity, domain: PenaltyDomain.GENERAL })).toEqual(
        periods('NDRC_ORDER_58', decidedAt, 3, 36),
      );
    });
    it.each(SPECIAL)(`${severity} in %s: 1 year – 3 years`, (domain) => {
      expect(judge({ decidedAt, severity, domain })).toEqual(periods('NDRC_ORDER_58', decidedAt, 12, 36));
    });
  }
  it('a fire-brigade penalty of 2026-03-01 is repairable from 2027-03-01', () => {
    expect(judge({ decidedAt: '2026-03-01', severity: Severity.GENERAL, domain: PenaltyDomain.FIRE })).toEqual({
      regime: 'NDRC_ORDER_58',
      published: true,
      repairable: true,
      repairableFrom: '2027-03-01',
      publicityEndsAt: '2029-03-01',
    });
  });
});

describe('publicity-and-repair rule table: 国家发展改革委令第36号 (2026-04-01 –)', () => {
  const decidedAt = '2026-06-01';
  it.each(ALL_DOMAINS)('MINOR in %s: not published, nothing to repair', (domain) => {
    expect(judge({ decidedAt, severity: Severity.MINOR, domain })).toEqual(
      notPublished('NDRC_ORDER_36_2026', decidedAt),
    );
  });
  it.each(ALL_DOMAINS)(
    'MINOR marked necessary in %s: published the months marked (≤ 3), repairable at once',
    (domain) => {
      expect(judge({ decidedAt, severity: Severity.MINOR, domain, necessaryPublicityMonths: 2 })).toEqual({
        regime: 'NDRC_ORDER_36_2026',
        published: true,
        repairable: true,
        repairableFrom: '2026-06-01',
        publicityEndsAt: '2026-08-01',
      });
    },
  );
  it('a necessity mark above 3 months is capped at 3 (reporting refuses it anyway)', () => {
    expect(judge({ decidedAt, severity: Severity.MINOR, necessaryPublicityMonths: 6 }).publicityEndsAt).toBe(
      '2026-09-01',
    );
  });
  it.each(ALL_DOMAINS)('GENERAL in %s: 3 months – 1 year (Order 36 keeps no special domains)', (domain) => {
    expect(judge({ decidedAt, severity: Severity.GENERAL, domain })).toEqual(
      periods('NDRC_ORDER_36_2026', decidedAt, 3, 12),
    );
  });
  it.each(ALL_DOMAINS)('SERIOUS in %s: 1 year – 3 years', (domain) => {
    expect(judge({ decidedAt, severity: Severity.SERIOUS, domain })).toEqual(
      periods('NDRC_ORDER_36_2026', decidedAt, 12, 36),
    );
  });
  it('the 特定严重失信 mark is a 2019 rule only', () => {
    expect(judge({ decidedAt, severity: Severity.SERIOUS, specificSerious: true })).toEqual(
      periods('NDRC_ORDER_36_2026', decidedAt, 12, 36),
    );
  });
});

describe('publicity-and-repair rule table: regime boundaries', () => {
  it('judges each decision by the regime in force on its date', () => {
    expect(regimeInForce(rules, '2019-06-30')).toBeNull();
    expect(regimeInForce(rules, '2019-07-01')).toBe('CREDIT_CHINA_2019');
    expect(regimeInForce(rules, '2023-04-30')).toBe('CREDIT_CHINA_2019');
    expect(regimeInForce(rules, '2023-05-01')).toBe('NDRC_ORDER_58');
    expect(regimeInForce(rules, '2026-03-31')).toBe('NDRC_ORDER_58');
    expect(regimeInForce(rules, '2026-04-01')).toBe('NDRC_ORDER_36_2026');
  });
  it('2019-06-30 is before 527号 took effect: nothing published or repairable; 2019-07-01 is under it', () => {
    expect(judge({ decidedAt: '2019-06-30', severity: Severity.SERIOUS })).toEqual(
      notPublished(NO_REGIME, '2019-06-30'),
    );
    expect(judge({ decidedAt: '2019-07-01', severity: Severity.SERIOUS })).toEqual(
      periods('CREDIT_CHINA_2019', '2019-07-01', 6, 36),
    );
  });
  it('2023-04-30 vs 2023-05-01: a fire penalty gains the one-year minimum', () => {
    expect(judge({ decidedAt: '2023-04-30', severity: Severity.GENERAL, domain: PenaltyDomain.FIRE })).toEqual(
      periods('CREDIT_CHINA_2019', '2023-04-30', 3, 12),
    );
    expect(judge({ decidedAt: '2023-05-01', severity: Severity.GENERAL, domain: PenaltyDomain.FIRE })).toEqual(
      periods('NDRC_ORDER_58', '2023-05-01', 12, 36),
    );
  });
  it('2026-03-31 vs 2026-04-01: a minor penalty stops being published; a fire penalty loses the special minimum', () => {
    expect(judge({ decidedAt: '2026-03-31', severity: Severity.MINOR })).toEqual(
      periods('NDRC_ORDER_58', '2026-03-31', 3, 36),
    );
    expect(judge({ decidedAt: '2026-04-01', severity: Severity.MINOR })).toEqual(
      notPublished('NDRC_ORDER_36_2026', '2026-04-01'),
    );
    expect(judge({ decidedAt: '2026-03-31', severity: Severity.GENERAL, domain: PenaltyDomain.FIRE })).toEqual(
      periods('NDRC_ORDER_58', '2026-03-31', 12, 36),
    );
    expect(judge({ decidedAt: '2026-04-01', severity: Severity.GENERAL, domain: PenaltyDomain.FIRE })).toEqual(
      periods('NDRC_ORDER_36_2026', '2026-04-01', 3, 12),
    );
  });
  it('a record judged by a regime other than the one of its date uses that regime; an unknown regime has no rule', () => {
    expect(
      judge({ decidedAt: '2026-06-01', severity: Severity.GENERAL, regime: 'NDRC_ORDER_58' }).publicityEndsAt,
    ).toBe('2029-06-01');
    expect(() => judge({ decidedAt: '2026-06-01', severity: Severity.GENERAL, regime: 'UNKNOWN' })).toThrow(RangeError);
  });
  it('clamps month ends: 2024-02-29 + 3 years = 2027-02-28', () => {
    expect(addMonths('2024-02-29', 36)).toBe('2027-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
  });
});

describe('publicity-and-repair rule table: the rows themselves', () => {
  it('every row names its source, and is unique on regime × severity × domain × mark', () => {
    const keys = rules.map((r) => `${r.regime}|${r.severity}|${r.domain}|${r.mark}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const rule of rules) expect(rule.source).toMatch(/〔2019〕527号|令第58号|令2025年第36号/);
  });
  it('every regime has a plain row for every severity, so no penalty falls through', () => {
    for (const regime of new Set(rules.map((r) => r.regime))) {
      for (const severity of Object.values(Severity)) {
        expect(
          rules.some((r) => r.regime === regime && r.severity === severity && r.domain === 'ANY' && r.mark === 'NONE'),
        ).toBe(true);
      }
    }
  });
  it('a regime starts on one date in all its rows', () => {
    for (const regime of new Set(rules.map((r) => r.regime)))
      expect(new Set(rules.filter((r) => r.regime === regime).map((r) => r.inForceFrom)).size).toBe(1);
  });
});

describe("a department's 主管领域 by default", () => {
  it('comes from its name', () => {
    expect(defaultDomainOf('姑苏区消防救援大队')).toBe(PenaltyDomain.FIRE);
    expect(defaultDomainOf('姑苏区应急管理局')).toBe(PenaltyDomain.WORK_SAFETY);
    expect(defaultDomainOf('苏州市药品监督管理局')).toBe(PenaltyDomain.DRUG);
    expect(defaultDomainOf('姑苏区市场监督管理局')).toBe(PenaltyDomain.GENERAL);
    expect(defaultDomainOf('')).toBe(PenaltyDomain.GENERAL);
  });
});

import { Severity } from '../../shared/domain/vocabulary';
import { DEFAULT_PUBLICITY_RULES } from '../../subgraphs/subjects/rules/publicity-defaults';
import { addMonths, publicityPeriod, regimeInForce } from '../../subgraphs/subjects/rules/publicity';

describe('publicity periods (公示期)', () => {
  it('adds months, clamping to the end of a shorter month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-11-15', 3)).toBe('2025-02-15');
    expect(addMonths('2024-05-01', 36)).toBe('2027-05-01');
  });

  it('judges a decision by the regime in force on its decision date', () => {
    expect(regimeInForce(DEFAULT_PUBLICITY_RULES, '2022-06-30')).toBe('CREDIT_CHINA_2019');
    expect(regimeInForce(DEFAULT_PUBLICITY_RULES, '2023-04-30')).toBe('CREDIT_CHINA_2019');
    expect(regimeInForce(DEFAULT_PUBLICITY_RULES, '2023-05-01')).toBe('NDRC_ORDER_58');
    expect(regimeInForce(DEFAULT_PUBLICITY_RULES, '2026-03-31')).toBe('NDRC_ORDER_58');
    expect(regimeInForce(DEFAULT_PUBLICITY_RULES, '2026-04-01')).toBe('NDRC_ORDER_36_2026');
    expect(() => regimeInForce(DEFAULT_PUBLICITY_RULES, '2018-12-31')).toThrow(RangeError);
  });

  it('applies each regime’s minimum and maximum', () => {
    expect(publicityPeriod(DEFAULT_PUBLICITY_RULES, Severity.SERIOUS, '2021-03-10')).toEqual({
      regime: 'CREDIT_CHINA_2019',
      repairableFrom: '2021-09-10',
      publicityEndsAt: '2024-03-10',
    });
    expect(publicityPeriod(DEFAULT_PUBLICITY_RULES, Severity.GENERAL, '2024-02-29')).toEqual({
      regime: 'NDRC_ORDER_58',
      repairableFrom: '2024-05-29',
      publicityEndsAt: '2027-02-28',
    });
    expect(publicityPeriod(DEFAULT_PUBLICITY_RULES, Severity.SERIOUS, '2026-06-01')).toEqual({
      regime: 'NDRC_ORDER_36_2026',
      repairableFrom: '2027-06-01',
      publicityEndsAt: '2029-06-01',
    });
    // Under the 2026 rules a minor penalty is published for at most 3 months and may be repaired at once.
    expect(publicityPeriod(DEFAULT_PUBLICITY_RULES, Severity.MINOR, '2026-06-01')).toEqual({
      regime: 'NDRC_ORDER_36_2026',
      repairableFrom: '2026-06-01',
      publicityEndsAt: '2026-09-01',
    });
  });

  it('lets a record keep an older regime it was judged by', () => {
    expect(publicityPeriod(DEFAULT_PUBLICITY_RULES, Severity.GENERAL, '2026-06-01', 'NDRC_ORDER_58').publicityEndsAt).toBe('2029-06-01');
    expect(() => publicityPeriod(DEFAULT_PUBLICITY_RULES, Severity.GENERAL, '2026-06-01', 'UNKNOWN')).toThrow(RangeError);
  });

  it('names a source for every default rule', () => {
    for (const rule of DEFAULT_PUBLICITY_RULES) expect(rule.source.length).toBeGreaterThan(5);
  });
});

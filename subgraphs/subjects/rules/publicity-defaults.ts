import { Severity } from '../../../shared/domain/vocabulary';

/** A row of the first publicity table (subjects.publicity_rule, dropped by Migration20261202011302). */
export interface PublicityRuleRow {
  regime: string;
  severity: Severity;
  inForceFrom: string;
  minMonths: number | null;
  maxMonths: number;
  source: string;
}

/**
 * Frozen: the rows the first migration inserted into subjects.publicity_rule,
 * kept only so that migration runs as it did. The rules that run are
 * subjects.publicity_repair_rule (rules/publicity-repair-defaults.ts).
 * The 2019 regime publishes minor penalties like general ones: it had no
 * minor class, so a minor record is treated at the general minimum.
 */
export const DEFAULT_PUBLICITY_RULES: PublicityRuleRow[] = [
  {
    regime: 'CREDIT_CHINA_2019',
    severity: Severity.MINOR,
    inForceFrom: '2019-01-01',
    minMonths: 3,
    maxMonths: 12,
    source: '信用中国网站行政处罚信息信用修复实践 (2019–2023)',
  },
  {
    regime: 'CREDIT_CHINA_2019',
    severity: Severity.GENERAL,
    inForceFrom: '2019-01-01',
    minMonths: 3,
    maxMonths: 12,
    source: '信用中国网站行政处罚信息信用修复实践 (2019–2023)',
  },
  {
    regime: 'CREDIT_CHINA_2019',
    severity: Severity.SERIOUS,
    inForceFrom: '2019-01-01',
    minMonths: 6,
    maxMonths: 36,
    source: '信用中国网站行政处罚信息信用修复实践 (2019–2023)',
  },
  {
    regime: 'NDRC_ORDER_58',
    severity: Severity.MINOR,
    inForceFrom: '2023-05-01',
    minMonths: 3,
    maxMonths: 36,
    source: '国家发展改革委令第58号《失信行为纠正后的信用信息修复管理办法（试行）》',
  },
  {
    regime: 'NDRC_ORDER_58',
    severity: Severity.GENERAL,
    inForceFrom: '2023-05-01',
    minMonths: 3,
    maxMonths: 36,
    source: '国家发展改革委令第58号《失信行为纠正后的信用信息修复管理办法（试行）》',
  },
  {
    regime: 'NDRC_ORDER_58',
    severity: Severity.SERIOUS,
    inForceFrom: '2023-05-01',
    minMonths: 3,
    maxMonths: 36,
    source: '国家发展改革委令第58号《失信行为纠正后的信用信息修复管理办法（试行）》',
  },
  {
    regime: 'NDRC_ORDER_36_2026',
    severity: Severity.MINOR,
    inForceFrom: '2026-04-01',
    minMonths: null,
    maxMonths: 3,
    source: '国办发〔2025〕22号；国家发展改革委令第36号《信用修复管理办法》',
  },
  {
    regime: 'NDRC_ORDER_36_2026',
    severity: Severity.GENERAL,
    inForceFrom: '2026-04-01',
    minMonths: 3,
    maxMonths: 12,
    source: '国办发〔2025〕22号；国家发展改革委令第36号《信用修复管理办法》',
  },
  {
    regime: 'NDRC_ORDER_36_2026',
    severity: Severity.SERIOUS,
    inForceFrom: '2026-04-01',
    minMonths: 12,
    maxMonths: 36,
    source: '国办发〔2025〕22号；国家发展改革委令第36号《信用修复管理办法》',
  },
];

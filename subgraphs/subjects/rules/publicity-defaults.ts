import { Severity } from '../../../shared/domain/vocabulary';
import type { PublicityRuleRow } from './publicity';

/**
 * The default rule table (DESIGN.md, "Penalty publicity and repair"). The first
 * migration inserts these rows; the table, not this file, is what runs.
 * The 2019 regime publishes minor penalties like general ones: it had no
 * minor class, so a minor record is treated at the general minimum.
 */
export const DEFAULT_PUBLICITY_RULES: PublicityRuleRow[] = [
  { regime: 'CREDIT_CHINA_2019', severity: Severity.MINOR, inForceFrom: '2019-01-01', minMonths: 3, maxMonths: 12, source: '信用中国网站行政处罚信息信用修复实践 (2019–2023)' },
  { regime: 'CREDIT_CHINA_2019', severity: Severity.GENERAL, inForceFrom: '2019-01-01', minMonths: 3, maxMonths: 12, source: '信用中国网站行政处罚信息信用修复实践 (2019–2023)' },
  { regime: 'CREDIT_CHINA_2019', severity: Severity.SERIOUS, inForceFrom: '2019-01-01', minMonths: 6, maxMonths: 36, source: '信用中国网站行政处罚信息信用修复实践 (2019–2023)' },
  { regime: 'NDRC_ORDER_58', severity: Severity.MINOR, inForceFrom: '2023-05-01', minMonths: 3, maxMonths: 36, source: '国家发展改革委令第58号《失信行为纠正后的信用信息修复管理办法（试行）》' },
  { regime: 'NDRC_ORDER_58', severity: Severity.GENERAL, inForceFrom: '2023-05-01', minMonths: 3, maxMonths: 36, source: '国家发展改革委令第58号《失信行为纠正后的信用信息修复管理办法（试行）》' },
  { regime: 'NDRC_ORDER_58', severity: Severity.SERIOUS, inForceFrom: '2023-05-01', minMonths: 3, maxMonths: 36, source: '国家发展改革委令第58号《失信行为纠正后的信用信息修复管理办法（试行）》' },
  { regime: 'NDRC_ORDER_36_2026', severity: Severity.MINOR, inForceFrom: '2026-04-01', minMonths: null, maxMonths: 3, source: '国办发〔2025〕22号；国家发展改革委令第36号《信用修复管理办法》' },
  { regime: 'NDRC_ORDER_36_2026', severity: Severity.GENERAL, inForceFrom: '2026-04-01', minMonths: 3, maxMonths: 12, source: '国办发〔2025〕22号；国家发展改革委令第36号《信用修复管理办法》' },
  { regime: 'NDRC_ORDER_36_2026', severity: Severity.SERIOUS, inForceFrom: '2026-04-01', minMonths: 12, maxMonths: 36, source: '国办发〔2025〕22号；国家发展改革委令第36号《信用修复管理办法》' },
];

import { PenaltyDomain, Severity } from '../../../shared/domain/vocabulary';
import { FieldReader, spellings } from './report-fields';

const DOMAINS = spellings([
  [PenaltyDomain.FOOD, ['食品']],
  [PenaltyDomain.DRUG, ['药品']],
  [PenaltyDomain.SPECIAL_EQUIPMENT, ['特种设备']],
  [PenaltyDomain.WORK_SAFETY, ['安全生产']],
  [PenaltyDomain.FIRE, ['消防']],
  [PenaltyDomain.GENERAL, ['其他']],
]);
const YES_NO = spellings([
  ['YES', ['是', 'Y', 'TRUE', '1']],
  ['NO', ['否', 'N', 'FALSE', '0']],
]);
const MONTHS = /^[1-3]$/;

/**
 * The reported facts the publicity-and-repair rule table needs beyond severity
 * (docs/rules/publicity-and-repair.md): domain (null = the authority's 主管领域,
 * filled when the record is written), 特定严重失信行为, 确有必要公示期限（月）.
 */
export function readPublicityFields(
  reader: FieldReader,
  severity: Severity | null,
): { domain: PenaltyDomain | null; specificSerious: boolean; necessaryPublicityMonths: number | null } {
  const domain = reader.choice('domain', DOMAINS);
  const specificSerious = reader.choice('specificSerious', YES_NO) === 'YES';
  if (specificSerious && severity !== null && severity !== Severity.SERIOUS) {
    reader.add('specificSerious', 'INVALID_VALUE', `${reader.header('specificSerious')}仅适用于严重失信信息`);
  }
  const monthsText = reader.text('necessaryPublicityMonths');
  let necessaryPublicityMonths: number | null = null;
  if (monthsText !== null) {
    if (!MONTHS.test(monthsText)) {
      reader.add(
        'necessaryPublicityMonths',
        'INVALID_VALUE',
        `${reader.header('necessaryPublicityMonths')}应为 1–3 (轻微失信信息公示期最长不超过3个月): ${monthsText}`,
      );
    } else if (severity !== null && severity !== Severity.MINOR) {
      reader.add(
        'necessaryPublicityMonths',
        'INVALID_VALUE',
        `${reader.header('necessaryPublicityMonths')}仅适用于轻微失信信息`,
      );
    } else {
      necessaryPublicityMonths = Number(monthsText);
    }
  }
  return { domain, specificSerious, necessaryPublicityMonths };
}

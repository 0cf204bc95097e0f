import { residentIdCheckCharacter, residentIdProblem } from './resident-id';

/**
 * 证件类型 of a natural person (行政相对人 自然人, and 法定代表人) as the national 双公示
 * data standard lists them: 身份证、护照号、港澳居民来往内地通行证、台湾居民来往大陆通行证、
 * 外国人永久居留身份证, or a value starting “其他-” naming the document. Each has its own
 * format check; sources and readings in docs/rules/identifiers-and-fields.md.
 */
export enum PersonIdType {
  RESIDENT_ID = 'RESIDENT_ID', // 身份证 (居民身份证, GB 11643-1999)
  PASSPORT = 'PASSPORT', // 护照号
  HK_MACAO_PERMIT = 'HK_MACAO_PERMIT', // 港澳居民来往内地通行证
  TAIWAN_PERMIT = 'TAIWAN_PERMIT', // 台湾居民来往大陆通行证
  FOREIGN_PERMANENT_RESIDENT = 'FOREIGN_PERMANENT_RESIDENT', // 外国人永久居留身份证
  OTHER = 'OTHER', // 其他-<证件名称>
}

export interface PersonIdRule {
  type: PersonIdType;
  /** The name the standard gives, as it is shown and accepted. */
  name: string;
  /** More spellings accepted in reports and files. */
  spellings: readonly string[];
  /** null when the number has this type's format, otherwise the reason. */
  problem(number: string): string | null;
}

/** Longest number any type may have (the 证件号码 column). */
export const PERSON_ID_MAX_LENGTH = 32;
/** Longest document name after “其他-”. */
export const OTHER_ID_NAME_MAX_LENGTH = 20;

function shape(pattern: RegExp, message: string): (number: string) => string | null {
  return (number) => (pattern.test(number) ? null : message);
}

/** 2023 版永居证: 18 characters like a resident ID, first digit 9, MOD 11-2 check (国家移民管理局, 2023). */
function foreignPermanentResidentProblem(number: string): string | null {
  if (/^[A-Z]{3}\d{12}$/.test(number)) return null; // 2004/2017 版: 3 letters (nationality) + 12 digits
  if (!/^9\d{16}[\dX]$/.test(number))
    return '外国人永久居留身份证号码应为15位（3位字母+12位数字）或以9开头的18位（17位数字+1位校验码）';
  if (residentIdCheckCharacter(number.slice(0, 17)) !== number[17]) return '外国人永久居留身份证号码校验位错误';
  return null;
}

export const PERSON_ID_RULES: readonly PersonIdRule[] = [
  {
    type: PersonIdType.RESIDENT_ID,
    name: '身份证',
    spellings: ['居民身份证', '身份证号', '居民身份证号码'],
    problem: residentIdProblem,
  },
  {
    type: PersonIdType.PASSPORT,
    name: '护照号',
    spellings: ['护照'],
    // ICAO Doc 9303: the document number is up to 9 characters in the MRZ, longer ones overflow; Chinese ones are E/G/P/S/D + 8.
    problem: shape(/^(?=.*\d)[A-Z0-9]{5,17}$/, '护照号应为5–17位字母或数字（至少含1位数字）'),
  },
  {
    type: PersonIdType.HK_MACAO_PERMIT,
    name: '港澳居民来往内地通行证',
    spellings: ['港澳通行证', '回乡证'],
    // 公安部出入境管理局 (2010-03-10): H (香港) / M (澳门) + 8-digit lifelong number + 2-digit renewal count; the card of 2013 prints the 9-character form.
    problem: shape(/^[HM]\d{8}(\d{2})?$/, '港澳居民来往内地通行证号码应为 H 或 M 加8位（或10位）数字'),
  },
  {
    type: PersonIdType.TAIWAN_PERMIT,
    name: '台湾居民来往大陆通行证',
    spellings: ['台胞证', '台湾通行证'],
    // The card of 2015: an 8-digit lifelong number; older booklets add a 2-digit renewal count.
    problem: shape(/^\d{8}(\d{2})?$/, '台湾居民来往大陆通行证号码应为8位（或10位）数字'),
  },
  {
    type: PersonIdType.FOREIGN_PERMANENT_RESIDENT,
    name: '外国人永久居留身份证',
    spellings: ['永居证', '外国人永久居留证'],
    problem: foreignPermanentResidentProblem,
  },
  {
    type: PersonIdType.OTHER,
    name: '其他',
    spellings: [],
    // 军官证 and the like are numbered 军字第…号: Chinese characters are allowed here, nothing blank or punctuation-only.
    problem: shape(
      /^(?=.*[0-9A-Z])[A-Z0-9\u4e00-\u9fff()（）-]{2,32}$/,
      '其他证件号码应为2–32位汉字、字母、数字、括号或连字符（至少含1位字母或数字）',
    ),
  },
];

const BY_TYPE = new Map(PERSON_ID_RULES.map((rule) => [rule.type, rule]));

export function personIdRule(type: PersonIdType): PersonIdRule {
  return BY_TYPE.get(type) as PersonIdRule;
}

/** A 证件类型 as reported: the type, and for 其他 the document's name. */
export interface PersonIdTypeValue {
  type: PersonIdType;
  /** 其他-<name>: the name; null for the named types. */
  otherName: string | null;
  /** As stored and shown: 身份证, 护照号 … 其他-军官证. */
  label: string;
}

const SPELLINGS = new Map<string, PersonIdType>();
for (const rule of PERSON_ID_RULES) {
  SPELLINGS.set(rule.type, rule.type);
  if (rule.type !== PersonIdType.OTHER) for (const s of [rule.name, ...rule.spellings]) SPELLINGS.set(s, rule.type);
}

/** Reads a 证件类型: one of the named types (any accepted spelling), or “其他-<name>” (-, －, — and : accepted). Null when neither. */
export function parsePersonIdType(text: string): PersonIdTypeValue | null {
  const value = text.trim();
  const named = SPELLINGS.get(value) ?? SPELLINGS.get(value.toUpperCase());
  if (named !== undefined && named !== PersonIdType.OTHER)
    return { type: named, otherName: null, label: personIdRule(named).name };
  const other = /^其他\s*[-－—:：]\s*(.+)$/.exec(value);
  if (!other) return null;
  const name = other[1].trim();
  if (name.length === 0 || name.length > OTHER_ID_NAME_MAX_LENGTH) return null;
  return { type: PersonIdType.OTHER, otherName: name, label: `其他-${name}` };
}

/** The stored label back to its type (labels written before issue 13 are all 身份证). */
export function personIdTypeOfLabel(label: string | null): PersonIdType {
  return label === null ? PersonIdType.RESIDENT_ID : (parsePersonIdType(label)?.type ?? PersonIdType.OTHER);
}

/** The number as compared and stored: upper case, no spaces. */
export function normalizePersonId(number: string): string {
  return number.replace(/\s+/g, '').toUpperCase();
}

/** null when the number has the format of its type, otherwise the reason. */
export function personIdProblem(type: PersonIdType, number: string): string | null {
  const normalized = normalizePersonId(number);
  if (normalized.length > PERSON_ID_MAX_LENGTH) return `证件号码超过${PERSON_ID_MAX_LENGTH}个字符`;
  return personIdRule(type).problem(normalized);
}

/**
 * The masked form for callers without credit:pii: a resident ID (and the
 * 2023 permanent-residence number, built the same way) keeps its division and last
 * four (320502********1234); other numbers keep their first and last two characters.
 */
export function maskPersonId(number: string): string {
  if (number.length === 18) return `${number.slice(0, 6)}${'*'.repeat(8)}${number.slice(-4)}`;
  if (number.length <= 4) return '*'.repeat(number.length);
  return `${number.slice(0, 2)}${'*'.repeat(number.length - 4)}${number.slice(-2)}`;
}

/**
 * The 行政区划代码 a natural person's subject row carries: a resident ID's own
 * division; 810000 / 820000 / 830000 for residents of Hong Kong, Macao and Taiwan
 * (the address codes 国办发〔2018〕81号 gives their residence-permit numbers); otherwise
 * the fallback (the reporting authority's division).
 */
export function personDivisionCode(type: PersonIdType, number: string, fallback: string): string {
  if (type === PersonIdType.RESIDENT_ID) return number.slice(0, 6);
  if (type === PersonIdType.HK_MACAO_PERMIT) return number.startsWith('M') ? '820000' : '810000';
  if (type === PersonIdType.TAIWAN_PERMIT) return '830000';
  return fallback;
}

import type { SubjectKind } from '../domain/vocabulary';
import { divisionCodeProblem } from './divisions';
import { usccAuthority, usccCategory } from './uscc-authorities';

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-symbol alphabet
 * (digits and capitals without I, O, S, V, Z):
 *   1      登记管理部门代码 (uscc-authorities.ts)
 *   2      机构类别代码, one of those its authority allows
 *   3–8    登记管理机关行政区划码 (6 digits, GB/T 2260; divisions.ts)
 *   9–17   主体标识码 (组织机构代码, GB 11714) — not checked on its own: real codes fail it
 *   18     校验码 (GB/T 17710, ISO 7064 MOD 31-3)
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;

/** What is wrong with a code, in the order it is checked; only CHECKSUM leaves the code usable for look-ups. */
export type UsccProblem = 'LENGTH' | 'CHARSET' | 'AUTHORITY' | 'CATEGORY' | 'DIVISION' | 'CHECKSUM';

export interface UsccCheck {
  /** The code as given, upper-cased and trimmed. */
  normalized: string;
  /** null when the code is valid. */
  problem: UsccProblem | null;
  /** Human-readable reason, null when valid. */
  reason: string | null;
}

/** The check character for the first 17 characters of a code. */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = ALPHABET.indexOf(first17[i]);
    if (value < 0) throw new RangeError(`invalid USCC character '${first17[i]}'`);
    sum += value * WEIGHTS[i];
  }
  const check = 31 - (sum % 31);
  return ALPHABET[check === 31 ? 0 : check];
}

function failed(normalized: string, problem: UsccProblem, reason: string): UsccCheck {
  return { normalized, problem, reason: `统一社会信用代码${reason}` };
}

/** Every rule of GB 32100-2015 a code can be checked against without a registry, first failure reported. */
export function checkUscc(input: string): UsccCheck {
  const normalized = input.trim().toUpperCase();
  if (normalized.length !== 18) return failed(normalized, 'LENGTH', `应为18位，实为${normalized.length}位`);
  if (!SHAPE.test(normalized))
    return failed(normalized, 'CHARSET', '含非法字符（只用数字和除 I、O、S、V、Z 以外的大写字母）');
  const authority = usccAuthority(normalized[0]);
  if (!authority)
    return failed(normalized, 'AUTHORITY', `第1位登记管理部门代码“${normalized[0]}”不在 GB 32100-2015 代码表中`);
  if (!usccCategory(authority.code, normalized[1])) {
    const allowed = authority.categories.map((c) => `${c.code} ${c.name}`).join('、');
    return failed(
      normalized,
      'CATEGORY',
      `第2位机构类别代码“${normalized[1]}”不是登记管理部门“${authority.name}”的类别（${allowed}）`,
    );
  }
  const division = divisionCodeProblem(normalized.slice(2, 8));
  if (division) return failed(normalized, 'DIVISION', `第3–8位${division}`);
  if (usccCheckCharacter(normalized.slice(0, 17)) !== normalized[17]) {
    return failed(normalized, 'CHECKSUM', `校验位错误（应为“${usccCheckCharacter(normalized.slice(0, 17))}”）`);
  }
  return { normalized, problem: null, reason: null };
}

export function isValidUscc(input: string): boolean {
  return checkUscc(input).problem === null;
}

/**
 * The one rule for looking a code up (DESIGN.md, "Rules to respect"): a code
 * that fails only its check character is still looked up — real pilot-era codes
 * do — and the answer carries the reason as a warning; any other failure means
 * the text is not a code at all.
 */
export function mayLookUp(check: UsccCheck): boolean {
  return check.problem === null || check.problem === 'CHECKSUM';
}

/** The warning a look-up answers with: the reason when only the check character fails, else null. */
export function usccWarning(code: string): string | null {
  const check = checkUscc(code);
  return check.problem === 'CHECKSUM' ? check.reason : null;
}

/** What positions 1–2 say the subject is (GB 32100-2015 category table); null when the code is malformed. */
export function usccSubjectKind(code: string): SubjectKind | null {
  return usccCategory(code[0] ?? '', code[1] ?? '')?.kind ?? null;
}

/** Builds a valid code from its 17-character body (registration authority, kind, division, org code). */
export function completeUscc(first17: string): string {
  return first17 + usccCheckCharacter(first17);
}

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-symbol alphabet
 * (digits and capitals without I, O, S, V, Z); the last is a check character.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;

export type UsccProblem = 'LENGTH' | 'CHARSET' | 'CHECKSUM';

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

export function checkUscc(input: string): UsccCheck {
  const normalized = input.trim().toUpperCase();
  if (normalized.length !== 18) {
    return { normalized, problem: 'LENGTH', reason: `统一社会信用代码应为18位，实为${normalized.length}位` };
  }
  if (!SHAPE.test(normalized)) {
    return { normalized, problem: 'CHARSET', reason: '统一社会信用代码含非法字符（不得含 I、O、S、V、Z 或小写以外的符号）' };
  }
  if (usccCheckCharacter(normalized.slice(0, 17)) !== normalized[17]) {
    return { normalized, problem: 'CHECKSUM', reason: '统一社会信用代码校验位错误' };
  }
  return { normalized, problem: null, reason: null };
}

export function isValidUscc(input: string): boolean {
  return checkUscc(input).problem === null;
}

/** Builds a valid code from its 17-character body (registration authority, kind, division, org code). */
export function completeUscc(first17: string): string {
  return first17 + usccCheckCharacter(first17);
}

import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * 受理编号 and 查询码 of a repair case (受理回执). The number names the case on the
 * receipt and at the public progress page; the code proves the holder was given the
 * receipt. Both are drawn with crypto.randomInt: a number says nothing of how many
 * cases there are, and a code is unguessable — 8 symbols of an alphabet without
 * 0/O, 1/I/L (31 symbols, about 39.6 bits), tried at most LOOKUP_POLICY.maxFailures
 * times per case before a lockout. Only a hash of the code is kept.
 */
export const QUERY_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const QUERY_CODE_LENGTH = 8;
const CASE_NUMBER_DIGITS = 8;

/** Guessing a code: after this many wrong codes in a row a case answers no lookup for `lockoutMinutes`. */
export const LOOKUP_POLICY = { maxFailures: 5, lockoutMinutes: 15 } as const;

/** A uniform integer in [0, n). */
export type Pick = (n: number) => number;

/** A new 查询码 (canonical: upper case, no separators). */
export function generateQueryCode(pick: Pick = randomInt): string {
  let code = '';
  for (let i = 0; i < QUERY_CODE_LENGTH; i += 1) code += QUERY_CODE_ALPHABET[pick(QUERY_CODE_ALPHABET.length)];
  return code;
}

/** The letters of a 受理编号, by kind of case: 信用修复 GSXF (姑苏修复), 异议 GSYY (姑苏异议). */
export const CASE_NUMBER_PREFIX = { REPAIR: 'GSXF', OBJECTION: 'GSYY' } as const;
export type CaseKind = keyof typeof CASE_NUMBER_PREFIX;

/** A new 受理编号 of the year (China time) the application is filed: GSXF-2026-04718263. */
export function generateCaseNumber(year: string, pick: Pick = randomInt, kind: CaseKind = 'REPAIR'): string {
  let digits = '';
  for (let i = 0; i < CASE_NUMBER_DIGITS; i += 1) digits += String(pick(10));
  return `${CASE_NUMBER_PREFIX[kind]}-${year}-${digits}`;
}

/** As printed: two groups of four (7K3Q-M9XD). */
export function displayQueryCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

function squeeze(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/** A code as typed (any case, spaces or hyphens) in canonical form; null when it cannot be a code at all. */
export function readQueryCode(input: string): string | null {
  const code = squeeze(input);
  if (code.length !== QUERY_CODE_LENGTH) return null;
  return [...code].every((c) => QUERY_CODE_ALPHABET.includes(c)) ? code : null;
}

/** A case number of the kind as typed (any case, spaces; GSXF2026… without hyphens too) in canonical form; null when it is not one. */
export function readCaseNumber(input: string, kind: CaseKind = 'REPAIR'): string | null {
  const prefix = CASE_NUMBER_PREFIX[kind];
  const match = /^([A-Z]{4})(\d{4})(\d{8})$/.exec(squeeze(input));
  return match && match[1] === prefix ? `${prefix}-${match[2]}-${match[3]}` : null;
}

/** The hash kept for a case's code: SHA-256 over the case id and the code (hex). */
export function hashQueryCode(caseId: string, code: string): string {
  return createHash('sha256').update(`gusu-repair-query-code\0${caseId}\0${code}`).digest('hex');
}

/** Whether the code is the case's, comparing the hashes in constant time. */
export function queryCodeMatches(storedHash: string, caseId: string, code: string): boolean {
  const expected = Buffer.from(storedHash, 'hex');
  const given = Buffer.from(hashQueryCode(caseId, code), 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export type AttemptVerdict = 'COMPARE' | 'REFUSE';

/**
 * An attempt claimed by counting it first (services/progress.ts): the attempt whose
 * count went past the limit is refused without comparing, so concurrent guesses
 * cannot compare more codes than the policy allows.
 */
export function attemptVerdict(failuresCounted: number): AttemptVerdict {
  return failuresCounted <= LOOKUP_POLICY.maxFailures ? 'COMPARE' : 'REFUSE';
}

/** After a wrong code counted as the `failuresCounted`-th: whether the case locks now. */
export function locksAfter(failuresCounted: number): boolean {
  return failuresCounted >= LOOKUP_POLICY.maxFailures;
}

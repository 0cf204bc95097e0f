import { randomInt } from 'node:crypto';

/**
 * 核验码: printed on the report, typed by whoever checks it. Crockford's base-32
 * alphabet (no I, L, O, U: nothing to confuse with 1, 0 or V), eleven random
 * symbols (55 bits: guessing one is hopeless at any rate a gateway allows) and one
 * Luhn mod 32 check symbol, so a mistyped code is caught before it is looked up.
 * Shown in groups of four: 7K3Q-M9XD-2HTW.
 */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RANDOM_SYMBOLS = 11;
export const CODE_LENGTH = RANDOM_SYMBOLS + 1;
const BASE = CODE_ALPHABET.length;
/** What people type for the letters the alphabet leaves out (Crockford's decoding). */
const READ_AS: Readonly<Record<string, string>> = { O: '0', I: '1', L: '1' };

/** Luhn mod N over the alphabet: catches every single wrong symbol and most swaps of neighbours. */
export function checkSymbol(symbols: string): string {
  let sum = 0;
  // From the right, every second symbol (starting with the rightmost) is doubled.
  for (let i = symbols.length - 1, double = true; i >= 0; i -= 1, double = !double) {
    const value = CODE_ALPHABET.indexOf(symbols[i]);
    if (value < 0) throw new RangeError(`not a code symbol: ${symbols[i]}`);
    const added = double ? value * 2 : value;
    sum += Math.floor(added / BASE) + (added % BASE);
  }
  return CODE_ALPHABET[(BASE - (sum % BASE)) % BASE];
}

/** A new code (canonical, no separators); `pick` draws a uniform integer in [0, n). */
export function generateVerificationCode(pick: (n: number) => number = randomInt): string {
  let symbols = '';
  for (let i = 0; i < RANDOM_SYMBOLS; i += 1) symbols += CODE_ALPHABET[pick(BASE)];
  return symbols + checkSymbol(symbols);
}

export type CodeReading = { ok: true; code: string } | { ok: false; reason: string };

/** A code as typed — any case, with spaces or hyphens, O for 0 — in canonical form, or why it cannot be one. */
export function readVerificationCode(input: string): CodeReading {
  const symbols = [...input.toUpperCase().replace(/[\s-]/g, '')].map((c) => READ_AS[c] ?? c).join('');
  if (symbols.length !== CODE_LENGTH)
    return { ok: false, reason: `a verification code has ${CODE_LENGTH} symbols, got ${symbols.length}` };
  const stranger = [...symbols].find((c) => !CODE_ALPHABET.includes(c));
  if (stranger !== undefined) return { ok: false, reason: `'${stranger}' is not a verification-code symbol` };
  if (checkSymbol(symbols.slice(0, RANDOM_SYMBOLS)) !== symbols[RANDOM_SYMBOLS])
    return { ok: false, reason: 'the check symbol does not match: a symbol was mistyped' };
  return { ok: true, code: symbols };
}

/** As printed: groups of four. */
export function displayVerificationCode(code: string): string {
  return code.match(/.{1,4}/g)!.join('-');
}

/**
 * A small seeded PRNG (mulberry32) and the helpers the demo generator needs.
 * Nothing here reads the clock or Math.random, so a seed fixes the output.
 * Dates are handled as day numbers (days since 1970-01-01, UTC) for speed.
 */

const MS_PER_DAY = 86_400_000;
const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const UUID_CODES: number[] = new Array<number>(36).fill(0);

/** A prepared weighted choice: cumulative weights are computed once, not per draw. */
export interface Weighted<T> {
  readonly values: readonly T[];
  readonly cumulative: readonly number[];
  readonly total: number;
}

export function weighted<T>(entries: readonly (readonly [T, number])[]): Weighted<T> {
  const values: T[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const [value, weight] of entries) {
    if (weight <= 0) continue;
    total += weight;
    values.push(value);
    cumulative.push(total);
  }
  if (values.length === 0) throw new RangeError('weighted() needs at least one positive weight');
  return { values, cumulative, total };
}

export class Random {
  private state: number;

  constructor(seed: number) {
    // Scramble the seed so that neighbouring seeds start far apart.
    this.state = Math.imul((Math.trunc(seed) ^ 0x5bd1e995) >>> 0, 0x9e3779b1) >>> 0;
  }

  /** The next 32-bit unsigned integer. */
  uint32(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / 4_294_967_296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float in [min, max) rounded to `decimals` places. */
  decimal(min: number, max: number, decimals: number): number {
    const factor = 10 ** decimals;
    return Math.round((min + this.next() * (max - min)) * factor) / factor;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick() from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** Favours the head of the list (index ~ u²), as frequency-ordered lists want. */
  pickSkewed<T>(items: readonly T[]): T {
    const u = this.next();
    return items[Math.floor(u * u * items.length)];
  }

  weighted<T>(table: Weighted<T>): T {
    const target = this.next() * table.total;
    const { cumulative, values } = table;
    // Tables are short: a linear scan beats a binary search here.
    for (let i = 0; i < cumulative.length; i += 1) {
      if (target < cumulative[i]) return values[i];
    }
    return values[values.length - 1];
  }

  /** A day number in [from, to]; skew > 1 crowds the draws towards `to` (recent dates). */
  day(from: number, to: number, skew = 1): number {
    if (to <= from) return from;
    const u = skew === 1 ? this.next() : 1 - (1 - this.next()) ** skew;
    return from + Math.min(to - from, Math.floor(u * (to - from + 1)));
  }

  /** A date in ['YYYY-MM-DD', 'YYYY-MM-DD'], both inclusive. */
  dateBetween(from: string, to: string): string {
    return formatDay(this.day(parseDay(from), parseDay(to)));
  }

  /** `length` characters drawn from `alphabet`. */
  chars(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i += 1) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }

  /** A UUID v4-shaped string from the PRNG (version and variant bits set). */
  uuid(): string {
    const words = [this.uint32(), this.uint32(), this.uint32(), this.uint32()];
    words[1] = (words[1] & 0xffff0fff) | 0x4000; // version 4
    words[2] = ((words[2] & 0x3fffffff) | 0x80000000) >>> 0; // RFC 4122 variant
    const codes = UUID_CODES;
    let at = 0;
    for (let w = 0; w < 4; w += 1) {
      const word = words[w] >>> 0;
      for (let shift = 28; shift >= 0; shift -= 4) {
        if (at === 8 || at === 13 || at === 18 || at === 23) codes[at++] = 45; // '-'
        codes[at++] = HEX_CODES[(word >>> shift) & 15];
      }
    }
    // One flat string: concatenating pieces would leave a rope of ~20 nodes per id in memory.
    return String.fromCharCode.apply(null, codes);
  }
}

// Day numbers are small integers; the same few thousand are parsed and formatted over
// and over, so both directions are memoised (1900-01-01 is day -25567).
const CACHE_OFFSET = 25_567;
const dayTexts: (string | undefined)[] = new Array<string | undefined>(100_000).fill(undefined);
const textDays = new Map<string, number>();

/** 'YYYY-MM-DD' → day number. Throws on a malformed date. */
export function parseDay(date: string): number {
  const cached = textDays.get(date);
  if (cached !== undefined) return cached;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`expected a 'YYYY-MM-DD' date, got '${date}'`);
  const day = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY;
  if (formatDay(day) !== date) throw new RangeError(`not a calendar date: '${date}'`);
  textDays.set(date, day);
  return day;
}

/** Day number → 'YYYY-MM-DD'. */
export function formatDay(day: number): string {
  const slot = day + CACHE_OFFSET;
  const cacheable = Number.isInteger(slot) && slot >= 0 && slot < 100_000;
  let text = cacheable ? dayTexts[slot] : undefined;
  if (text === undefined) {
    text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (cacheable) dayTexts[slot] = text;
  }
  return text;
}

const yearShifts = new Map<number, number>();

/** The day number `years` calendar years after `day` (29 Feb → 28 Feb). */
export function addYears(day: number, years: number): number {
  const key = day * 256 + years; // |years| stays far below 128 in practice; the key is only a cache key
  let shifted = Math.abs(years) < 128 ? yearShifts.get(key) : undefined;
  if (shifted === undefined) {
    const date = new Date(day * MS_PER_DAY);
    const year = date.getUTCFullYear() + years;
    const month = date.getUTCMonth();
    const lastOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    shifted = Date.UTC(year, month, Math.min(date.getUTCDate(), lastOfMonth)) / MS_PER_DAY;
    if (Math.abs(years) < 128) yearShifts.set(key, shifted);
  }
  return shifted;
}

export function yearOf(day: number): number {
  const text = formatDay(day);
  // Read the digits in place rather than slicing and parsing a new string.
  return (
    (text.charCodeAt(0) - 48) * 1000 +
    (text.charCodeAt(1) - 48) * 100 +
    (text.charCodeAt(2) - 48) * 10 +
    (text.charCodeAt(3) - 48)
  );
}

const compactTexts = new Map<number, string>();

/** Day number → 'YYYYMMDD', as in resident IDs. */
export function formatCompactDay(day: number): string {
  let text = compactTexts.get(day);
  if (text === undefined) {
    text = formatDay(day).replace(/-/g, '');
    compactTexts.set(day, text);
  }
  return text;
}

const timeTexts = new Map<number, string>();

/** An ISO instant on `day` at `minute` minutes and `second` seconds past midnight UTC. */
export function formatInstant(day: number, minute: number, second = 0): string {
  const key = minute * 60 + second;
  let time = timeTexts.get(key);
  if (time === undefined) {
    const hh = Math.floor(minute / 60);
    const mm = minute % 60;
    time = `T${hh < 10 ? '0' : ''}${hh}:${mm < 10 ? '0' : ''}${mm}:${second < 10 ? '0' : ''}${second}.000Z`;
    timeTexts.set(key, time);
  }
  return formatDay(day) + time;
}

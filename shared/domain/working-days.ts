/**
 * 工作日计算 — working days under the Chinese holiday arrangements, for deadlines
 * such as "5个工作日内". A working day is Monday–Friday unless it is a HOLIDAY
 * (放假), or a Saturday/Sunday that is a MAKEUP_WORKDAY (调休上班).
 *
 * Dates are 'YYYY-MM-DD' strings handled as whole UTC days, so the answer never
 * depends on the server's time zone.
 */
import type { CalendarDayKind, CalendarYear } from './holiday-calendar-cn';

/** Thrown when a question needs a year whose notice has not been loaded: guessing would give wrong deadlines. */
export class CalendarNotCoveredError extends Error {
  constructor(public readonly year: number) {
    super(`the working-day calendar does not cover ${year}`);
    this.name = 'CalendarNotCoveredError';
  }
}

const MS_PER_DAY = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const KINDS: ReadonlySet<string> = new Set<CalendarDayKind>(['HOLIDAY', 'MAKEUP_WORKDAY']);

/** Days since 1970-01-01 (UTC); throws RangeError unless `date` is a real 'YYYY-MM-DD' date. */
function dayNumber(date: string): number {
  const match = typeof date === 'string' ? DATE_PATTERN.exec(date) : null;
  if (match === null) {
    throw new RangeError(`not a YYYY-MM-DD date: ${String(date)}`);
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  // Date rolls 2026-02-30 over to March; a changed field means the date does not exist.
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) {
    throw new RangeError(`no such date: ${date}`);
  }
  return utc.getTime() / MS_PER_DAY;
}

function dateString(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

function isWeekend(day: number): boolean {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6;
}

export class WorkingDayCalendar {
  private readonly covered: ReadonlySet<number>;
  /** Day number → kind, for the days a notice changes. */
  private readonly special: ReadonlyMap<number, CalendarDayKind>;

  constructor(years: CalendarYear[]) {
    const covered = new Set<number>();
    for (const { year } of years) {
      if (!Number.isInteger(year)) {
        throw new RangeError(`not a calendar year: ${String(year)}`);
      }
      covered.add(year);
    }
    const special = new Map<number, CalendarDayKind>();
    for (const { date, kind } of years.flatMap((entry) => entry.days)) {
      const day = dayNumber(date);
      // Rows may come from a database, so the kind is checked at run time too.
      if (!KINDS.has(kind)) {
        throw new RangeError(`unknown calendar day kind for ${date}: ${String(kind)}`);
      }
      // A date listed twice is a data error even if both entries agree: one notice, one entry.
      if (special.has(day)) {
        throw new RangeError(`date listed twice: ${date}`);
      }
      // 调休上班 only ever moves work onto a weekend; a weekday here means a typo in the data.
      if (kind === 'MAKEUP_WORKDAY' && !isWeekend(day)) {
        throw new RangeError(`make-up workday is not a Saturday or Sunday: ${date}`);
      }
      special.set(day, kind);
    }
    this.covered = covered;
    this.special = special;
  }

  /** For rows read from a holiday table: `coveredYears` says which years the table is complete for. */
  static fromRows(rows: { date: string; kind: CalendarDayKind }[], coveredYears: number[]): WorkingDayCalendar {
    if (coveredYears.length === 0 && rows.length > 0) {
      throw new RangeError('calendar rows given without any covered year');
    }
    // Only the covered set and the day index matter, so all rows can ride on the first year.
    return new WorkingDayCalendar(
      coveredYears.map((year, index) => ({
        year,
        source: 'rows',
        days: index === 0 ? rows.map(({ date, kind }) => ({ date, kind, name: '' })) : [],
      })),
    );
  }

  coveredYears(): number[] {
    return [...this.covered].sort((a, b) => a - b);
  }

  isWorkingDay(date: string): boolean {
    return this.isWorkingDayNumber(dayNumber(date));
  }

  /**
   * The date `days` working days after `date`, `date` itself not counted
   * ("5个工作日内" from a Thursday before 春节 can end weeks later).
   * Only the days stepped over must be covered, so addWorkingDays(d, 0) is d for any valid d.
   */
  addWorkingDays(date: string, days: number): string {
    if (!Number.isInteger(days) || days < 0) {
      throw new RangeError(`working days must be a non-negative integer: ${String(days)}`);
    }
    let day = dayNumber(date);
    for (let remaining = days; remaining > 0; ) {
      day += 1;
      if (this.isWorkingDayNumber(day)) {
        remaining -= 1;
      }
    }
    return dateString(day);
  }

  /** Working days in (from, to]: the count addWorkingDays(from, n) = to inverts. 0 when to <= from. */
  workingDaysBetween(from: string, to: string): number {
    const start = dayNumber(from);
    const end = dayNumber(to);
    let count = 0;
    for (let day = start + 1; day <= end; day += 1) {
      if (this.isWorkingDayNumber(day)) {
        count += 1;
      }
    }
    return count;
  }

  private isWorkingDayNumber(day: number): boolean {
    const year = yearOf(day);
    if (!this.covered.has(year)) {
      throw new CalendarNotCoveredError(year);
    }
    const kind = this.special.get(day);
    if (kind === 'HOLIDAY') return false;
    if (kind === 'MAKEUP_WORKDAY') return true;
    return !isWeekend(day);
  }
}

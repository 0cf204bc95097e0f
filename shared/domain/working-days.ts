/**
 * 工作日计算 — working days under the Chinese holiday arrangements, for deadlines
 * such as "5个工作日内". A working day is Monday–Friday unless it is a HOLIDAY
 * (放假), or a Saturday/Sunday that is a MAKEUP_WORKDAY (调休上班).
 *
 * Dates are 'YYYY-MM-DD' strings handled as whole UTC days, so the answer never
 * depends on the server's time zone.
 */
import type { CalendarDay, CalendarDayKind, CalendarYear } from './holiday-calendar-cn';
import { MS_PER_DAY } from './iso-date';
import { STATUTORY_HOLIDAY_SOURCE, statutoryHolidays } from './statutory-holidays';

/**
 * Thrown when a question needs a year outside the calendar: before the first notice, or past the
 * provisional horizon (a deadline years ahead is not a deadline anyone can keep).
 */
export class CalendarNotCoveredError extends Error {
  readonly code = 'CALENDAR_NOT_COVERED';
  constructor(public readonly year: number) {
    super(`the working-day calendar does not cover ${year}`);
    this.name = 'CalendarNotCoveredError';
  }
}

/** ANNOUNCED: the State Council notice is loaded. PROVISIONAL: computed from the law until it is. */
export type CalendarYearStatus = 'ANNOUNCED' | 'PROVISIONAL';

/** A date computed by the calendar, and whether a provisional day went into it. */
export interface Deadline {
  date: string;
  /** true when a day counted (or stepped over) lies in a PROVISIONAL year: the date may move when the notice comes. */
  provisional: boolean;
}

/** One year as the calendar uses it: the notice's days, or the statutory days computed for it. */
export interface CalendarYearView extends CalendarYear {
  status: CalendarYearStatus;
}

/** How many years after the last announced one are computed provisionally (the notice comes out in Oct–Dec). */
export const PROVISIONAL_YEARS_AHEAD = 2;

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
  private readonly announced: ReadonlyMap<number, CalendarYear>;
  private readonly provisional: ReadonlyMap<number, CalendarYear>;
  /** Day number → kind, for the days a notice (or the law, in a provisional year) changes. */
  private readonly special: ReadonlyMap<number, CalendarDayKind>;

  /**
   * `years` are the announced notices. Every year after the first notice that has none, up to
   * `provisionalYearsAhead` years after the last one, is PROVISIONAL: its statutory holidays are
   * computed (shared/domain/statutory-holidays.ts), and no weekend is ever a workday in it.
   */
  constructor(years: CalendarYear[], options: { provisionalYearsAhead?: number } = {}) {
    const announced = new Map<number, CalendarYear>();
    for (const entry of years) {
      if (!Number.isInteger(entry.year)) {
        throw new RangeError(`not a calendar year: ${String(entry.year)}`);
      }
      if (announced.has(entry.year)) throw new RangeError(`year listed twice: ${entry.year}`);
      announced.set(entry.year, entry);
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
    const ahead = options.provisionalYearsAhead ?? PROVISIONAL_YEARS_AHEAD;
    if (!Number.isInteger(ahead) || ahead < 0)
      throw new RangeError(`provisionalYearsAhead must be a non-negative integer: ${String(ahead)}`);
    const provisional = new Map<number, CalendarYear>();
    if (announced.size > 0) {
      const first = Math.min(...announced.keys());
      const last = Math.max(...announced.keys());
      for (let year = first; year <= last + ahead; year += 1) {
        if (announced.has(year)) continue;
        const days = statutoryHolidays(year);
        provisional.set(year, { year, source: STATUTORY_HOLIDAY_SOURCE, days });
        // A notice of the next year may already name a day of this one (2023 元旦 began 2022-12-31): the notice wins.
        for (const { date, kind } of days) if (!special.has(dayNumber(date))) special.set(dayNumber(date), kind);
      }
    }
    this.announced = announced;
    this.provisional = provisional;
    this.special = special;
  }

  /** For rows read from the holiday tables: each day belongs to the notice (`noticeYear`) that announced it. */
  static fromRows(
    rows: { date: string; kind: CalendarDayKind; name?: string; noticeYear?: number }[],
    years: (number | { year: number; source: string })[],
    options: { provisionalYearsAhead?: number } = {},
  ): WorkingDayCalendar {
    if (years.length === 0 && rows.length > 0) {
      throw new RangeError('calendar rows given without any covered year');
    }
    const notices: CalendarYear[] = years.map((entry) =>
      typeof entry === 'number'
        ? { year: entry, source: 'rows', days: [] }
        : { year: entry.year, source: entry.source, days: [] },
    );
    const byYear = new Map(notices.map((notice) => [notice.year, notice]));
    for (const row of rows) {
      // Rows without their notice ride on the first year: only the day index matters then.
      const notice = row.noticeYear === undefined ? notices[0] : byYear.get(row.noticeYear);
      if (!notice)
        throw new RangeError(
          `calendar day ${row.date} names notice year ${String(row.noticeYear)}, which is not loaded`,
        );
      notice.days.push({ date: row.date, kind: row.kind, name: row.name ?? '' } satisfies CalendarDay);
    }
    return new WorkingDayCalendar(notices, options);
  }

  /** Every year the calendar answers for, announced or provisional. */
  coveredYears(): number[] {
    return [...this.announced.keys(), ...this.provisional.keys()].sort((a, b) => a - b);
  }

  /** ANNOUNCED, PROVISIONAL, or null when the year is not covered at all. */
  statusOf(year: number): CalendarYearStatus | null {
    if (this.announced.has(year)) return 'ANNOUNCED';
    if (this.provisional.has(year)) return 'PROVISIONAL';
    return null;
  }

  /** A covered year with its days and status; null when it is not covered. */
  year(year: number): CalendarYearView | null {
    const status = this.statusOf(year);
    if (status === null) return null;
    const entry = (status === 'ANNOUNCED' ? this.announced.get(year) : this.provisional.get(year)) as CalendarYear;
    return { ...entry, days: [...entry.days].sort((a, b) => a.date.localeCompare(b.date)), status };
  }

  years(): CalendarYearView[] {
    return this.coveredYears().map((year) => this.year(year) as CalendarYearView);
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
    return this.deadline(date, days).date;
  }

  /** addWorkingDays, saying whether a day stepped over lies in a provisional year. */
  deadline(date: string, days: number): Deadline {
    if (!Number.isInteger(days) || days < 0) {
      throw new RangeError(`working days must be a non-negative integer: ${String(days)}`);
    }
    let day = dayNumber(date);
    let provisional = false;
    for (let remaining = days; remaining > 0;) {
      day += 1;
      if (this.isWorkingDayNumber(day)) {
        remaining -= 1;
      }
      provisional ||= this.provisional.has(yearOf(day));
    }
    return { date: dateString(day), provisional };
  }

  /** Working days in (from, to]: the count addWorkingDays(from, n) = to inverts. 0 when to <= from. */
  workingDaysBetween(from: string, to: string): number {
    return this.countWorkingDays(from, to).count;
  }

  /** workingDaysBetween, saying whether a provisional day was counted over. */
  countWorkingDays(from: string, to: string): { count: number; provisional: boolean } {
    const start = dayNumber(from);
    const end = dayNumber(to);
    let count = 0;
    let provisional = false;
    for (let day = start + 1; day <= end; day += 1) {
      if (this.isWorkingDayNumber(day)) {
        count += 1;
      }
      provisional ||= this.provisional.has(yearOf(day));
    }
    return { count, provisional };
  }

  private isWorkingDayNumber(day: number): boolean {
    const year = yearOf(day);
    if (!this.announced.has(year) && !this.provisional.has(year)) {
      throw new CalendarNotCoveredError(year);
    }
    const kind = this.special.get(day);
    if (kind === 'HOLIDAY') return false;
    if (kind === 'MAKEUP_WORKDAY') return true;
    return !isWeekend(day);
  }
}

/** calendar.deadline, or null while the dates are still beyond the calendar (a stored answer stays until a later notice covers it; a reporting deadline is then not met). */
export function deadlineIfCovered(calendar: WorkingDayCalendar, date: string, days: number): Deadline | null {
  try {
    return calendar.deadline(date, days);
  } catch (error) {
    if (error instanceof CalendarNotCoveredError) return null;
    throw error;
  }
}

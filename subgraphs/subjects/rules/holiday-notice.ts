import type { CalendarDay, CalendarDayKind } from '../../../shared/domain/holiday-calendar-cn';
import { isWeekendDate } from '../../../shared/domain/iso-date';
import { statutoryHolidays } from '../../../shared/domain/statutory-holidays';
import { badUserInput } from '../../../shared/graphql/errors';
import { HOLIDAY_NOTICE_LENGTH, MAX_HOLIDAY_NOTICE_DAYS } from '../../../shared/graphql/input-limits';
import { hasControlCharacters } from '../../../shared/text/control-characters';

/** The first year of the calendar (the oldest notice shipped); an older notice would leave provisional gaps under a law not then in force. */
export const FIRST_NOTICE_YEAR = 2022;
/** The 2024 revision of 《全国年节及纪念日放假办法》 applies from 2025-01-01: from then, a notice must give every statutory day. */
const LAW_2024_FROM_YEAR = 2025;
const MAX_DAY_NAME_LENGTH = 20;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface NoticeDayInput {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

function isRealDate(date: string): boolean {
  return DATE.test(date) && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
}

/**
 * Checks a State Council notice as the credit office enters it (setHolidayCalendar) and returns
 * it normalized (trimmed, days in date order). Every refusal is BAD_USER_INPUT naming the field:
 * the year (2022 … next year: a notice comes out in the autumn before its year), the notice text
 * (1–300 characters, no control characters), 1–60 days, each a real date of the year or of the
 * adjoining December/January (2023 元旦 began on 2022-12-31), listed once, a make-up workday only
 * on a Saturday or Sunday, and — from 2025, under the 2024 revision — every statutory day of
 * Art. 2 a HOLIDAY (a notice never takes one away; a typo usually does).
 */
export function checkNotice(
  year: number,
  notice: string,
  days: NoticeDayInput[],
  currentYear: number,
): { source: string; days: CalendarDay[] } {
  if (!Number.isInteger(year) || year < FIRST_NOTICE_YEAR || year > currentYear + 1) {
    throw badUserInput(
      'year',
      `'year' must be ${FIRST_NOTICE_YEAR}–${currentYear + 1} (a notice is published the autumn before its year)`,
    );
  }
  const source = notice.trim();
  if (source === '' || source.length > HOLIDAY_NOTICE_LENGTH || hasControlCharacters(source)) {
    throw badUserInput(
      'notice',
      `'notice' must be the notice's number and title: 1–${HOLIDAY_NOTICE_LENGTH} characters, no control characters`,
    );
  }
  if (days.length === 0 || days.length > MAX_HOLIDAY_NOTICE_DAYS)
    throw badUserInput('days', `'days' must list 1–${MAX_HOLIDAY_NOTICE_DAYS} days (got ${days.length})`);
  const earliest = `${year - 1}-12-01`;
  const latest = `${year + 1}-01-31`;
  const seen = new Set<string>();
  const checked = days.map((day, index): CalendarDay => {
    const field = `days[${index}]`;
    if (!isRealDate(day.date)) throw badUserInput(`${field}.date`, `'${field}.date' is not a YYYY-MM-DD date`);
    if (day.date < earliest || day.date > latest)
      throw badUserInput(
        `${field}.date`,
        `'${field}.date' ${day.date} is not in ${year} or the adjoining December/January`,
      );
    if (seen.has(day.date)) throw badUserInput(`${field}.date`, `'${field}.date' ${day.date} is listed twice`);
    seen.add(day.date);
    if (day.kind === 'MAKEUP_WORKDAY' && !isWeekendDate(day.date)) {
      throw badUserInput(
        `${field}.kind`,
        `'${field}' ${day.date} is a weekday: a make-up workday (调休上班) is always a Saturday or Sunday`,
      );
    }
    const name = day.name.trim();
    if (name === '' || name.length > MAX_DAY_NAME_LENGTH || hasControlCharacters(name)) {
      throw badUserInput(
        `${field}.name`,
        `'${field}.name' must be the festival's name, 1–${MAX_DAY_NAME_LENGTH} characters`,
      );
    }
    return { date: day.date, kind: day.kind, name };
  });
  if (year >= LAW_2024_FROM_YEAR) {
    const holidays = new Set(checked.filter((day) => day.kind === 'HOLIDAY').map((day) => day.date));
    const missing = statutoryHolidays(year)
      .filter((day) => !day.name.endsWith('（补假）') && !holidays.has(day.date))
      .map((day) => `${day.date} ${day.name}`);
    if (missing.length > 0) {
      throw badUserInput(
        'days',
        `the notice must give every statutory holiday of 《全国年节及纪念日放假办法》第二条 as HOLIDAY; missing: ${missing.join(', ')}`,
      );
    }
  }
  return { source, days: checked.sort((a, b) => a.date.localeCompare(b.date)) };
}

/** Whether a stored notice is the one given (same text, same days): loading it again changes nothing. */
export function sameNotice(
  a: { source: string; days: CalendarDay[] },
  b: { source: string; days: CalendarDay[] },
): boolean {
  const key = (notice: { source: string; days: CalendarDay[] }) =>
    JSON.stringify([
      notice.source,
      [...notice.days].sort((x, y) => x.date.localeCompare(y.date)).map((d) => [d.date, d.kind, d.name]),
    ]);
  return key(a) === key(b);
}

/**
 * 法定节假日 computed from the law, for years whose State Council notice is not
 * out yet (PROVISIONAL years of the working-day calendar).
 *
 * Source: 《全国年节及纪念日放假办法》 (2024 revision, 国务院令第795号, in force
 * 2025-01-01), Art. 2: 元旦 1 day (1月1日); 春节 4 days (农历除夕、正月初一至初三);
 * 清明节 1 day (清明当日); 劳动节 2 days (5月1日、2日); 端午节 1 day (农历五月初五);
 * 中秋节 1 day (农历八月十五); 国庆节 3 days (10月1日至3日). Art. 6: 全体公民放假的假日，
 * 如果适逢星期六、星期日，应当在工作日补假.
 *
 * Readings (docs/rules/calendar.md):
 * - 除夕 is the last day of the 12th lunar month (廿九 in a short month), not "腊月三十".
 * - Art. 6 is applied: each statutory day on a Saturday or Sunday is compensated on the first
 *   working day after its festival's block (as the notices did before 调休 bridges, e.g. 2017
 *   元旦 "1月2日（星期一）补休"). 调休上班 (a weekend made a workday) is never invented: only a
 *   notice can move work onto a weekend, so a provisional year has no MAKEUP_WORKDAY.
 * - Two festivals on one date (2028: 中秋 = 10月3日) give two days: the later festival is owed one,
 *   compensated like a weekend day (the 2020 notice, 中秋 = 10月1日, gave 8 days for the same reason).
 * Lunar dates and the 清明 solar term come from tyme4ts (pinned), not from a table kept here.
 */
import { LunarDay, SolarDay, SolarTerm } from 'tyme4ts';
import type { CalendarDay } from './holiday-calendar-cn';
import { addCalendarDays, isWeekendDate } from './iso-date';

export const STATUTORY_HOLIDAY_SOURCE =
  '《全国年节及纪念日放假办法》(国务院令第795号, 2024年修订) 第二条、第六条 — 按法定假日推算, 待国务院办公厅通知';

function iso(day: SolarDay): string {
  return `${String(day.getYear()).padStart(4, '0')}-${String(day.getMonth()).padStart(2, '0')}-${String(day.getDay()).padStart(2, '0')}`;
}

/** A festival's statutory days, in order. */
interface Festival {
  name: string;
  dates: string[];
}

/** The seven festivals of Art. 2 for Gregorian year `year`. */
function festivals(year: number): Festival[] {
  const newYear = LunarDay.fromYmd(year, 1, 1);
  // 除夕: the day before 正月初一 — 腊月廿九 when the 12th month is short.
  const eve = newYear.next(-1);
  return [
    { name: '元旦', dates: [`${year}-01-01`] },
    { name: '春节', dates: [iso(eve.getSolarDay()), ...[0, 1, 2].map((n) => iso(newYear.next(n).getSolarDay()))] },
    { name: '清明节', dates: [iso(SolarTerm.fromName(year, '清明').getSolarDay())] },
    { name: '劳动节', dates: [`${year}-05-01`, `${year}-05-02`] },
    { name: '端午节', dates: [iso(LunarDay.fromYmd(year, 5, 5).getSolarDay())] },
    { name: '中秋节', dates: [iso(LunarDay.fromYmd(year, 8, 15).getSolarDay())] },
    { name: '国庆节', dates: [`${year}-10-01`, `${year}-10-02`, `${year}-10-03`] },
  ];
}

/**
 * The HOLIDAY days of `year` by the law alone: the statutory days, then one 补假 day for each
 * that falls on a weekend, on the next weekdays after the festival that are not already off.
 */
export function statutoryHolidays(year: number): CalendarDay[] {
  if (!Number.isInteger(year) || year < 1901 || year > 2099)
    throw new RangeError(`no statutory calendar for ${String(year)}`);
  // The lunar arithmetic costs tens of milliseconds and its answer never changes: computed once per year.
  let days = computed.get(year);
  if (days === undefined) {
    days = compute(year);
    computed.set(year, days);
  }
  return days.map((day) => ({ ...day }));
}

const computed = new Map<number, readonly CalendarDay[]>();

function compute(year: number): CalendarDay[] {
  const off = new Map<string, string>();
  const list = festivals(year).sort((a, b) => a.dates[0].localeCompare(b.dates[0]));
  // Two festivals on one date (中秋 on 10月1–3日, as in 2028) each keep their day: the second is owed too.
  // A shared date that is also a weekend is owed once by each festival, not twice by the later one.
  const owedBy = new Map<string, number>();
  for (const festival of list) {
    let owed = 0;
    for (const date of festival.dates) {
      if (off.has(date) || isWeekendDate(date)) owed += 1;
      if (!off.has(date)) off.set(date, festival.name);
    }
    owedBy.set(festival.name, owed);
  }
  for (const festival of list) {
    let owed = owedBy.get(festival.name) ?? 0;
    let date = festival.dates[festival.dates.length - 1];
    while (owed > 0) {
      date = addCalendarDays(date, 1);
      if (isWeekendDate(date) || off.has(date)) continue;
      off.set(date, `${festival.name}（补假）`);
      owed -= 1;
    }
  }
  return [...off.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, name]) => ({ date, kind: 'HOLIDAY' as const, name }));
}

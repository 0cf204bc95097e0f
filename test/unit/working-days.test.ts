import { CN_HOLIDAY_CALENDAR, type CalendarDayKind } from '../../shared/domain/holiday-calendar-cn';
import { CalendarNotCoveredError, WorkingDayCalendar } from '../../shared/domain/working-days';

const calendar = new WorkingDayCalendar(CN_HOLIDAY_CALENDAR);
const allDays = CN_HOLIDAY_CALENDAR.flatMap((year) => year.days.map((day) => ({ ...day, notice: year.year })));

/** Weekday computed independently of the code under test: 0 = Sunday … 6 = Saturday. */
function utcWeekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Every date from `from` to `to` inclusive. */
function datesFrom(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    dates.push(new Date(t).toISOString().slice(0, 10));
  }
  return dates;
}

describe('CN_HOLIDAY_CALENDAR (国务院办公厅部分节假日安排的通知)', () => {
  it('has one notice for each year 2022–2026, each with a source', () => {
    expect(CN_HOLIDAY_CALENDAR.map((year) => year.year)).toEqual([2022, 2023, 2024, 2025, 2026]);
    for (const year of CN_HOLIDAY_CALENDAR) {
      expect(year.source).toContain(`关于${year.year}年部分节假日安排的通知`);
      expect(year.source).toMatch(/^国办发明电〔\d{4}〕\d+号/);
    }
  });

  it('lists only real YYYY-MM-DD dates', () => {
    for (const { date } of allDays) {
      expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(date);
    }
  });

  it('puts every make-up workday (调休上班) on a Saturday or Sunday', () => {
    const makeups = allDays.filter((day) => day.kind === 'MAKEUP_WORKDAY');
    expect(makeups.length).toBeGreaterThan(0);
    // Listing the offenders makes a failure name the wrong date.
    expect(makeups.filter(({ date }) => ![0, 6].includes(utcWeekday(date))).map(({ date }) => date)).toEqual([]);
  });

  it('lists every date once, and only in a covered year', () => {
    const dates = allDays.map((day) => day.date);
    expect(new Set(dates).size).toBe(dates.length);
    const covered = new Set(CN_HOLIDAY_CALENDAR.map((year) => year.year));
    for (const date of dates) {
      expect(covered.has(Number(date.slice(0, 4)))).toBe(true);
    }
    // The one date outside its notice's year: 2023 元旦 began on Saturday 2022-12-31.
    expect(allDays.filter((day) => Number(day.date.slice(0, 4)) !== day.notice).map((day) => day.date)).toEqual([
      '2022-12-31',
    ]);
  });

  it('adds up to the "共N天" totals of each notice', () => {
    // 放假 days and 上班 days per notice, summed from the notice text by hand.
    const expected: Record<number, [number, number]> = {
      2022: [3 + 7 + 3 + 5 + 3 + 3 + 7, 7],
      2023: [3 + 7 + 1 + 5 + 3 + 8, 7],
      2024: [1 + 8 + 3 + 5 + 1 + 3 + 7, 8],
      2025: [1 + 8 + 3 + 5 + 3 + 8, 5],
      2026: [3 + 9 + 3 + 5 + 3 + 3 + 7, 6],
    };
    for (const year of CN_HOLIDAY_CALENDAR) {
      const count = (kind: CalendarDayKind): number => year.days.filter((day) => day.kind === kind).length;
      expect([year.year, count('HOLIDAY'), count('MAKEUP_WORKDAY')]).toEqual([year.year, ...expected[year.year]]);
    }
  });

  it('puts 正月初一, 元旦 and 国庆 inside their holiday blocks', () => {
    const holidays = new Map(allDays.filter((day) => day.kind === 'HOLIDAY').map((day) => [day.date, day.name]));
    for (const lunarNewYear of ['2022-02-01', '2023-01-22', '2024-02-10', '2025-01-29', '2026-02-17']) {
      expect(holidays.get(lunarNewYear)).toBe('春节');
    }
    for (const year of [2022, 2023, 2024, 2025, 2026]) {
      expect(holidays.get(`${year}-01-01`)).toBe('元旦');
      expect(holidays.get(`${year}-10-01`)).toMatch(/国庆节/);
    }
  });
});

describe('WorkingDayCalendar', () => {
  it('counts a 5-working-day deadline across 春节 2026, make-up Saturday included', () => {
    // 2/13 Fri = 1, 2/14 Sat 调休上班 = 2, 2/15–2/23 放假, 2/24 = 3, 2/25 = 4, 2/26 = 5.
    expect(calendar.addWorkingDays('2026-02-12', 5)).toBe('2026-02-26');
    expect(calendar.addWorkingDays('2026-02-12', 2)).toBe('2026-02-14');
    expect(calendar.addWorkingDays('2026-02-14', 1)).toBe('2026-02-24');
  });

  it('knows make-up workdays and weekday holidays', () => {
    expect(calendar.isWorkingDay('2026-02-28')).toBe(true); // Saturday, 调休上班
    expect(calendar.isWorkingDay('2026-02-16')).toBe(false); // Monday, 春节
    expect(calendar.isWorkingDay('2025-09-28')).toBe(true); // Sunday, 调休上班
    expect(calendar.isWorkingDay('2025-10-08')).toBe(false); // Wednesday, 国庆中秋
    expect(calendar.isWorkingDay('2026-01-04')).toBe(true); // Sunday, 调休上班
    expect(calendar.isWorkingDay('2026-03-07')).toBe(false); // plain Saturday
    expect(calendar.isWorkingDay('2026-03-09')).toBe(true); // plain Monday
    expect(calendar.isWorkingDay('2024-02-09')).toBe(true); // 2024 除夕 was only "encouraged" rest
  });

  it('carries 2023 元旦 into December 2022', () => {
    expect(calendar.isWorkingDay('2022-12-31')).toBe(false);
    expect(calendar.addWorkingDays('2022-12-30', 1)).toBe('2023-01-03');
  });

  it('counts working days in (from, to] across the 2026 中秋 and 国庆 holidays', () => {
    // 10/1–10/7 放假; 10/8 Thu, 10/9 Fri, 10/10 Sat 调休上班, 10/12 Mon.
    expect(calendar.workingDaysBetween('2026-09-30', '2026-10-12')).toBe(4);
    // 9/20 Sun 调休上班, 9/21–9/24, 9/25–9/27 中秋, 9/28–9/30, then the four above.
    expect(calendar.workingDaysBetween('2026-09-18', '2026-10-12')).toBe(1 + 4 + 3 + 4);
    expect(calendar.workingDaysBetween('2026-10-01', '2026-10-07')).toBe(0);
    expect(calendar.addWorkingDays('2026-09-30', 4)).toBe('2026-10-12');
  });

  it('returns 0 between a date and itself or an earlier date', () => {
    expect(calendar.workingDaysBetween('2026-03-09', '2026-03-09')).toBe(0);
    expect(calendar.workingDaysBetween('2026-03-09', '2026-03-02')).toBe(0);
  });

  it('gives the published number of working days per year', () => {
    // Weekdays minus statutory holidays (11 days until 2024, 13 from 2025).
    expect(calendar.workingDaysBetween('2021-12-31', '2022-12-31')).toBe(249);
    expect(calendar.workingDaysBetween('2022-12-31', '2023-12-31')).toBe(249);
    expect(calendar.workingDaysBetween('2023-12-31', '2024-12-31')).toBe(251);
    expect(calendar.workingDaysBetween('2024-12-31', '2025-12-31')).toBe(248);
    expect(calendar.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(248);
  });

  it('addWorkingDays and workingDaysBetween invert each other on every covered day', () => {
    for (const date of datesFrom('2022-01-01', '2026-12-01')) {
      for (const days of [1, 5, 10]) {
        const deadline = calendar.addWorkingDays(date, days);
        expect(calendar.isWorkingDay(deadline)).toBe(true);
        if (calendar.workingDaysBetween(date, deadline) !== days) {
          throw new Error(`${date} + ${days} = ${deadline} does not invert`);
        }
      }
    }
  });

  it('treats 0 days as the date itself, holiday or not', () => {
    expect(calendar.addWorkingDays('2026-02-16', 0)).toBe('2026-02-16');
    expect(calendar.addWorkingDays('2026-03-09', 0)).toBe('2026-03-09');
  });

  it('throws CalendarNotCoveredError before 2022 and past the provisional years 2027–2028', () => {
    for (const date of ['2021-12-31', '2029-01-01', '2030-06-03']) {
      expect(() => calendar.isWorkingDay(date)).toThrow(CalendarNotCoveredError);
    }
    try {
      calendar.isWorkingDay('2029-01-04');
      throw new Error('expected a throw');
    } catch (error) {
      expect(error).toBeInstanceOf(CalendarNotCoveredError);
      expect((error as CalendarNotCoveredError).year).toBe(2029);
      expect((error as CalendarNotCoveredError).code).toBe('CALENDAR_NOT_COVERED');
    }
    // A deadline that runs past the last covered day cannot be known.
    expect(() => calendar.addWorkingDays('2028-12-28', 5)).toThrow(CalendarNotCoveredError);
    expect(() => calendar.workingDaysBetween('2028-12-01', '2029-01-10')).toThrow(CalendarNotCoveredError);
    // Across 2026-12-31 the answer comes from the provisional 2027 (provisional-calendar.test.ts).
    expect(calendar.addWorkingDays('2026-12-30', 5)).toBe('2027-01-07');
    expect(calendar.coveredYears()).toEqual([2022, 2023, 2024, 2025, 2026, 2027, 2028]);
  });

  it('rejects malformed dates and bad day counts with RangeError', () => {
    for (const date of ['2026-2-14', '2026-02-30', '2026-13-01', '2025-02-29', '20260214', '2026-02-14T00:00', '']) {
      expect(() => calendar.isWorkingDay(date)).toThrow(RangeError);
    }
    expect(() => calendar.addWorkingDays('2026-03-09', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-03-09', 1.5)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-03-09', Number.NaN)).toThrow(RangeError);
    expect(() => calendar.workingDaysBetween('2026-03-09', '2026-3-10')).toThrow(RangeError);
    expect(calendar.isWorkingDay('2024-02-29')).toBe(true); // leap day, a Thursday
  });

  it('rejects inconsistent calendar data', () => {
    const year = (days: { date: string; kind: CalendarDayKind }[]) => [
      { year: 2026, source: 'test', days: days.map((day) => ({ ...day, name: 'test' })) },
    ];
    // 2026-03-09 is a Monday: a make-up workday there is a typo.
    expect(() => new WorkingDayCalendar(year([{ date: '2026-03-09', kind: 'MAKEUP_WORKDAY' }]))).toThrow(RangeError);
    expect(
      () =>
        new WorkingDayCalendar(
          year([
            { date: '2026-03-09', kind: 'HOLIDAY' },
            { date: '2026-03-09', kind: 'HOLIDAY' },
          ]),
        ),
    ).toThrow(RangeError);
    expect(() => WorkingDayCalendar.fromRows([{ date: '2026-03-09', kind: 'OFF' as CalendarDayKind }], [2026])).toThrow(
      RangeError,
    );
    expect(() => WorkingDayCalendar.fromRows([{ date: '2026-03-09', kind: 'HOLIDAY' }], [])).toThrow(RangeError);
  });

  it('fromRows answers exactly as the constructor does', () => {
    const rows = allDays.map(({ date, kind }) => ({ date, kind }));
    const fromRows = WorkingDayCalendar.fromRows(rows, [2026, 2022, 2024, 2023, 2025]);
    expect(fromRows.coveredYears()).toEqual(calendar.coveredYears());
    for (const date of datesFrom('2022-01-01', '2026-12-31')) {
      if (fromRows.isWorkingDay(date) !== calendar.isWorkingDay(date)) {
        throw new Error(`fromRows disagrees on ${date}`);
      }
    }
    expect(fromRows.addWorkingDays('2026-02-12', 5)).toBe('2026-02-26');
    expect(fromRows.workingDaysBetween('2026-09-18', '2026-10-12')).toBe(12);
  });

  it('fromRows covers only the years it is told about', () => {
    const rows = CN_HOLIDAY_CALENDAR.filter((year) => year.year === 2026).flatMap((year) => year.days);
    const only2026 = WorkingDayCalendar.fromRows(rows, [2026], { provisionalYearsAhead: 0 });
    expect(only2026.isWorkingDay('2026-02-14')).toBe(true);
    expect(() => only2026.isWorkingDay('2025-09-28')).toThrow(CalendarNotCoveredError);
    expect(() => only2026.isWorkingDay('2027-01-04')).toThrow(CalendarNotCoveredError);
  });
});

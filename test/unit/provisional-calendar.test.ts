import { CN_HOLIDAY_CALENDAR } from '../../shared/domain/holiday-calendar-cn';
import { statutoryHolidays } from '../../shared/domain/statutory-holidays';
import { CalendarNotCoveredError, WorkingDayCalendar } from '../../shared/domain/working-days';

const calendar = new WorkingDayCalendar(CN_HOLIDAY_CALENDAR);

/** 0 = Sunday … 6 = Saturday, computed independently of the code under test. */
function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

function datesOf(year: number): Map<string, string> {
  return new Map(statutoryHolidays(year).map((day) => [day.date, day.name]));
}

describe('statutoryHolidays (《全国年节及纪念日放假办法》2024年修订, 第二条、第六条)', () => {
  it('computes 2027 from the law: the 11 statutory days and the 补假 of those on a weekend', () => {
    // 2027: 正月初一 = 2027-02-06 (Sat), 除夕 = 腊月廿九 2027-02-05; 清明 04-05; 端午 06-09; 中秋 09-15.
    expect(statutoryHolidays(2027)).toEqual([
      { date: '2027-01-01', kind: 'HOLIDAY', name: '元旦' },
      { date: '2027-02-05', kind: 'HOLIDAY', name: '春节' },
      { date: '2027-02-06', kind: 'HOLIDAY', name: '春节' },
      { date: '2027-02-07', kind: 'HOLIDAY', name: '春节' },
      { date: '2027-02-08', kind: 'HOLIDAY', name: '春节' },
      // 初一 (Sat) and 初二 (Sun) owe two working days: the two weekdays after the block.
      { date: '2027-02-09', kind: 'HOLIDAY', name: '春节（补假）' },
      { date: '2027-02-10', kind: 'HOLIDAY', name: '春节（补假）' },
      { date: '2027-04-05', kind: 'HOLIDAY', name: '清明节' },
      { date: '2027-05-01', kind: 'HOLIDAY', name: '劳动节' },
      { date: '2027-05-02', kind: 'HOLIDAY', name: '劳动节' },
      { date: '2027-05-03', kind: 'HOLIDAY', name: '劳动节（补假）' },
      { date: '2027-05-04', kind: 'HOLIDAY', name: '劳动节（补假）' },
      { date: '2027-06-09', kind: 'HOLIDAY', name: '端午节' },
      { date: '2027-09-15', kind: 'HOLIDAY', name: '中秋节' },
      { date: '2027-10-01', kind: 'HOLIDAY', name: '国庆节' },
      { date: '2027-10-02', kind: 'HOLIDAY', name: '国庆节' },
      { date: '2027-10-03', kind: 'HOLIDAY', name: '国庆节' },
      { date: '2027-10-04', kind: 'HOLIDAY', name: '国庆节（补假）' },
      { date: '2027-10-05', kind: 'HOLIDAY', name: '国庆节（补假）' },
    ]);
  });

  it('takes 除夕 as the last day of the 12th lunar month, 廿九 or 三十', () => {
    // 2024: 腊月三十 = 2024-02-09 (初一 02-10); 2026: 腊月廿九 = 2026-02-16 (初一 02-17).
    expect(datesOf(2024).get('2024-02-09')).toBe('春节');
    expect(datesOf(2026).get('2026-02-16')).toBe('春节');
    expect(datesOf(2026).has('2026-02-15')).toBe(false);
  });

  it('gives every year exactly 13 weekdays off (Art. 2: 1+4+1+2+1+1+3), 补假 included, and no workday on a weekend', () => {
    for (let year = 2025; year <= 2040; year += 1) {
      const days = statutoryHolidays(year);
      expect([year, days.filter((day) => ![0, 6].includes(weekday(day.date))).length]).toEqual([year, 13]);
      const compensation = days.filter((day) => day.name.endsWith('（补假）'));
      expect(compensation.filter((day) => [0, 6].includes(weekday(day.date)))).toEqual([]);
      expect(days.every((day) => day.kind === 'HOLIDAY' && day.date.startsWith(`${year}-`))).toBe(true);
    }
  });

  it('keeps both festivals when 中秋 falls within 国庆 (2028-10-03): one more 补假', () => {
    const days = datesOf(2028);
    expect(days.get('2028-10-03')).toBe('国庆节');
    // 10-01 Sun owes one, 中秋 on 10-03 owes one: 10-04 and 10-05.
    expect([days.get('2028-10-04'), days.get('2028-10-05'), days.has('2028-10-06')]).toEqual([
      '国庆节（补假）',
      '中秋节（补假）',
      false,
    ]);
  });

  it.each([2025, 2026])('agrees with the %i notice: every computed day is 放假 in the real notice', (year) => {
    const notice = CN_HOLIDAY_CALENDAR.find((entry) => entry.year === year)!;
    const off = new Set(notice.days.filter((day) => day.kind === 'HOLIDAY').map((day) => day.date));
    const missing = statutoryHolidays(year).filter((day) => !off.has(day.date));
    expect(missing).toEqual([]);
  });
});

describe('WorkingDayCalendar over announced and provisional years', () => {
  it('ships 2027 and 2028 as PROVISIONAL after the 2022–2026 notices, and stops there', () => {
    expect(calendar.coveredYears()).toEqual([2022, 2023, 2024, 2025, 2026, 2027, 2028]);
    expect(calendar.statusOf(2026)).toBe('ANNOUNCED');
    expect(calendar.statusOf(2027)).toBe('PROVISIONAL');
    expect(calendar.statusOf(2028)).toBe('PROVISIONAL');
    expect(calendar.statusOf(2029)).toBeNull();
    expect(calendar.year(2027)?.source).toContain('全国年节及纪念日放假办法');
    expect(() => calendar.addWorkingDays('2028-12-28', 5)).toThrow(CalendarNotCoveredError);
    expect(() => calendar.isWorkingDay('2021-12-31')).toThrow(CalendarNotCoveredError);
  });

  it('answers an announced deadline unchanged and not provisional', () => {
    expect(calendar.deadline('2026-02-12', 5)).toEqual({ date: '2026-02-26', provisional: false });
    expect(calendar.deadline('2026-09-30', 4)).toEqual({ date: '2026-10-12', provisional: false });
    expect(calendar.deadline('2026-12-24', 5)).toEqual({ date: '2026-12-31', provisional: false });
  });

  it('answers a deadline across 2026-12-31 as provisional, skipping the provisional 元旦', () => {
    // 12-28 … 12-31 are 4 working days; 2027-01-01 (Fri, 元旦) is off; the 5th is Monday 01-04.
    expect(calendar.deadline('2026-12-24', 6)).toEqual({ date: '2027-01-04', provisional: true });
    expect(calendar.countWorkingDays('2026-12-24', '2027-01-04')).toEqual({ count: 6, provisional: true });
    expect(calendar.isWorkingDay('2027-01-01')).toBe(false);
    // 春节 2027 with its 补假: 02-04 (Thu) + 5 working days = 02-11, 02-12, 02-15, 02-16, 02-17.
    expect(calendar.addWorkingDays('2027-02-04', 5)).toBe('2027-02-17');
    // A provisional year never turns a weekend into a workday.
    expect(calendar.isWorkingDay('2027-02-20')).toBe(false);
  });

  it('lets the announced notice replace the provisional year, and a next-year notice win over the law', () => {
    const notice2027 = {
      year: 2027,
      source: 'TEST DATA — not a real notice',
      days: [
        { date: '2027-01-01', kind: 'HOLIDAY' as const, name: '元旦' },
        { date: '2027-01-02', kind: 'HOLIDAY' as const, name: '元旦' },
        { date: '2027-01-03', kind: 'HOLIDAY' as const, name: '元旦' },
        { date: '2027-01-09', kind: 'MAKEUP_WORKDAY' as const, name: '元旦' },
      ],
    };
    const announced = new WorkingDayCalendar([...CN_HOLIDAY_CALENDAR, notice2027]);
    expect(announced.statusOf(2027)).toBe('ANNOUNCED');
    expect(announced.statusOf(2029)).toBe('PROVISIONAL');
    expect(announced.deadline('2026-12-24', 6)).toEqual({ date: '2027-01-04', provisional: false });
    expect(announced.isWorkingDay('2027-01-09')).toBe(true);
    // Only the notice's days count now: the computed 春节 2027 is gone with the provisional year.
    expect(announced.isWorkingDay('2027-02-08')).toBe(true);

    const reachingBack = new WorkingDayCalendar([
      ...CN_HOLIDAY_CALENDAR,
      { year: 2028, source: 'TEST DATA', days: [{ date: '2027-12-31', kind: 'HOLIDAY', name: '元旦' }] },
    ]);
    expect(reachingBack.statusOf(2027)).toBe('PROVISIONAL');
    expect(reachingBack.isWorkingDay('2027-12-31')).toBe(false);
  });

  it('rows from the tables rebuild the same calendar, each day with its notice', () => {
    const rows = CN_HOLIDAY_CALENDAR.flatMap((year) => year.days.map((day) => ({ ...day, noticeYear: year.year })));
    const fromRows = WorkingDayCalendar.fromRows(
      rows,
      CN_HOLIDAY_CALENDAR.map(({ year, source }) => ({ year, source })),
    );
    expect(fromRows.year(2023)?.days.map((day) => day.date)).toContain('2022-12-31');
    expect(fromRows.deadline('2026-12-24', 6)).toEqual({ date: '2027-01-04', provisional: true });
    expect(() =>
      WorkingDayCalendar.fromRows([{ date: '2026-01-01', kind: 'HOLIDAY', noticeYear: 2030 }], [2026]),
    ).toThrow(RangeError);
  });
});

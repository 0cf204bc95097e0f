import { GraphQLError } from 'graphql';
import { CN_HOLIDAY_CALENDAR } from '../../shared/domain/holiday-calendar-cn';
import { checkNotice, NoticeDayInput, sameNotice } from '../../subgraphs/subjects/rules/holiday-notice';

const notice2026 = CN_HOLIDAY_CALENDAR.find((year) => year.year === 2026)!;
const days2026: NoticeDayInput[] = notice2026.days.map(({ date, kind, name }) => ({ date, kind, name }));

/** The `argument` a refusal names; fails the test when nothing is refused or the code is not BAD_USER_INPUT. */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    return String((error as GraphQLError).extensions.argument);
  }
  throw new Error('expected a refusal');
}

describe('checkNotice (setHolidayCalendar input)', () => {
  it('accepts every shipped notice as it was published, and normalizes it', () => {
    for (const notice of CN_HOLIDAY_CALENDAR) {
      const checked = checkNotice(notice.year, `  ${notice.source} `, [...notice.days].reverse(), 2026);
      expect(checked.source).toBe(notice.source);
      expect(checked.days.map((d) => d.date)).toEqual([...notice.days].map((d) => d.date).sort());
      expect(sameNotice(checked, notice)).toBe(true);
    }
  });

  it('refuses each bad part with its field', () => {
    expect(refusal(() => checkNotice(2021, notice2026.source, days2026, 2026))).toBe('year');
    expect(refusal(() => checkNotice(2028, notice2026.source, days2026, 2026))).toBe('year');
    expect(refusal(() => checkNotice(2026, ' ', days2026, 2026))).toBe('notice');
    expect(refusal(() => checkNotice(2026, 'x'.repeat(301), days2026, 2026))).toBe('notice');
    expect(refusal(() => checkNotice(2026, 'a\nb', days2026, 2026))).toBe('notice');
    expect(refusal(() => checkNotice(2026, notice2026.source, [], 2026))).toBe('days');
    expect(
      refusal(() =>
        checkNotice(
          2026,
          notice2026.source,
          Array.from({ length: 61 }, () => days2026[0]),
          2026,
        ),
      ),
    ).toBe('days');
    const at = days2026.length;
    expect(
      refusal(() =>
        checkNotice(2026, notice2026.source, [...days2026, { date: '2026-02-30', kind: 'HOLIDAY', name: 'x' }], 2026),
      ),
    ).toBe(`days[${at}].date`);
    expect(
      refusal(() =>
        checkNotice(2026, notice2026.source, [...days2026, { date: '2025-11-30', kind: 'HOLIDAY', name: 'x' }], 2026),
      ),
    ).toBe(`days[${at}].date`);
    expect(refusal(() => checkNotice(2026, notice2026.source, [...days2026, { ...days2026[3] }], 2026))).toBe(
      `days[${at}].date`,
    );
    // 2026-03-09 is a Monday: a make-up workday there is a typo.
    expect(
      refusal(() =>
        checkNotice(
          2026,
          notice2026.source,
          [...days2026, { date: '2026-03-09', kind: 'MAKEUP_WORKDAY', name: 'x' }],
          2026,
        ),
      ),
    ).toBe(`days[${at}].kind`);
    expect(
      refusal(() =>
        checkNotice(2026, notice2026.source, [...days2026, { date: '2026-03-10', kind: 'HOLIDAY', name: '' }], 2026),
      ),
    ).toBe(`days[${at}].name`);
  });

  it('from 2025 wants every statutory day of Art. 2 as HOLIDAY, but not for 2024 (除夕 was no holiday then)', () => {
    // Without 除夕 (2026-02-16) the 2026 notice is not one the 2024 revision allows.
    expect(
      refusal(() =>
        checkNotice(
          2026,
          notice2026.source,
          days2026.filter((d) => d.date !== '2026-02-16'),
          2026,
        ),
      ),
    ).toBe('days');
    const notice2024 = CN_HOLIDAY_CALENDAR.find((year) => year.year === 2024)!;
    expect(notice2024.days.some((d) => d.date === '2024-02-09')).toBe(false);
    expect(() => checkNotice(2024, notice2024.source, notice2024.days, 2026)).not.toThrow();
  });

  it('tells a changed notice from the same one', () => {
    const checked = checkNotice(2026, notice2026.source, days2026, 2026);
    expect(sameNotice(checked, { source: notice2026.source, days: checked.days.slice(1) })).toBe(false);
    expect(sameNotice(checked, { source: `${notice2026.source}（更正）`, days: checked.days })).toBe(false);
  });
});

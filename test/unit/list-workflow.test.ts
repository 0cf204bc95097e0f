import { CN_HOLIDAY_CALENDAR } from '../../shared/domain/holiday-calendar-cn';
import { ListAction, ListEntryStatus } from '../../shared/domain/vocabulary';
import { WorkingDayCalendar } from '../../shared/domain/working-days';
import { TransitionRefused } from '../../shared/workflow/refusal';
import { reportingDeadline } from '../../subgraphs/sanctions/rules/reporting-deadline';
import { effectiveStatus, transition } from '../../subgraphs/sanctions/rules/workflow';

const today = '2026-03-10';
const entry = (status: ListEntryStatus, validUntil: string | null = null) => ({ status, validUntil });

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof TransitionRefused) return error.reason;
    throw error;
  }
  return 'allowed';
}

describe('list workflow (认定 → 告知 → 异议 → 公示 → 移出)', () => {
  it('walks the happy path', () => {
    expect(transition(entry(ListEntryStatus.DESIGNATED), ListAction.NOTIFY, { today, objectionDeadline: null })).toBe(
      ListEntryStatus.NOTIFIED,
    );
    expect(
      transition(entry(ListEntryStatus.NOTIFIED), ListAction.PUBLISH, { today, objectionDeadline: '2026-03-09' }),
    ).toBe(ListEntryStatus.PUBLISHED);
    expect(
      transition(entry(ListEntryStatus.PUBLISHED), ListAction.REPAIR, { today, objectionDeadline: '2026-03-09' }),
    ).toBe(ListEntryStatus.REMOVED);
  });

  it('hears an objection only within the period, and publishes only after it', () => {
    expect(transition(entry(ListEntryStatus.NOTIFIED), ListAction.OBJECT, { today, objectionDeadline: today })).toBe(
      ListEntryStatus.OBJECTED,
    );
    expect(
      refusal(() =>
        transition(entry(ListEntryStatus.NOTIFIED), ListAction.OBJECT, { today, objectionDeadline: '2026-03-09' }),
      ),
    ).toBe('OBJECTION_PERIOD_OVER');
    expect(
      refusal(() =>
        transition(entry(ListEntryStatus.NOTIFIED), ListAction.PUBLISH, { today, objectionDeadline: today }),
      ),
    ).toBe('OBJECTION_PERIOD_OPEN');
    expect(
      transition(entry(ListEntryStatus.OBJECTED), ListAction.DISMISS_OBJECTION, { today, objectionDeadline: today }),
    ).toBe(ListEntryStatus.NOTIFIED);
    expect(
      transition(entry(ListEntryStatus.OBJECTED), ListAction.UPHOLD_OBJECTION, { today, objectionDeadline: today }),
    ).toBe(ListEntryStatus.REMOVED);
  });

  it('refuses publishing under objection, removing a removed entry and acting on an expired one', () => {
    expect(
      refusal(() =>
        transition(entry(ListEntryStatus.OBJECTED), ListAction.PUBLISH, { today, objectionDeadline: '2026-01-01' }),
      ),
    ).toBe('INVALID_STATUS');
    expect(
      refusal(() => transition(entry(ListEntryStatus.REMOVED), ListAction.REVOKE, { today, objectionDeadline: null })),
    ).toBe('INVALID_STATUS');
    expect(
      refusal(() =>
        transition(entry(ListEntryStatus.PUBLISHED, '2026-03-09'), ListAction.REPAIR, {
          today,
          objectionDeadline: null,
        }),
      ),
    ).toBe('INVALID_STATUS');
    expect(
      refusal(() =>
        transition(entry(ListEntryStatus.DESIGNATED), ListAction.PUBLISH, { today, objectionDeadline: null }),
      ),
    ).toBe('INVALID_STATUS');
  });

  it('lets a published entry expire by itself at the end of its validity', () => {
    expect(effectiveStatus(entry(ListEntryStatus.PUBLISHED, today), today)).toBe(ListEntryStatus.PUBLISHED);
    expect(effectiveStatus(entry(ListEntryStatus.PUBLISHED, '2026-03-09'), today)).toBe(ListEntryStatus.EXPIRED);
    expect(effectiveStatus(entry(ListEntryStatus.NOTIFIED, '2026-03-09'), today)).toBe(ListEntryStatus.NOTIFIED);
  });
});

describe('reporting deadlines (§15)', () => {
  const calendar = new WorkingDayCalendar(CN_HOLIDAY_CALENDAR);

  it('wants black-list entries by the 5th of the following month', () => {
    const black = { reportDeadlineKind: 'MONTHLY' as const, reportDays: 5 };
    expect(reportingDeadline(black, '2026-01-20', calendar)).toEqual({ date: '2026-02-05', provisional: false });
    expect(reportingDeadline(black, '2025-12-31', calendar)).toEqual({ date: '2026-01-05', provisional: false });
  });

  it('wants red-list entries within 5 working days, across the 2026 Spring Festival and its make-up days', () => {
    const red = { reportDeadlineKind: 'WORKING_DAYS' as const, reportDays: 5 };
    // 2/13 Fri, 2/14 Sat (调休上班), 2/15–2/23 春节, 2/24, 2/25, 2/26.
    expect(reportingDeadline(red, '2026-02-12', calendar)).toEqual({ date: '2026-02-26', provisional: false });
    // 9/30, then 10/1–10/7 国庆, 10/8, 10/9, 10/10 Sat (调休上班), 10/12.
    expect(reportingDeadline(red, '2026-09-29', calendar)).toEqual({ date: '2026-10-12', provisional: false });
  });

  it('sets no deadline for the watch list', () => {
    expect(reportingDeadline({ reportDeadlineKind: null, reportDays: null }, '2026-02-12', calendar)).toBeNull();
  });
});

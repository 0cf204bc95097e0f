/**
 * 全国年节放假调休安排 — the State Council's yearly notices, as data.
 *
 * Each notice lists the 放假 ranges (every date of a range is a HOLIDAY, weekends
 * inside it included) and the 调休上班 weekend days (MAKEUP_WORKDAY). Dates are
 * copied from the notice text as published; where a notice only says
 * "与周末连休" (2024 元旦, 端午) the adjoining weekend is not listed, because
 * the notice does not name it and it is a rest day anyway.
 *
 * A notice may reach into the previous calendar year (2023 元旦 starts on
 * 2022-12-31); such dates stay with the notice that announced them.
 */
import { MS_PER_DAY } from './iso-date';

export type CalendarDayKind = 'HOLIDAY' | 'MAKEUP_WORKDAY';

export interface CalendarDay {
  /** YYYY-MM-DD */
  date: string;
  kind: CalendarDayKind;
  /** The festival the day belongs to, e.g. '春节'. */
  name: string;
}

export interface CalendarYear {
  year: number;
  /** The notice the days are taken from. */
  source: string;
  days: CalendarDay[];
}

/** 放假: every date from `from` to `to` inclusive (UTC arithmetic, so no DST or zone drift). */
function off(name: string, from: string, to: string = from): CalendarDay[] {
  const days: CalendarDay[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += MS_PER_DAY) {
    days.push({ date: new Date(t).toISOString().slice(0, 10), kind: 'HOLIDAY', name });
  }
  return days;
}

/** 调休上班: the weekend days worked in exchange for the holiday. */
function work(name: string, ...dates: string[]): CalendarDay[] {
  return dates.map((date) => ({ date, kind: 'MAKEUP_WORKDAY', name }));
}

export const CN_HOLIDAY_CALENDAR: CalendarYear[] = [
  {
    year: 2022,
    source: '国办发明电〔2021〕11号《国务院办公厅关于2022年部分节假日安排的通知》',
    days: [
      ...off('元旦', '2022-01-01', '2022-01-03'),
      ...off('春节', '2022-01-31', '2022-02-06'),
      ...work('春节', '2022-01-29', '2022-01-30'),
      ...off('清明节', '2022-04-03', '2022-04-05'),
      ...work('清明节', '2022-04-02'),
      ...off('劳动节', '2022-04-30', '2022-05-04'),
      ...work('劳动节', '2022-04-24', '2022-05-07'),
      ...off('端午节', '2022-06-03', '2022-06-05'),
      ...off('中秋节', '2022-09-10', '2022-09-12'),
      ...off('国庆节', '2022-10-01', '2022-10-07'),
      ...work('国庆节', '2022-10-08', '2022-10-09'),
    ],
  },
  {
    year: 2023,
    source: '国办发明电〔2022〕16号《国务院办公厅关于2023年部分节假日安排的通知》',
    days: [
      ...off('元旦', '2022-12-31', '2023-01-02'),
      ...off('春节', '2023-01-21', '2023-01-27'),
      ...work('春节', '2023-01-28', '2023-01-29'),
      ...off('清明节', '2023-04-05'),
      ...off('劳动节', '2023-04-29', '2023-05-03'),
      ...work('劳动节', '2023-04-23', '2023-05-06'),
      ...off('端午节', '2023-06-22', '2023-06-24'),
      ...work('端午节', '2023-06-25'),
      ...off('中秋节、国庆节', '2023-09-29', '2023-10-06'),
      ...work('中秋节、国庆节', '2023-10-07', '2023-10-08'),
    ],
  },
  {
    year: 2024,
    source: '国办发明电〔2023〕7号《国务院办公厅关于2024年部分节假日安排的通知》',
    days: [
      ...off('元旦', '2024-01-01'),
      // 除夕 (2月9日) is only "鼓励…休息", not an official holiday: it stays a working day.
      ...off('春节', '2024-02-10', '2024-02-17'),
      ...work('春节', '2024-02-04', '2024-02-18'),
      ...off('清明节', '2024-04-04', '2024-04-06'),
      ...work('清明节', '2024-04-07'),
      ...off('劳动节', '2024-05-01', '2024-05-05'),
      ...work('劳动节', '2024-04-28', '2024-05-11'),
      ...off('端午节', '2024-06-10'),
      ...off('中秋节', '2024-09-15', '2024-09-17'),
      ...work('中秋节', '2024-09-14'),
      ...off('国庆节', '2024-10-01', '2024-10-07'),
      ...work('国庆节', '2024-09-29', '2024-10-12'),
    ],
  },
  {
    year: 2025,
    source: '国办发明电〔2024〕12号《国务院办公厅关于2025年部分节假日安排的通知》',
    days: [
      ...off('元旦', '2025-01-01'),
      ...off('春节', '2025-01-28', '2025-02-04'),
      ...work('春节', '2025-01-26', '2025-02-08'),
      ...off('清明节', '2025-04-04', '2025-04-06'),
      ...off('劳动节', '2025-05-01', '2025-05-05'),
      ...work('劳动节', '2025-04-27'),
      ...off('端午节', '2025-05-31', '2025-06-02'),
      ...off('国庆节、中秋节', '2025-10-01', '2025-10-08'),
      ...work('国庆节、中秋节', '2025-09-28', '2025-10-11'),
    ],
  },
  {
    year: 2026,
    source: '国办发明电〔2025〕7号《国务院办公厅关于2026年部分节假日安排的通知》',
    days: [
      ...off('元旦', '2026-01-01', '2026-01-03'),
      ...work('元旦', '2026-01-04'),
      ...off('春节', '2026-02-15', '2026-02-23'),
      ...work('春节', '2026-02-14', '2026-02-28'),
      ...off('清明节', '2026-04-04', '2026-04-06'),
      ...off('劳动节', '2026-05-01', '2026-05-05'),
      ...work('劳动节', '2026-05-09'),
      ...off('端午节', '2026-06-19', '2026-06-21'),
      ...off('中秋节', '2026-09-25', '2026-09-27'),
      ...off('国庆节', '2026-10-01', '2026-10-07'),
      ...work('国庆节', '2026-09-20', '2026-10-10'),
    ],
  },
];

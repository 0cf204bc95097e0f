import { latestPerKey } from '../../shared/db/latest-per-key';

describe('latestPerKey', () => {
  const row = (id: string, at: string, n: number) => ({ id, at, n });
  const latest = (rows: ReturnType<typeof row>[]) =>
    latestPerKey(
      rows,
      (r) => r.id,
      (r) => r.at,
    );

  it('keeps one row per key, the latest in time whatever the order given', () => {
    const rows = [
      row('a', '2026-12-04T10:00:00.000Z', 1),
      row('b', '2026-12-04T09:00:00.000Z', 2),
      row('a', '2026-12-04T08:00:00.000Z', 3),
      row('a', '2026-12-04T11:00:00+08:00', 4), // 03:00Z: earlier than 10:00Z although it sorts later as text
    ];
    expect(latest(rows).map((r) => r.n)).toEqual([1, 2]);
  });

  it('of equal times keeps the later in the list, as applying them in order would', () => {
    const at = '2026-12-04T10:00:00.000Z';
    expect(latest([row('a', at, 1), row('a', at, 2)]).map((r) => r.n)).toEqual([2]);
  });

  it('returns nothing for nothing', () => {
    expect(latest([])).toEqual([]);
  });
});

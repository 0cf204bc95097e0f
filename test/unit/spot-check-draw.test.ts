import { CreditGrade } from '../../shared/domain/vocabulary';
import {
  capQuotas,
  DrawCandidate,
  drawKey,
  drawSpotCheckList,
  quotaOf,
} from '../../subgraphs/evaluations/rules/spot-check-draw';

const RATIOS: Record<CreditGrade, number> = { A: 0.02, B: 0.05, C: 0.1, D: 0.3 };
const ratioOf = (grade: CreditGrade) => RATIOS[grade];

function population(counts: Record<CreditGrade, number>): DrawCandidate[] {
  return (Object.entries(counts) as [CreditGrade, number][]).flatMap(([grade, n]) =>
    Array.from({ length: n }, (_, i) => ({ subjectId: `${grade.toLowerCase()}-${String(i).padStart(4, '0')}`, grade })),
  );
}

describe('spot-check draws (双随机、一公开)', () => {
  const people = population({ A: 120, B: 300, C: 41, D: 7 });

  it('draws ceil(ratio × population) of each grade', () => {
    const { quotas, drawn } = drawSpotCheckList(people, ratioOf, 'seed-1', null);
    expect(quotas.map((q) => [q.grade, q.population, q.drawn])).toEqual([
      ['A', 120, 3],
      ['B', 300, 15],
      ['C', 41, 5],
      ['D', 7, 3],
    ]);
    expect(drawn).toHaveLength(26);
    for (const quota of quotas) expect(drawn.filter((c) => c.grade === quota.grade)).toHaveLength(quota.drawn);
  });

  it('rounds an exact product without float noise, and never draws more than there are', () => {
    expect(quotaOf(0.1, 30)).toBe(3); // 0.1 × 30 = 3.0000000000000004 in floating point
    expect(quotaOf(0.07, 100)).toBe(7);
    expect(quotaOf(0.3, 1)).toBe(1);
    expect(quotaOf(1.5, 4)).toBe(4);
    expect(quotaOf(0.02, 0)).toBe(0);
  });

  it('gives the same list for the same seed and population, whatever order it was read in', () => {
    const first = drawSpotCheckList(people, ratioOf, 'seed-1', null).drawn;
    const again = drawSpotCheckList([...people].reverse(), ratioOf, 'seed-1', null).drawn;
    expect(again).toEqual(first);
    const other = drawSpotCheckList(people, ratioOf, 'seed-2', null).drawn;
    expect(other.map((c) => c.subjectId)).not.toEqual(first.map((c) => c.subjectId));
  });

  it('orders each grade by SHA-256 of seed:id, which anyone can recompute', () => {
    const { drawn } = drawSpotCheckList(people, ratioOf, 'audit', null);
    const dKeys = people
      .filter((c) => c.grade === CreditGrade.D)
      .map((c) => ({ id: c.subjectId, key: drawKey('audit', c.subjectId) }))
      .sort((a, b) => (a.key < b.key ? -1 : 1))
      .slice(0, 3)
      .map((c) => c.id);
    expect(drawn.filter((c) => c.grade === CreditGrade.D).map((c) => c.subjectId)).toEqual(dKeys);
    expect(drawKey('audit', 'x')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps a drawn subject drawn when another joins the population with a later key', () => {
    const before = drawSpotCheckList(people, ratioOf, 'seed-3', null).drawn.map((c) => c.subjectId);
    const joined = [...people, { subjectId: 'late-joiner', grade: CreditGrade.B }];
    const after = drawSpotCheckList(joined, ratioOf, 'seed-3', null).drawn.map((c) => c.subjectId);
    const kept = before.filter((id) => after.includes(id));
    // 300 → 301 B subjects draws 16 = ceil(15.05) instead of 15: the 15 drawn before stay drawn.
    expect(kept).toEqual(before);
  });

  it('cuts the quotas to a size in proportion, and ignores a size above them', () => {
    expect(capQuotas([3, 15, 5, 3], 13)).toEqual([1, 7, 3, 2]);
    expect(capQuotas([3, 15, 5, 3], 13).reduce((a, b) => a + b)).toBe(13);
    expect(capQuotas([3, 15, 5, 3], 100)).toEqual([3, 15, 5, 3]);
    expect(capQuotas([3, 15, 5, 3], 0)).toEqual([0, 0, 0, 0]);
    const { drawn, quotas } = drawSpotCheckList(people, ratioOf, 'seed-1', 13);
    expect(drawn).toHaveLength(13);
    expect(quotas.map((q) => q.drawn)).toEqual([1, 7, 3, 2]);
  });

  it('draws nothing from an empty population', () => {
    const { drawn, quotas } = drawSpotCheckList([], ratioOf, 'seed', null);
    expect(drawn).toEqual([]);
    expect(quotas.every((q) => q.population === 0 && q.drawn === 0)).toBe(true);
  });
});

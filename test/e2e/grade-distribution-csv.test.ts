import { expectData } from '../support/expect-data';
import { gatewayUrl, graphql } from '../support/gateway';
import { as } from '../support/tokens';

/**
 * GET /reports/grade-distribution.csv through the gateway (forwarded to the ingest service, which asks
 * gradeDistribution as the caller): the same figures as the GraphQL query, credit:stats only.
 */
const url = (query: string) => `${gatewayUrl()}/reports/grade-distribution.csv${query}`;

function lines(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((line) => line.split(','));
}

describe('the grade distribution as CSV', () => {
  it('gives, by grade, the figures gradeDistribution gives the analyst', async () => {
    const answer = await graphql<{ gradeDistribution: { grade: string | null; subjects: number }[] }>(
      // The variables as the export sends them (explicit nulls).
      'query($industry: String, $street: String) { gradeDistribution(by: [GRADE], industry: $industry, street: $street) { grade subjects } }',
      { industry: null, street: null },
      await as('analyst'),
    );
    const expected = expectData(answer).gradeDistribution;
    expect(expected.length).toBeGreaterThan(0);
    const response = await fetch(url('?by=GRADE'), { headers: await as('analyst') });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const [header, ...rows] = lines(await response.text());
    expect(header).toEqual(['信用等级', '等级名称', '行业', '街道', '主体数']);
    expect(rows.map(([grade, , industry, street, subjects]) => [grade, industry, street, Number(subjects)])).toEqual(
      expected.map((row) => [row.grade ?? '未登记', '全部', '全部', row.subjects]),
    );
    for (const [grade, gradeLabel] of rows) expect({ A: '优', B: '良', C: '中', D: '差' }[grade]).toBe(gradeLabel);
  });

  it('groups by all three dimensions when none is named, and sums to the same subjects', async () => {
    const byGrade = lines(await (await fetch(url('?by=GRADE'), { headers: await as('analyst') })).text()).slice(1);
    const all = await fetch(url(''), { headers: await as('analyst') });
    expect(all.status).toBe(200);
    const rows = lines(await all.text()).slice(1);
    const sum = (r: string[][]) => r.reduce((total, row) => total + Number(row[4]), 0);
    expect(sum(rows)).toBe(sum(byGrade));
  });

  it('refuses the public, a clerk without credit:stats and an unknown dimension', async () => {
    expect((await fetch(url('?by=GRADE'))).status).toBe(401);
    expect((await fetch(url('?by=GRADE'), { headers: await as('hall') })).status).toBe(403);
    expect((await fetch(url('?by=COLOUR'), { headers: await as('analyst') })).status).toBe(400);
  });
});

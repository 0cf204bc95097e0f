import { demoDataset } from '../../../shared/demo/dataset';
import { completeResidentId } from '../../../shared/identifiers/resident-id';
import { chinaToday } from '../../support/dates';
import { expectData } from '../../support/expect-data';
import { graphql } from '../../support/gateway';
import { as } from '../../support/tokens';

/**
 * Issue 11, part 7: what a caller cannot see, it cannot search for or sort by.
 * The public sees a natural person's name masked (禤**): it must not find the
 * person by the hidden characters, nor learn them from the order of results.
 */
const SEARCH =
  'query($s: String, $first: Int) { subjects(search: $s, first: $first) { totalCount nodes { id name kind } } }';
const authority = demoDataset().departments[0]; // gusu.scjgj reports as itself
// A rare surname and given-name characters no demo name uses.
const SURNAME = '禤';
const GIVEN = ['翀骞', '彧昶', '晞甪', '翯翀', '昶彧', '骞晞'];

interface Found {
  totalCount: number;
  nodes: { id: string; name: string; kind: string }[];
}

async function search(term: string, headers: Record<string, string>): Promise<Found> {
  const result = await graphql<{ subjects: Found }>(SEARCH, { s: term, first: 100 }, headers);
  expect(result.errors).toBeUndefined();
  return expectData(result).subjects;
}

beforeAll(async () => {
  const records = GIVEN.map((given, i) => ({
    partyName: `${SURNAME}${given}`,
    partyClass: '自然人',
    idType: '身份证',
    idNumber: completeResidentId(`32050819900101${String(700 + i)}`),
    decisionNo: `姑市监罚〔2026〕M${Date.now().toString(36)}${i}号`,
    violationType: '无证经营',
    facts: '……',
    legalBasis: '《无证无照经营查处办法》第十三条',
    categories: ['警告'],
    content: '警告',
    decidedAt: chinaToday(),
    validUntil: '2099-12-31',
    severity: '一般',
    authorityName: authority.name,
    authorityUscc: authority.uscc,
  }));
  const result = await graphql<{ reportPenalties: { accepted: number } }>(
    'mutation($r: [PenaltyReport!]!) { reportPenalties(records: $r) { accepted } }',
    { r: records },
    await as('department'),
  );
  expect(expectData(result).reportPenalties.accepted).toBe(GIVEN.length);
});

describe('masked names are not searchable (adversarial)', () => {
  it('the public cannot find a person by the hidden characters of the name', async () => {
    const publicHeaders = await as('public');
    for (const probe of ['翀', '翀骞', `${SURNAME}翀`, `${SURNAME}翀骞`, '骞']) {
      const found = await search(probe, publicHeaders);
      expect([probe, found.nodes.filter((n) => n.name.startsWith(SURNAME))]).toEqual([probe, []]);
    }
    // What it sees is what it may search: the surname and the masked form find all six, masked.
    for (const probe of [SURNAME, `${SURNAME}**`]) {
      const found = await search(probe, publicHeaders);
      expect(found.totalCount).toBe(GIVEN.length);
      expect(new Set(found.nodes.map((n) => n.name))).toEqual(new Set([`${SURNAME}**`]));
    }
    // A caller who reads the names (credit:read) searches them.
    const hall = await search('翀骞', await as('hall'));
    expect(hall.nodes.map((n) => n.name)).toEqual([`${SURNAME}翀骞`]);
  });

  it('the order of results reveals nothing hidden: the public gets them by masked name, then id', async () => {
    const publicOrder = (await search(SURNAME, await as('public'))).nodes.map((n) => n.id);
    expect(publicOrder).toEqual([...publicOrder].sort());
    const hall = (await search(SURNAME, await as('hall'))).nodes;
    expect(hall.map((n) => n.name)).toEqual([...hall.map((n) => n.name)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    // The real-name order differs from the id order, so the test above could have seen a leak.
    expect(hall.map((n) => n.id)).not.toEqual(publicOrder);
    // Paging one by one yields the same order: no page boundary leaks either.
    type Page = { subjects: { nodes: { id: string }[]; pageInfo: { endCursor: string } } };
    const paged: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < GIVEN.length; i += 1) {
      const page: Page = expectData(
        await graphql<Page>(
          'query($s: String, $a: String) { subjects(search: $s, first: 1, after: $a) { nodes { id } pageInfo { endCursor } } }',
          { s: SURNAME, a: after },
          await as('public'),
        ),
      );
      paged.push(page.subjects.nodes[0].id);
      after = page.subjects.pageInfo.endCursor;
    }
    expect(paged).toEqual(publicOrder);
  });

  it('the commitments column never matches a person’s hidden name for the public either', async () => {
    const person = demoDataset().commitments.find(
      (c) => c.publicized && c.signatoryUscc === null && Array.from(c.signatoryName).length >= 2,
    );
    if (!person) throw new Error('the demo dataset has no publicized commitment of a natural person');
    const hidden = Array.from(person.signatoryName).slice(1).join('');
    const find = async (headers: Record<string, string>) => {
      const result = await graphql<{ publicCommitments: { nodes: { id: string }[] } }>(
        'query($s: String) { publicCommitments(search: $s, first: 100) { nodes { id } } }',
        { s: hidden },
        headers,
      );
      expect(result.errors).toBeUndefined();
      return expectData(result).publicCommitments.nodes.map((n) => n.id);
    };
    expect(await find(await as('public'))).not.toContain(person.id);
    expect(await find(await as('hall'))).toContain(person.id);
  });
});

import { expectData } from '../support/expect-data';
import { graphql } from '../support/gateway';
import { as } from '../support/tokens';

/**
 * Issue 19, keyset pagination: the public list and the subject search hand out cursors that seek past
 * the last row, so a deep page costs what the first does. Walking by those cursors gives exactly the
 * rows offset paging gives, in the same order; an old offset cursor still works, and a keyset cursor
 * whose row has gone falls back to its position.
 */
interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: { id: string }[];
}

const offsetCursor = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');
const keysetCursor = (offset: number, id: string) => Buffer.from(`after:${offset}:${id}`).toString('base64url');

type Read = (first: number, after: string | null) => Promise<Page>;

const publishedList: Read = async (first, after) => {
  const answer = await graphql<{ publishedList: Page }>(
    'query($first: Int, $after: String) { publishedList(list: BLACK, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }',
    { first, after },
    await as('public'),
  );
  return expectData(answer).publishedList;
};

const subjects =
  (role: 'public' | 'credit_office'): Read =>
  async (first, after) => {
    const answer = await graphql<{ subjects: Page }>(
      'query($first: Int, $after: String) { subjects(search: "苏州", first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }',
      { first, after },
      await as(role),
    );
    return expectData(answer).subjects;
  };

/** Every id, following each page's end cursor (at most `pages` pages). */
async function walk(read: Read, first: number, pages: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < pages; i += 1) {
    const page = await read(first, after);
    ids.push(...page.nodes.map((n) => n.id));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return ids;
}

describe.each([
  ['publishedList (BLACK), public', publishedList],
  ['subjects(search), public (masked names)', subjects('public')],
  ['subjects(search), credit office', subjects('credit_office')],
])('keyset pages of %s', (_name, read) => {
  it('give the rows offset paging gives, in order, none twice', async () => {
    const first = 7;
    const pages = 12;
    const byKeyset = await walk(read, first, pages);
    const byOffset: string[] = [];
    for (let i = 0; i < pages; i += 1) {
      const page = await read(first, i === 0 ? null : offsetCursor(i * first));
      byOffset.push(...page.nodes.map((n) => n.id));
      if (!page.pageInfo.hasNextPage) break;
    }
    expect(byKeyset.length).toBeGreaterThan(first * 2);
    expect(byKeyset).toEqual(byOffset);
    expect(new Set(byKeyset).size).toBe(byKeyset.length);
  });

  it('carries the position: totals and hasNextPage as before; a cursor whose row has gone starts at its position', async () => {
    const start = await read(5, null);
    const second = await read(5, start.pageInfo.endCursor);
    expect(second.totalCount).toBe(start.totalCount);
    const gone = await read(5, keysetCursor(5, '00000000-0000-4000-8000-000000000000'));
    expect(gone.nodes.map((n) => n.id)).toEqual(second.nodes.map((n) => n.id));
    expect(Buffer.from(second.pageInfo.endCursor ?? '', 'base64url').toString()).toMatch(/^after:10:[0-9a-f-]{36}$/);
  });
});

import { expectData } from '../support/expect-data';
import { graphql } from '../support/gateway';
import { as } from '../support/tokens';

/** Bad input is a GraphQL error with BAD_USER_INPUT naming the argument; the system keeps serving. */
async function expectBadInput(query: string, variables: Record<string, unknown>, argument: string): Promise<void> {
  // The credit office may read everything: what fails here is the input alone.
  const result = await graphql(query, variables, await as('credit_office'));
  expect(result.status).toBeLessThan(500);
  expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
}

describe('bad input', () => {
  it('rejects a malformed USCC with the reason', async () => {
    // A code failing only its check character is looked up now (issue 13; identifiers-and-fields.test.ts):
    // a structural failure (here: no such 行政区划码) is still bad input.
    await expectBadInput('query($u: String!) { subject(uscc: $u) { id } }', { u: '123456789012345678' }, 'uscc');
    await expectBadInput('query($u: String!) { subject(uscc: $u) { id } }', { u: 'abc' }, 'uscc');
  });

  it('rejects a malformed subject id, and both or neither of id and uscc', async () => {
    await expectBadInput('{ subject(id: "42") { id } }', {}, 'id');
    await expectBadInput('{ subject { id } }', {}, 'id');
  });

  it('rejects an unknown enum value, as a literal or in a variable', async () => {
    await expectBadInput('{ screen(usccs: [], scenario: LOTTERY) { uscc } }', {}, 'scenario');
    await expectBadInput('query($s: Scenario!) { screen(usccs: [], scenario: $s) { uscc } }', { s: 'LOTTERY' }, 's');
    await expectBadInput('{ publishedList(list: GREY) { totalCount } }', {}, 'list');
  });

  it('rejects a page above the limit and a forged cursor', async () => {
    await expectBadInput('{ subjects(first: 101) { totalCount } }', {}, 'first');
    await expectBadInput('{ publicCommitments(after: "x") { totalCount } }', {}, 'after');
    await expectBadInput('{ subjects(first: 1) { nodes { penalties(first: 500) { totalCount } } } }', {}, 'first');
  });

  it('rejects a date that is not a calendar date, and a period that runs backwards', async () => {
    await expectBadInput(
      'query($f: Date!, $t: Date!) { publicityQuality(from: $f, to: $t) { kind } }',
      { f: '2026-02-30', t: '2026-03-01' },
      'f',
    );
    await expectBadInput('{ publicityQuality(from: "2026-03-01", to: "2026-01-01") { kind } }', {}, 'to');
  });

  it('does not publish the watch list', async () => {
    await expectBadInput('{ publishedList(list: WATCH) { totalCount } }', {}, 'list');
  });

  it('caps a screening at 10,000 codes', async () => {
    const usccs = Array.from({ length: 10_001 }, () => '9144030071526726XG');
    await expectBadInput(
      'query($u: [String!]!) { screen(usccs: $u, scenario: BIDDING) { uscc } }',
      { u: usccs },
      'usccs',
    );
  });

  it('reserves the alias prefix the gateway uses for its audit keys', async () => {
    await expectBadInput('{ subjects(first: 1) { nodes { gusuAuditId: name } } }', {}, 'gusuAuditId');
  });

  it('keeps serving afterwards', async () => {
    const result = await graphql<{ subjects: { totalCount: number } }>('{ subjects(first: 1) { totalCount } }');
    expect(expectData(result).subjects.totalCount).toBeGreaterThan(1000);
  });
});

import { expectData } from '../support/expect-data';
import { gatewayUrl, graphql } from '../support/gateway';
import { as } from '../support/tokens';

/** Hardening: each limit rejects with its own code, before anything reaches a subgraph. */
async function expectRejected(query: string, variables: Record<string, unknown>, code: string): Promise<void> {
  const result = await graphql(query, variables, await as('credit_office'));
  expect(result.status).toBe(400);
  expect(result.data ?? null).toBeNull();
  expect(result.errors?.[0]?.extensions?.code).toBe(code);
}

describe('operation limits', () => {
  it('limits depth', async () => {
    // subject → penalties → nodes → subject → penalties → … : 14 levels.
    let inner = 'id';
    for (let i = 0; i < 4; i += 1) inner = `subject { penalties(first: 1) { nodes { ${inner} } } }`;
    await expectRejected(
      `{ subjects(first: 1) { nodes { penalties(first: 1) { nodes { ${inner} } } } } }`,
      {},
      'QUERY_TOO_DEEP',
    );
  });

  it('limits aliases', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: departments { code }`).join(' ');
    await expectRejected(`{ ${aliases} }`, {}, 'TOO_MANY_ALIASES');
  });

  it('limits cost, weighing list fields by the sizes they ask for', async () => {
    const usccs = Array.from({ length: 10_000 }, () => '9144030071526726XG');
    // 10,000 codes with a profile of 100 licences each is far beyond the budget …
    await expectRejected(
      'query($u: [String!]!) { screen(usccs: $u, scenario: BIDDING) { uscc subject { licenses(first: 100) { nodes { id title } } } } }',
      { u: usccs },
      'QUERY_TOO_COMPLEX',
    );
    // … while the documented batch screening of 10,000 codes fits.
    const fits = await graphql<{ screen: unknown[] }>(
      'query($u: [String!]!) { screen(usccs: $u, scenario: BIDDING) { uscc found verdict hits { id list } measures { code } } }',
      { u: usccs },
      await as('department'),
    );
    expect(fits.errors).toBeUndefined();
    expect(expectData(fits).screen).toHaveLength(10_000);
  });

  it('refuses fragments that spread each other into millions of selections, without expanding them', async () => {
    const fragments = Array.from(
      { length: 24 },
      (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
    ).join(' ');
    const started = Date.now();
    await expectRejected(
      `query { ...F0 } ${fragments} fragment F24 on Query { departments { code } }`,
      {},
      'QUERY_TOO_COMPLEX',
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('counts sizes given as variable defaults', async () => {
    await expectRejected(
      'query($n: Int = 100) { subjects(first: $n) { nodes { penalties(first: $n) { nodes { licenses: id authority { code name } subject { licenses(first: $n) { nodes { id } } } } } } } }',
      {},
      'QUERY_TOO_COMPLEX',
    );
  });

  it('limits the request body', async () => {
    const response = await fetch(`${gatewayUrl()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ departments { code } }', variables: { pad: 'x'.repeat(17 * 1024 * 1024) } }),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
      'PAYLOAD_TOO_LARGE',
    );
  });

  it('prevents CSRF: a simple GET without a preflight header is refused', async () => {
    const response = await fetch(`${gatewayUrl()}/graphql?query=${encodeURIComponent('{ departments { code } }')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/i);
  });
});

import { SUBGRAPH_NAMES } from '../../shared/config/services';
import { expectData } from '../support/expect-data';
import { gatewayUrl, graphql, servicePort } from '../support/gateway';
import { as } from '../support/tokens';

describe('the running system', () => {
  it("reports every subgraph ready on the gateway's internal listener", async () => {
    const response = await fetch(`http://127.0.0.1:${servicePort('gatewayMetrics')}/health/subgraphs`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      subgraphs: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, 'ok'])),
    });
  });

  it('serves GraphiQL from its own origin, with no CDN', async () => {
    const page = await fetch(`${gatewayUrl()}/graphiql`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\//);
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    // GraphiQL's own script and styles, React, the init script, and the shipped Noto Sans SC (its stylesheets).
    expect(assets.filter((asset) => asset.endsWith('.js'))).toHaveLength(4);
    expect(assets).toEqual(
      expect.arrayContaining([
        'graphiql/assets/graphiql.css',
        'graphiql/assets/fonts/400.css',
        'graphiql/assets/fonts/700.css',
      ]),
    );
    for (const asset of assets) {
      const response = await fetch(`${gatewayUrl()}/${asset}`);
      expect(response.status).toBe(200);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(100);
    }
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('finds a subject by name fragment, by code prefix, by id and by code alike', async () => {
    const search = await graphql<{
      subjects: { totalCount: number; nodes: { id: string; uscc: string; name: string }[] };
    }>('{ subjects(search: "科技", first: 3) { totalCount nodes { id uscc name } } }');
    expect(expectData(search).subjects.totalCount).toBeGreaterThan(0);
    const [first] = expectData(search).subjects.nodes;
    expect(first.name).toContain('科技');
    const byPrefix = await graphql<{ subjects: { nodes: { uscc: string }[] } }>(
      `{ subjects(search: "${first.uscc.slice(0, 14).toLowerCase()}") { nodes { uscc } } }`,
    );
    expect(expectData(byPrefix).subjects.nodes.map((n) => n.uscc)).toContain(first.uscc);
    const byId = await graphql(`{ subject(id: "${first.id}") { uscc name } }`);
    const byUscc = await graphql(`{ subject(uscc: "${first.uscc}") { uscc name } }`);
    expect(byId.data).toEqual(byUscc.data);
    const missing = await graphql('{ subject(uscc: "9144030071526726XG") { id } }');
    expect(missing).toMatchObject({ data: { subject: null } });
    expect(missing.errors).toBeUndefined();
  });

  it('pages without overlap or gaps', async () => {
    const query =
      'query($after: String) { subjects(first: 40, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }';
    type Page = {
      subjects: { totalCount: number; nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    };
    const one = await graphql<Page>(query);
    const two = await graphql<Page>(query, { after: expectData(one).subjects.pageInfo.endCursor });
    const both = await graphql<Page>(
      '{ subjects(first: 80) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }',
    );
    expect([...expectData(one).subjects.nodes, ...expectData(two).subjects.nodes]).toEqual(
      expectData(both).subjects.nodes,
    );
    expect(expectData(one).subjects.pageInfo.hasNextPage).toBe(true);
  });

  it('pages a subject’s licenses with correct totals', async () => {
    type Profile = {
      subjects: {
        nodes: {
          licenses: {
            totalCount: number;
            nodes: { id: string }[];
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
          };
        }[];
      };
    };
    const result = await graphql<Profile>(
      '{ subjects(first: 50) { nodes { licenses(first: 1) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } } } }',
      {},
      await as('hall'),
    );
    const withSeveral = expectData(result).subjects.nodes.find((n) => n.licenses.totalCount >= 2);
    expect(withSeveral).toBeDefined();
    expect(withSeveral!.licenses.nodes).toHaveLength(1);
    expect(withSeveral!.licenses.pageInfo.hasNextPage).toBe(true);
  });

  it('answers /health/ready at each subgraph, which checks its database', async () => {
    for (const name of SUBGRAPH_NAMES) {
      const response = await fetch(`http://127.0.0.1:${servicePort(name)}/health/ready`);
      expect(response.status).toBe(200);
    }
  });
});

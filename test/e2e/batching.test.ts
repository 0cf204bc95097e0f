import { SUBGRAPH_NAMES } from '../../shared/config/services';
import { expectData } from '../support/expect-data';
import { graphql, sqlStatements } from '../support/gateway';
import { as } from '../support/tokens';

/**
 * No N+1: every cross-entity and per-subject list field goes through a
 * per-request DataLoader, so the statements an operation costs depend on its
 * shape, not on how many subjects it touches. Counted at the pg driver of each
 * subgraph process.
 */
const PROFILE = `
  query Profiles($usccs: [String!]!) {
    screen(usccs: $usccs, scenario: BIDDING) {
      verdict
      hits { id list decidedBy { name } }
      measures { code }
      subject {
        id uscc name kind status creditStatus
        legalRepresentative { name idNumber }
        listEntries { id list decidedBy { code name } }
        penalties(first: 5) { totalCount nodes { decisionNo authority { name } } }
        licenses(first: 5) { totalCount nodes { licenseNo authority { name } } }
        commitments { id template { title } }
        repairCases { id status decidedBy { name } }
      }
    }
  }`;

async function statementsFor(usccs: string[]): Promise<{ total: number; bySubgraph: Record<string, number> }> {
  const before = await Promise.all(SUBGRAPH_NAMES.map(sqlStatements));
  const result = await graphql<{ screen: { subject: { uscc: string } | null }[] }>(
    PROFILE,
    { usccs },
    await as('credit_office'),
  );
  expect(result.errors).toBeUndefined();
  expect(expectData(result).screen.filter((r) => r.subject !== null)).toHaveLength(usccs.length);
  const after = await Promise.all(SUBGRAPH_NAMES.map(sqlStatements));
  const bySubgraph = Object.fromEntries(SUBGRAPH_NAMES.map((name, i) => [name, after[i] - before[i]]));
  return { total: Object.values(bySubgraph).reduce((a, b) => a + b, 0), bySubgraph };
}

async function demoUsccs(count: number): Promise<string[]> {
  const usccs: string[] = [];
  let after: string | null = null;
  while (usccs.length < count) {
    const page: { data?: { subjects: { nodes: { uscc: string | null }[]; pageInfo: { endCursor: string } } } | null } =
      await graphql(
        'query($after: String) { subjects(first: 100, after: $after) { nodes { uscc } pageInfo { endCursor } } }',
        { after },
      );
    usccs.push(...expectData(page).subjects.nodes.flatMap((n) => (n.uscc ? [n.uscc] : [])));
    after = expectData(page).subjects.pageInfo.endCursor;
  }
  return usccs.slice(0, count);
}

/** The relations a profile can reach; the gateway skips a fetch when one is empty for every subject. */
const RELATIONS: ((r: ProfileResult) => boolean)[] = [
  (r) => r.hits.length > 0,
  (r) => r.subject.listEntries.length > 0,
  (r) => r.subject.penalties.totalCount > 0,
  (r) => r.subject.licenses.totalCount > 0,
  (r) => r.subject.commitments.length > 0,
  (r) => r.subject.repairCases.some((c) => c.decidedBy !== null),
];

interface ProfileResult {
  hits: unknown[];
  subject: {
    uscc: string;
    listEntries: unknown[];
    penalties: { totalCount: number };
    licenses: { totalCount: number };
    commitments: unknown[];
    repairCases: { decidedBy: unknown }[];
  };
}

/** Two subjects that between them reach every relation the 200 reach, so both operations have the same shape. */
async function twoCoveringEveryRelation(usccs: string[]): Promise<string[]> {
  const result = await graphql<{ screen: ProfileResult[] }>(PROFILE, { usccs }, await as('credit_office'));
  const profiles = expectData(result).screen;
  const reached = RELATIONS.filter((reaches) => profiles.some(reaches));
  for (const a of profiles) {
    for (const b of profiles) {
      if (reached.every((reaches) => reaches(a) || reaches(b))) return [a.subject.uscc, b.subject.uscc];
    }
  }
  throw new Error('the demo data have no two subjects that reach every relation');
}

describe('batching', () => {
  it('costs the same statements for the profiles of 200 subjects as for 2', async () => {
    const usccs = await demoUsccs(200);
    const pair = await twoCoveringEveryRelation(usccs);
    await statementsFor(pair); // warm-up: connection set-up is not the operation's cost
    const two = await statementsFor(pair);
    const twoHundred = await statementsFor(usccs);
    process.stdout.write(
      `SQL statements: 2 subjects → ${JSON.stringify(two)}; 200 subjects → ${JSON.stringify(twoHundred)}\n`,
    );
    expect(twoHundred.bySubgraph).toEqual(two.bySubgraph);
    expect(two.total).toBeGreaterThan(0);
  });
});

describe('screening', () => {
  it('answers and records 1,000 codes with the statements it needs for 10', async () => {
    const usccs = await demoUsccs(1000);
    const screen = async (codes: string[]) => {
      const before = await sqlStatements('sanctions');
      const result = await graphql<{ screen: { verdict: string }[] }>(
        'query($u: [String!]!) { screen(usccs: $u, scenario: BIDDING, reference: "batch") { uscc found verdict hits { id list } measures { code } } }',
        { u: codes },
        await as('department'),
      );
      expect(expectData(result).screen).toHaveLength(codes.length);
      return (await sqlStatements('sanctions')) - before;
    };
    await screen(usccs.slice(0, 10));
    const ten = await screen(usccs.slice(0, 10));
    const thousand = await screen(usccs);
    process.stdout.write(`screening SQL statements (sanctions): 10 codes → ${ten}; 1,000 codes → ${thousand}\n`);
    expect(thousand).toBe(ten);
    // The scenario's measures, the subjects with their evaluations, their entries, and the record (one statement).
    expect(ten).toBeLessThanOrEqual(4);
  });
});

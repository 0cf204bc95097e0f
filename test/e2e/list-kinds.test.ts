import { demoDataset } from '../../shared/demo/dataset';
import { CreditList } from '../../shared/domain/vocabulary';
import { isActiveEntry } from '../../subgraphs/sanctions/rules/active';
import { chinaToday } from '../support/dates';
import { expectData } from '../support/expect-data';
import { graphql, sqlStatements } from '../support/gateway';
import { as } from '../support/tokens';

/**
 * Issue 13, parts 3 and 4, through the gateway on the demo data: the list-kind
 * catalogue is public reference data; every entry answers its kind and who
 * designated it; screening gives each hit the measures of its kind for the
 * scenario, each with its legal basis, in the same number of statements for
 * 10 codes as for 1,000.
 */
const today = chinaToday();
const active = demoDataset().listEntries.filter((e) => isActiveEntry({ ...e, validFrom: null }, today));
const onlyBlack = (kind: string) =>
  active.find((e) => e.listKind === kind && active.every((o) => o.subjectId !== e.subjectId || o.id === e.id));

interface Hit {
  id: string;
  listKind: { code: string; authorityKind: string; repairableHere: boolean; source: string };
  designatingAuthorityKind: string;
  designatingAuthority: string;
  measures: { code: string; legalBasis: string; basisKind: string | null }[];
}
interface Screened {
  verdict: string;
  hits: Hit[];
  measures: { code: string }[];
}

const SCREEN = `query($u: [String!]!) { screen(usccs: $u, scenario: PUBLIC_PROCUREMENT) { verdict
  hits { id listKind { code authorityKind repairableHere source } designatingAuthorityKind designatingAuthority measures(scenario: PUBLIC_PROCUREMENT) { code legalBasis basisKind } }
  measures { code } } }`;

async function screen(uscc: string): Promise<Screened> {
  const result = await graphql<{ screen: Screened[] }>(SCREEN, { u: [uscc] }, await as('department'));
  expect(result.errors).toBeUndefined();
  return expectData(result).screen[0];
}

describe('list kinds and measures by kind', () => {
  it('publishes the catalogue: who designates each kind, whether it is repaired here, its source', async () => {
    const result = await graphql<{
      listKinds: {
        code: string;
        list: string;
        authorityKind: string;
        repairableHere: boolean;
        turnTo: string | null;
        source: string;
      }[];
    }>('{ listKinds { code list authorityKind repairableHere turnTo source } black: listKinds(list: BLACK) { code } }');
    expect(result.errors).toBeUndefined();
    const court = expectData(result).listKinds.find((k) => k.code === 'COURT_DEFAULTER');
    expect(court).toMatchObject({
      list: 'BLACK',
      authorityKind: 'COURT',
      repairableHere: false,
      turnTo: expect.stringContaining('人民法院'),
      source: expect.stringContaining('失信被执行人'),
    });
    expect(expectData(result).listKinds.length).toBeGreaterThanOrEqual(10);
  });

  it("screening a court 失信被执行人 gives the court's measures; a wage-arrears entry its own; each with its basis", async () => {
    const court = onlyBlack('COURT_DEFAULTER');
    const wages = onlyBlack('WAGE_ARREARS') ?? onlyBlack('WORK_SAFETY_SERIOUS');
    if (!court || !wages)
      throw new Error('the demo dataset lacks an active court or wage-arrears/safety entry on its own');

    const courtScreen = await screen(court.subjectUscc);
    expect(courtScreen.verdict).toBe('RESTRICT');
    const courtHit = courtScreen.hits.find((h) => h.id === court.id)!;
    expect(courtHit).toMatchObject({
      listKind: { code: 'COURT_DEFAULTER', authorityKind: 'COURT', repairableHere: false },
      designatingAuthorityKind: 'COURT',
      designatingAuthority: court.designatingAuthority,
    });
    const courtMeasures = courtHit.measures.map((m) => m.code);
    expect(courtMeasures).toEqual(expect.arrayContaining(['P-COURT-DEFAULTER', 'P-PROCUREMENT']));
    expect(courtMeasures).not.toContain('P-WAGE-ARREARS');
    expect(courtHit.measures.find((m) => m.code === 'P-COURT-DEFAULTER')).toMatchObject({
      basisKind: 'JUDICIAL_INTERPRETATION',
      legalBasis: expect.stringContaining('第八条'),
    });
    // The result's measures are those of its hits' kinds.
    expect(courtScreen.measures.map((m) => m.code).sort()).toEqual([...courtMeasures].sort());

    const otherScreen = await screen(wages.subjectUscc);
    const otherHit = otherScreen.hits.find((h) => h.id === wages.id)!;
    expect(otherHit.listKind.code).toBe(wages.listKind);
    expect(otherHit.designatingAuthorityKind).toBe('LOCAL_DEPARTMENT');
    expect(otherHit.measures.map((m) => m.code)).not.toContain('P-COURT-DEFAULTER');
    expect(otherScreen.measures.map((m) => m.code)).not.toContain('P-COURT-DEFAULTER');
    for (const m of [...courtHit.measures, ...otherHit.measures]) expect(m.legalBasis).not.toMatch(/姑苏/);
  });

  it("the public reads a published entry's kind and designating authority (the published list shows who designated it)", async () => {
    const result = await graphql<{
      publishedList: {
        nodes: {
          listKind: { code: string; list: string };
          designatingAuthorityKind: string;
          designatingAuthority: string;
        }[];
      };
    }>(
      '{ publishedList(list: BLACK, first: 20) { nodes { listKind { code list } designatingAuthorityKind designatingAuthority } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(expectData(result).publishedList.nodes.length).toBeGreaterThan(0);
    for (const n of expectData(result).publishedList.nodes) {
      expect(n.listKind.list).toBe(CreditList.BLACK);
      expect(n.designatingAuthority.length).toBeGreaterThan(0);
    }
  });

  it('kinds and per-hit measures stay batched: 1,000 codes cost the statements of 10', async () => {
    const usccs = [...new Set(demoDataset().subjects.flatMap((s) => (s.uscc ? [s.uscc] : [])))].slice(0, 1000);
    const query =
      'query($u: [String!]!) { screen(usccs: $u, scenario: BIDDING) { verdict hits { id listKind { code name } measures(scenario: BIDDING) { code } } measures { code } } }';
    const cost = async (codes: string[]) => {
      const before = await sqlStatements('sanctions');
      const result = await graphql<{ screen: unknown[] }>(query, { u: codes }, await as('department'));
      expect(result.errors).toBeUndefined();
      expect(expectData(result).screen).toHaveLength(codes.length);
      return (await sqlStatements('sanctions')) - before;
    };
    await cost(usccs.slice(0, 10));
    const ten = await cost(usccs.slice(0, 10));
    const thousand = await cost(usccs);
    process.stdout.write(
      `screening with kinds and per-hit measures, SQL statements (sanctions): 10 codes → ${ten}; 1,000 codes → ${thousand}\n`,
    );
    expect(thousand).toBe(ten);
  });
});

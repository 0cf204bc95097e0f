import { expectData } from '../support/expect-data';
import { gatewayUrl, graphql } from '../support/gateway';
import { clientOperations } from '../support/operations';
import { as } from '../support/tokens';

/**
 * The clients' contract: every document in test/operations runs through the
 * gateway against the demo data, under the role its client has, and returns
 * data, not errors.
 */
const operation = (file: string): string => {
  const found = clientOperations().find((op) => op.file === file);
  if (!found) throw new Error(`missing operation ${file}`);
  return found.source;
};

interface ListPage {
  publishedList: { totalCount: number; nodes: { subject: { uscc: string; name: string } }[] };
}

async function blackListedUscc(): Promise<string> {
  const result = await graphql<ListPage>(
    operation('public-lists.graphql'),
    { list: 'BLACK', first: 1 },
    await as('public'),
  );
  return expectData(result).publishedList.nodes[0].subject.uscc;
}

describe('client operations through the gateway', () => {
  it('covers every operation file', () => {
    expect(clientOperations().map((op) => op.file)).toEqual([
      'analyst-publicity-quality.graphql',
      'dept-batch-screen.graphql',
      'hall-issue-report.graphql',
      'hall-profile.graphql',
      'public-commitments.graphql',
      'public-lists.graphql',
      'public-verify-report.graphql',
    ]);
  });

  it('HallProfile (hall terminal): the unified profile and the prompt for the matter', async () => {
    const uscc = await blackListedUscc();
    const result = await graphql(operation('hall-profile.graphql'), { uscc, scenario: 'BIDDING' }, await as('hall'));
    expect(result.errors).toBeUndefined();
    const data = result.data as {
      subject: Record<string, unknown> & {
        legalRepresentative: { idNumber: string };
        listEntries: unknown[];
        licenses: { totalCount: number };
      };
      screen: { verdict: string; measures: { kind: string }[] }[];
    };
    expect(data.subject.uscc).toBe(uscc);
    expect(data.subject.creditStatus).toBe('BLACK_LISTED');
    expect(data.subject.listEntries.length).toBeGreaterThan(0);
    expect(data.subject.legalRepresentative.idNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(data.screen).toHaveLength(1);
    expect(data.screen[0].verdict).toBe('RESTRICT');
    expect(data.screen[0].measures.length).toBeGreaterThan(0);
    expect(new Set(data.screen[0].measures.map((m) => m.kind))).toEqual(new Set(['PUNISHMENT']));
  });

  it('IssueCreditReport (hall) and VerifyCreditReport (public): a numbered report, genuine by its number and code', async () => {
    const uscc = await blackListedUscc();
    const issued = await graphql<{
      issueCreditReport: {
        number: string;
        verificationCode: string;
        verdict: string;
        sha256: string;
        downloadUrl: string;
        verifyUrl: string;
      };
    }>(
      operation('hall-issue-report.graphql'),
      { uscc, scenario: 'BIDDING', matter: '建设工程招标投标资格审查', purpose: '投标人信用审查' },
      await as('hall'),
    );
    expect(issued.errors).toBeUndefined();
    const report = expectData(issued).issueCreditReport;
    expect(report.verdict).toBe('RESTRICT');
    expect(report.downloadUrl).toBe(`/documents/credit-reports/${report.number}.pdf`);
    const verified = await graphql<{ verifyCreditReport: Record<string, unknown> }>(
      operation('public-verify-report.graphql'),
      { number: report.number, verificationCode: report.verificationCode, sha256: report.sha256 },
      await as('public'),
    );
    expect(verified.errors).toBeUndefined();
    expect(expectData(verified).verifyCreditReport).toMatchObject({
      genuine: true,
      unaltered: true,
      valid: true,
      number: report.number,
      verdict: 'RESTRICT',
      subject: { uscc },
    });
  });

  it('BatchScreen (department): one result per code, in order, a malformed code reported in its own result', async () => {
    const uscc = await blackListedUscc();
    const bad = `${uscc.slice(0, 17)}${uscc[17] === '0' ? '1' : '0'}`;
    const result = await graphql<{ screen: Record<string, unknown>[] }>(
      operation('dept-batch-screen.graphql'),
      {
        usccs: [uscc, 'NOT-A-CODE', bad],
        scenario: 'PUBLIC_PROCUREMENT',
        reference: 'GSCG-2026-0001',
      },
      await as('department'),
    );
    expect(result.errors).toBeUndefined();
    const [hit, malformed, checksum] = expectData(result).screen;
    expect(hit).toMatchObject({ uscc, invalidReason: null, found: true, verdict: 'RESTRICT' });
    expect((hit.subject as { creditStatus: string }).creditStatus).toBe('BLACK_LISTED');
    expect((hit.hits as unknown[]).length).toBeGreaterThan(0);
    expect(malformed).toMatchObject({ uscc: 'NOT-A-CODE', found: false, verdict: null, subject: null });
    expect(malformed.invalidReason).toContain('18位');
    expect(checksum).toMatchObject({ uscc: bad, found: false, verdict: 'CLEAR' });
    expect(checksum.invalidReason).toContain('校验位');
  });

  it('PublishedList (website, no token): the red and black lists, paged', async () => {
    for (const list of ['RED', 'BLACK']) {
      const result = await graphql<ListPage>(operation('public-lists.graphql'), { list, first: 5 }, await as('public'));
      expect(result.errors).toBeUndefined();
      expect(expectData(result).publishedList.totalCount).toBeGreaterThan(0);
      expect(expectData(result).publishedList.nodes.length).toBeGreaterThan(0);
      expect(expectData(result).publishedList.nodes[0].subject.name).toBeTruthy();
    }
  });

  it('PublicCommitments (website, no token): publicized commitments with their subjects', async () => {
    const result = await graphql<{ publicCommitments: { totalCount: number; nodes: { subject: { name: string } }[] } }>(
      operation('public-commitments.graphql'),
      { first: 10 },
      await as('public'),
    );
    expect(result.errors).toBeUndefined();
    expect(expectData(result).publicCommitments.totalCount).toBeGreaterThan(0);
    expect(expectData(result).publicCommitments.nodes).toHaveLength(10);
    expect(expectData(result).publicCommitments.nodes.every((n) => n.subject.name.length > 0)).toBe(true);
  });

  it('PublicityQuality (analyst): figures counted from the submissions', async () => {
    const to = new Date().toISOString().slice(0, 10);
    const result = await graphql<{ publicityQuality: Record<string, number | string>[] }>(
      operation('analyst-publicity-quality.graphql'),
      {
        from: '2022-01-01',
        to,
      },
      await as('analyst'),
    );
    expect(result.errors).toBeUndefined();
    const rows = expectData(result).publicityQuality;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.accepted as number).toBeLessThanOrEqual(row.submitted as number);
      expect(row.rejected).toBe((row.submitted as number) - (row.accepted as number));
      expect(row.acceptedRate).toBeCloseTo((row.accepted as number) / (row.submitted as number), 3);
      expect(row.timely as number).toBeLessThanOrEqual(row.accepted as number);
    }
    const total = rows.reduce((sum, row) => sum + (row.submitted as number), 0);
    const rejected = rows.reduce((sum, row) => sum + (row.rejected as number), 0);
    expect(rejected).toBeGreaterThan(0);
    expect(rejected).toBeLessThan(total);
  });
});

describe('publicity quality for a department, with targets, and as CSV', () => {
  it('filters by department and flags missed targets against the rule table', async () => {
    const result = await graphql<{
      publicityQuality: {
        department: { code: string };
        acceptedRate: number;
        timelyRate: number;
        acceptedTargetMet: boolean;
        timelyTargetMet: boolean;
      }[];
    }>(
      '{ publicityQuality(from: "2022-01-01", to: "2026-12-31", department: "gusu.scjgj") { department { code } acceptedRate timelyRate acceptedTargetMet timelyTargetMet } }',
      {},
      await as('analyst'),
    );
    const rows = expectData(result).publicityQuality;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.department.code === 'gusu.scjgj')).toBe(true);
    for (const row of rows) {
      expect(row.acceptedTargetMet).toBe(row.acceptedRate >= 0.98);
      expect(row.timelyTargetMet).toBe(row.timelyRate >= 0.95);
    }
  });

  it('exports the figures as CSV for a token with credit:stats, and refuses others', async () => {
    const url = `${gatewayUrl()}/reports/publicity-quality.csv?from=2022-01-01&to=2026-12-31`;
    const csv = await fetch(url, { headers: await as('analyst') });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      '部门代码,部门名称,类别,提供记录数,有效入库数,退回数,有效入库率,按时入库数,入库时效性,入库率达标,时效性达标,接口调用报送数,文件报送数,人工录入数,渠道未记录数,接口调用比例',
    );
    expect(lines.length).toBeGreaterThan(2);
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: await as('hall') })).status).toBe(403);
    expect(
      (
        await fetch(`${gatewayUrl()}/reports/publicity-quality.csv?from=2026-13-01&to=2026-12-31`, {
          headers: await as('analyst'),
        })
      ).status,
    ).toBe(400);
  });
});

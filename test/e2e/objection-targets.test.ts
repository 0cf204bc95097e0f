import { demoDataset } from '../../shared/demo/dataset';
import { completeUscc } from '../../shared/identifiers/uscc';
import { daysAgo } from '../support/dates';
import { expectData } from '../support/expect-data';
import { graphql } from '../support/gateway';
import {
  acceptObjection,
  decideObjection,
  departmentHeaders,
  fileObjectionOnline,
  subjectHeaders,
} from '../support/objections';
import { as } from '../support/tokens';
import { until } from '../support/until';

/**
 * Issue 18, objections beyond penalties and list entries: a licence and another administrative action
 * (decided by the department that reported them; upheld with WITHDRAWN, the licence becomes 无效 and the
 * action leaves public view) and the district evaluation (decided by the credit office alone; upheld,
 * the subject is evaluated again — never "withdrawn"). Each is marked 异议处理中 while open.
 */
const [authority, otherDepartment] = demoDataset().departments;

let serial = 0;
function newUscc(): string {
  serial += 1;
  return completeUscc(
    `91320508MF${String((Date.now() % 1e4) * 100 + serial)
      .padStart(7, '0')
      .slice(-7)}`,
  );
}

const owner = () => departmentHeaders(authority.code);
const party = (uscc: string, label: string) => ({
  partyName: `苏州异议对象测试${label}有限公司`,
  partyClass: '法人及非法人组织',
  uscc,
  authorityName: authority.name,
  authorityUscc: authority.uscc,
});

async function reportLicense(uscc: string, licenseNo: string): Promise<void> {
  const reported = await graphql<{ reportLicenses: { accepted: number } }>(
    'mutation($r: [LicenseReport!]!) { reportLicenses(records: $r) { accepted rejections { reasons { field message } } } }',
    {
      r: [
        {
          ...party(uscc, '许可'),
          documentName: '食品经营许可决定书',
          licenseNo,
          category: '核准',
          title: '食品经营许可证',
          certificateNo: `JY1320508${uscc.slice(-7)}`,
          content: '准予食品经营许可',
          decidedAt: daysAgo(2),
          validFrom: daysAgo(2),
          validUntil: daysAgo(-1825),
        },
      ],
    },
    await owner(),
  );
  expect(expectData(reported).reportLicenses.accepted).toBe(1);
}

interface LicenseView {
  id: string;
  licenseNo: string;
  status: string;
  objectionPending: boolean;
}

async function publicLicenses(uscc: string): Promise<LicenseView[]> {
  const read = await graphql<{ subject: { licenses: { nodes: LicenseView[] } } | null }>(
    `{ subject(uscc: "${uscc}") { licenses(first: 5) { nodes { id licenseNo status objectionPending } } } }`,
    {},
    await as('public'),
  );
  return expectData(read).subject?.licenses.nodes ?? [];
}

interface ActionView {
  id: string;
  documentNo: string;
  objectionPending: boolean;
}

async function actionsAs(uscc: string, headers: Record<string, string>): Promise<ActionView[]> {
  const read = await graphql<{ subject: { actions: { nodes: ActionView[] } } | null }>(
    `{ subject(uscc: "${uscc}") { actions(first: 5) { nodes { id documentNo objectionPending } } } }`,
    {},
    headers,
  );
  return expectData(read).subject?.actions.nodes ?? [];
}

async function ownEvaluation(uscc: string) {
  const read = await graphql<{
    mySubject: {
      id: string;
      creditEvaluation: { score: number; evaluatedAt: string; objectionPending: boolean } | null;
    };
  }>('{ mySubject { id creditEvaluation { score evaluatedAt objectionPending } } }', {}, await subjectHeaders(uscc));
  return expectData(read).mySubject;
}

describe('objections to licences, other actions and the district evaluation (issue 18)', () => {
  it('a licence: marked while open, decided by its department only, upheld WITHDRAWN makes it 无效', async () => {
    const uscc = newUscc();
    const licenseNo = `姑苏异议测许〔2026〕${uscc.slice(-7)}号`;
    await reportLicense(uscc, licenseNo);
    const [license] = await publicLicenses(uscc);
    expect(license).toMatchObject({ licenseNo, status: 'VALID', objectionPending: false });

    const receipt = await fileObjectionOnline({ kind: 'LICENSE', id: license.id }, await subjectHeaders(uscc));
    expect(receipt).toMatchObject({ status: 'SUBMITTED', channel: 'ONLINE' });
    await until(
      'the licence marked',
      () => publicLicenses(uscc),
      (l) => l[0]?.objectionPending === true,
    );
    // Another subject cannot object to it: it answers as a licence that does not exist.
    const stranger = await graphql(
      'mutation($i: ObjectionInput!) { fileObjection(input: $i) { caseId } }',
      { i: { target: { kind: 'LICENSE', id: license.id }, grounds: '冒名异议' } },
      await subjectHeaders(newUscc()),
    );
    expect(stranger.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'input.target.id' });

    expect(expectData(await acceptObjection(receipt.caseId, await owner())).acceptObjection?.status).toBe('ACCEPTED');
    const byOffice = await decideObjection(
      { id: receipt.caseId, upheld: true, outcome: 'WITHDRAWN', note: '代为决定' },
      await as('credit_office'),
    );
    expect(byOffice.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const upheld = await decideObjection(
      { id: receipt.caseId, upheld: true, outcome: 'WITHDRAWN', note: '经核查，许可信息报送有误，予以撤回' },
      await owner(),
    );
    expect(expectData(upheld).decideObjection).toMatchObject({
      status: 'UPHELD',
      target: 'LICENSE',
      handledBy: { code: authority.code },
    });

    const [after] = await until(
      'the licence withdrawn',
      () => publicLicenses(uscc),
      (l) => l[0]?.status === 'INVALID',
    );
    expect(after.objectionPending).toBe(false);
    const own = await graphql<{ mySubject: { licenses: { nodes: { invalidationReason: string | null }[] } } }>(
      '{ mySubject { licenses(first: 5) { nodes { invalidationReason } } } }',
      {},
      await subjectHeaders(uscc),
    );
    const reason = expectData(own).mySubject.licenses.nodes[0].invalidationReason ?? '';
    expect(reason).toContain('异议成立');
    expect(reason).toContain(receipt.caseNumber);
  });

  it('an action: upheld WITHDRAWN, it leaves public view and sharing; its department and the subject still see it', async () => {
    const uscc = newUscc();
    const documentNo = `姑苏异议测强〔2026〕${uscc.slice(-7)}号`;
    const reported = await graphql<{ reportActions: { accepted: number } }>(
      'mutation($r: [ActionReport!]!) { reportActions(records: $r) { accepted rejections { reasons { field message } } } }',
      {
        r: [
          {
            ...party(uscc, '行为'),
            actionKind: '行政强制',
            documentNo,
            title: '查封经营场所',
            content: '查封涉案经营场所',
            decidedAt: daysAgo(2),
          },
        ],
      },
      await owner(),
    );
    expect(expectData(reported).reportActions.accepted).toBe(1);
    const [action] = await actionsAs(uscc, await as('public'));
    expect(action).toMatchObject({ documentNo, objectionPending: false });

    const receipt = await fileObjectionOnline({ kind: 'ACTION', id: action.id }, await subjectHeaders(uscc));
    await until(
      'the action marked',
      () => actionsAs(uscc, {}),
      (a) => a[0]?.objectionPending === true,
    );
    await acceptObjection(receipt.caseId, await owner());
    const upheld = await decideObjection(
      { id: receipt.caseId, upheld: true, outcome: 'WITHDRAWN', note: '经核查，强制措施已解除且系误报' },
      await owner(),
    );
    expect(expectData(upheld).decideObjection).toMatchObject({ status: 'UPHELD', target: 'ACTION' });

    await until(
      'the action gone from public view',
      () => actionsAs(uscc, {}),
      (a) => a.length === 0,
    );
    // Another department (credit:read) no longer has it shared; its own department and the subject still see it.
    expect(await actionsAs(uscc, await departmentHeaders(otherDepartment.code))).toEqual([]);
    expect((await actionsAs(uscc, await owner())).map((a) => a.id)).toEqual([action.id]);
    const own = await graphql<{
      mySubject: { actions: { nodes: { id: string; withdrawnAt: string | null; withdrawalReason: string | null }[] } };
    }>(
      '{ mySubject { actions(first: 5) { nodes { id withdrawnAt withdrawalReason } } } }',
      {},
      await subjectHeaders(uscc),
    );
    const [mine] = expectData(own).mySubject.actions.nodes;
    expect(mine.id).toBe(action.id);
    expect(mine.withdrawnAt).not.toBeNull();
    expect(mine.withdrawalReason).toContain(receipt.caseNumber);
  });

  it('the district evaluation: the credit office decides, WITHDRAWN is refused, upheld it is evaluated again', async () => {
    const uscc = newUscc();
    await reportLicense(uscc, `姑苏异议测评〔2026〕${uscc.slice(-7)}号`);
    const graded = await until(
      'the subject evaluated',
      () => ownEvaluation(uscc),
      (s) => s.creditEvaluation !== null,
    );
    const subjectId = graded.id;
    const first = graded.creditEvaluation!;
    expect(first.objectionPending).toBe(false);

    // Objected to by its id; an unknown subject's evaluation answers NOT_FOUND, as does another's.
    const unknown = await graphql(
      'mutation($i: ObjectionInput!) { fileObjection(input: $i) { caseId } }',
      { i: { target: { kind: 'EVALUATION', id: '00000000-0000-4000-8000-000000000000' }, grounds: '评价有误' } },
      await subjectHeaders(uscc),
    );
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'input.target.id' });
    const receipt = await fileObjectionOnline(
      { kind: 'EVALUATION', id: subjectId },
      await subjectHeaders(uscc),
      '已履行的许可事项未计入评价',
    );
    const other = await graphql(
      'mutation($i: ObjectionInput!) { fileObjection(input: $i) { caseId } }',
      { i: { target: { kind: 'EVALUATION', id: subjectId }, grounds: '冒名异议' } },
      await subjectHeaders(newUscc()),
    );
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await until(
      'the evaluation marked',
      () => ownEvaluation(uscc),
      (s) => s.creditEvaluation?.objectionPending === true,
    );

    // No department handles it, not even the one that reported the licence: the credit office does.
    const byDepartment = await acceptObjection(receipt.caseId, await owner());
    expect(byDepartment.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const office = await as('credit_office');
    expect(expectData(await acceptObjection(receipt.caseId, office)).acceptObjection?.status).toBe('ACCEPTED');
    const withdrawn = await decideObjection(
      { id: receipt.caseId, upheld: true, outcome: 'WITHDRAWN', note: '撤回评价' },
      office,
    );
    expect(withdrawn.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.outcome' });
    const stillOpen = await graphql<{ objectionCase: { status: string } }>(
      `{ objectionCase(id: "${receipt.caseId}") { status } }`,
      {},
      office,
    );
    expect(expectData(stillOpen).objectionCase.status).toBe('ACCEPTED');

    const upheld = await decideObjection(
      { id: receipt.caseId, upheld: true, outcome: 'CORRECTED', note: '经核查，按更正后的信息重新评价' },
      office,
    );
    expect(expectData(upheld).decideObjection).toMatchObject({
      status: 'UPHELD',
      outcome: 'CORRECTED',
      target: 'EVALUATION',
      handledBy: null,
      decidedBy: { code: 'gusu.xyb' },
    });
    const again = await until(
      'the subject evaluated again',
      () => ownEvaluation(uscc),
      (s) => s.creditEvaluation?.objectionPending === false,
    );
    expect(new Date(again.creditEvaluation!.evaluatedAt).getTime()).toBeGreaterThan(
      new Date(first.evaluatedAt).getTime(),
    );
  });
});

import { runSql } from '../../scripts/fresh-database';
import { demoDataset } from '../../shared/demo/dataset';
import { CN_HOLIDAY_CALENDAR } from '../../shared/domain/holiday-calendar-cn';
import { WorkingDayCalendar } from '../../shared/domain/working-days';
import { completeResidentId } from '../../shared/identifiers/resident-id';
import { completeUscc } from '../../shared/identifiers/uscc';
import { chinaToday, daysAgo } from '../support/dates';
import { reportingFor, testDepartment } from '../support/directory';
import { expectData } from '../support/expect-data';
import { graphql, sqlStatements, systemDatabaseUrl } from '../support/gateway';
import { as, tokenFor } from '../support/tokens';

/**
 * 双公示 reporting by interface (issue 5): per-record validation, idempotent
 * upserts on authority + document number, rejected records kept with their
 * reasons, and the quality figures counted from what arrived. Each test
 * reports as a department of its own (the token's org), so the figures it
 * reads are its own.
 */
const RESULT =
  'received accepted rejected created updated unchanged rejections { index rowNumber documentNo reasons { field code message } }';
const REPORT_PENALTIES = `mutation Report($records: [PenaltyReport!]!) { reportPenalties(records: $records) { ${RESULT} } }`;
const REPORT_LICENSES = `mutation Report($records: [LicenseReport!]!) { reportLicenses(records: $records) { ${RESULT} } }`;
const REPORT_ACTIONS = `mutation Report($records: [ActionReport!]!) { reportActions(records: $records) { ${RESULT} } }`;
const QUALITY = `query Q($from: Date!, $to: Date!, $department: String) {
  publicityQuality(from: $from, to: $to, department: $department) { kind submitted accepted rejected timely acceptedTargetMet timelyTargetMet }
}`;

interface Result {
  received: number;
  accepted: number;
  rejected: number;
  created: number;
  updated: number;
  unchanged: number;
  rejections: {
    index: number;
    rowNumber: number | null;
    documentNo: string | null;
    reasons: { field: string; code: string; message: string }[];
  }[];
}

const today = chinaToday();
const authority = demoDataset().departments[0];
const calendar = new WorkingDayCalendar(CN_HOLIDAY_CALENDAR);

/** A fresh, valid USCC in 姑苏区 from a counter. */
let serial = 0;
function newUscc(): string {
  serial += 1;
  return completeUscc(
    `91320508MA${String((Date.now() % 1e4) * 1000 + serial)
      .padStart(7, '0')
      .slice(-7)}`,
  );
}

function penalty(decisionNo: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    partyName: '苏州测试贸易有限公司',
    partyClass: '法人及非法人组织',
    uscc: newUscc(),
    legalRepresentative: '张三',
    decisionNo,
    violationType: '未按规定公示年度报告',
    facts: '当事人未按规定期限公示年度报告。',
    legalBasis: '《企业信息公示暂行条例》第十八条',
    categories: ['警告', '罚款'],
    content: '警告，罚款人民币五千元',
    fineAmount: '0.5',
    decidedAt: daysAgo(2),
    validUntil: daysAgo(-365),
    severity: '一般',
    authorityName: authority.name,
    authorityUscc: authority.uscc,
    ...overrides,
  };
}

/** A test department of the directory: delegated to report in the authority's name unless `delegated` is false. */
async function departmentToken(org: string, delegated = true): Promise<Record<string, string>> {
  if (delegated) await reportingFor(authority.code, org);
  else await testDepartment(org);
  return { authorization: `Bearer ${await tokenFor('department', { org })}` };
}

async function report(
  query: string,
  records: Record<string, unknown>[],
  headers: Record<string, string>,
  field: string,
): Promise<Result> {
  const result = await graphql<Record<string, Result>>(query, { records }, headers);
  expect(result.errors).toBeUndefined();
  return expectData(result)[field];
}

async function quality(department: string): Promise<unknown> {
  const result = await graphql<{ publicityQuality: unknown[] }>(
    QUALITY,
    { from: daysAgo(400), to: today, department },
    await as('analyst'),
  );
  expect(result.errors).toBeUndefined();
  return expectData(result).publicityQuality;
}

function codesOf(result: Result): Record<number, string[]> {
  return Object.fromEntries(
    result.rejections.map((r) => [r.index, r.reasons.map((p) => `${p.field}:${p.code}`).sort()]),
  );
}

describe('reporting 双公示 records by interface', () => {
  it('accepts valid records, rejects each bad one with every reason, and changes nothing when sent again', async () => {
    const org = 'test.report.mixed';
    const headers = await departmentToken(org);
    const bornOk = completeResidentId('32050819800101123');
    const valid = newUscc();
    const wrongCheck = `${valid.slice(0, 17)}${valid[17] === '0' ? '1' : '0'}`;
    const records = [
      penalty('苏姑市监罚〔2026〕T001号'), // 0 valid, new subject
      penalty('苏姑市监罚〔2026〕T002号', {
        partyClass: '自然人',
        uscc: null,
        idType: '身份证',
        idNumber: bornOk,
        partyName: '李四',
      }), // 1 valid person
      penalty('苏姑市监罚〔2026〕T003号', { uscc: `${newUscc().slice(0, 17)}#` }), // 2 bad charset
      penalty('苏姑市监罚〔2026〕T004号', { decidedAt: daysAgo(-1) }), // 3 future
      penalty('苏姑市监罚〔2026〕T005号', { facts: '  ', legalBasis: null }), // 4 two required
      penalty('苏姑市监罚〔2026〕T006号', { fineAmount: '五千元' }), // 5 amount
      penalty('苏姑市监罚〔2026〕T007号', { authorityUscc: completeUscc('11320508MB9999999') }), // 6 unknown authority
      penalty('苏姑市监罚〔2026〕T008号', { severity: '很严重', categories: ['警告', '打板子'] }), // 7 enum values
      penalty('苏姑市监罚〔2026〕T009号', { validUntil: daysAgo(10) }), // 8 validity before decision
      penalty('苏姑市监罚〔2026〕T010号', { uscc: wrongCheck }), // 9 bad check digit
      penalty('苏姑市监罚〔2026〕T011号', { uscc: wrongCheck, usccConfirmed: '是' }), // 10 confirmed: accepted
      penalty('苏姑市监罚〔2026〕T001号', { content: '警告，罚款人民币五千元（更正）' }), // 11 same key as 0: the later wins
      penalty('苏姑市监罚〔2026〕T012号', { categories: ['罚款'], fineAmount: null }), // 12 fine without amount
    ];
    const first = await report(REPORT_PENALTIES, records, headers, 'reportPenalties');
    expect(codesOf(first)).toEqual({
      0: ['decisionNo:DUPLICATE'],
      2: ['uscc:INVALID_FORMAT'],
      3: ['decidedAt:FUTURE_DATE'],
      4: ['facts:REQUIRED', 'legalBasis:REQUIRED'],
      5: ['fineAmount:INVALID_FORMAT'],
      6: ['authorityUscc:UNKNOWN_AUTHORITY'],
      7: ['categories:INVALID_VALUE', 'severity:INVALID_VALUE'],
      8: ['validUntil:DATE_ORDER'],
      9: ['uscc:INVALID_CHECKSUM'],
      12: ['fineAmount:REQUIRED'],
    });
    expect(first).toMatchObject({ received: 13, accepted: 3, rejected: 10, created: 3, updated: 0, unchanged: 0 });
    expect(first.rejections.find((r) => r.index === 3)?.documentNo).toBe('苏姑市监罚〔2026〕T004号');
    const figures = await quality(org);
    expect(figures).toEqual([
      {
        kind: 'PENALTY',
        submitted: 13,
        accepted: 3,
        rejected: 10,
        timely: 3,
        acceptedTargetMet: false,
        timelyTargetMet: true,
      },
    ]);

    const again = await report(REPORT_PENALTIES, records, headers, 'reportPenalties');
    expect(again).toMatchObject({ received: 13, accepted: 3, rejected: 10, created: 0, updated: 0, unchanged: 3 });
    expect(codesOf(again)).toEqual(codesOf(first));
    expect(await quality(org)).toEqual(figures);

    // What was rejected is kept as sent, with its reasons, for correction.
    const kept = await graphql<{
      reportSubmissions: {
        totalCount: number;
        nodes: {
          documentNo: string;
          outcome: string;
          reasons: { field: string; code: string }[];
          payload: Record<string, unknown>;
        }[];
      };
    }>(
      '{ reportSubmissions(kind: PENALTY, first: 100) { totalCount nodes { documentNo outcome reasons { field code } payload } } }',
      {},
      headers,
    );
    expect(expectData(kept).reportSubmissions.totalCount).toBe(10);
    const future = expectData(kept).reportSubmissions.nodes.find((n) => n.documentNo === '苏姑市监罚〔2026〕T004号');
    expect(future).toMatchObject({
      outcome: 'REJECTED',
      reasons: [{ field: 'decidedAt', code: 'FUTURE_DATE' }],
      payload: { ...records[3], categories: ['警告', '罚款'] },
    });

    // The later of the two T001 records is what the platform holds, with its party found by code.
    const profile = await graphql<{
      subject: {
        name: string;
        penalties: { nodes: { decisionNo: string; content: string; reportedAt: string | null }[] };
      };
    }>(
      'query($uscc: String!) { subject(uscc: $uscc) { name penalties(first: 5) { nodes { decisionNo content reportedAt } } } }',
      { uscc: records[11].uscc },
      headers,
    );
    expect(expectData(profile).subject.name).toBe('苏州测试贸易有限公司');
    expect(expectData(profile).subject.penalties.nodes).toEqual([
      {
        decisionNo: '苏姑市监罚〔2026〕T001号',
        content: '警告，罚款人民币五千元（更正）',
        reportedAt: expect.any(String),
      },
    ]);
  });

  it('lets a department correct a rejected record and update an accepted one, never duplicating', async () => {
    const org = 'test.report.correct';
    const headers = await departmentToken(org);
    const good = penalty('苏姑市监罚〔2026〕C001号');
    const bad = penalty('苏姑市监罚〔2026〕C002号', { decidedAt: '2026-02-30' });
    const first = await report(REPORT_PENALTIES, [good, bad], headers, 'reportPenalties');
    expect(codesOf(first)).toEqual({ 1: ['decidedAt:INVALID_FORMAT'] });

    const corrected = await report(
      REPORT_PENALTIES,
      [
        { ...bad, decidedAt: daysAgo(3) },
        { ...good, content: '警告' },
      ],
      headers,
      'reportPenalties',
    );
    expect(corrected).toMatchObject({ accepted: 2, rejected: 0, created: 1, updated: 1, unchanged: 0 });
    // One row per record: the corrected one now counts as accepted.
    expect(await quality(org)).toEqual([
      {
        kind: 'PENALTY',
        submitted: 2,
        accepted: 2,
        rejected: 0,
        timely: 2,
        acceptedTargetMet: true,
        timelyTargetMet: true,
      },
    ]);

    // Another delegate of the same authority may not overwrite it; a department without a delegation may not report for it at all.
    const other = await report(
      REPORT_PENALTIES,
      [{ ...good, content: '改' }],
      await departmentToken('test.report.otherdelegate'),
      'reportPenalties',
    );
    expect(codesOf(other)).toEqual({ 0: ['decisionNo:REPORTED_BY_OTHER'] });
    const stranger = await report(
      REPORT_PENALTIES,
      [{ ...good, content: '改' }],
      await departmentToken('test.report.other', false),
      'reportPenalties',
    );
    expect(codesOf(stranger)).toEqual({ 0: ['authorityUscc:AUTHORITY_NOT_OWN'] });
  });

  it('checks licences and counts other actions against 7 working days', async () => {
    const org = 'test.report.license';
    const headers = await departmentToken(org);
    const license = {
      partyName: '苏州测试餐饮有限公司',
      partyClass: '法人及非法人组织',
      uscc: newUscc(),
      documentName: '食品经营许可决定书',
      licenseNo: '姑市监许〔2026〕L001号',
      category: '核准',
      title: '食品经营许可证',
      certificateNo: 'JY13205080000001',
      content: '准予食品经营许可',
      decidedAt: daysAgo(1),
      validFrom: daysAgo(1),
      validUntil: daysAgo(-1825),
      authorityName: authority.name,
      authorityUscc: authority.uscc,
    };
    const licenses = await report(
      REPORT_LICENSES,
      [license, { ...license, licenseNo: '姑市监许〔2026〕L002号', validUntil: daysAgo(30), category: '许可' }],
      headers,
      'reportLicenses',
    );
    expect(licenses).toMatchObject({ accepted: 1, rejected: 1, created: 1 });
    expect(codesOf(licenses)).toEqual({ 1: ['category:INVALID_VALUE', 'validUntil:DATE_ORDER'] });

    // The earliest decision still in time today under 7 working days, and the day before it.
    let back = 1;
    while (calendar.addWorkingDays(daysAgo(back), 7) >= today) back += 1;
    const inTime = daysAgo(back - 1);
    const late = daysAgo(back);
    expect(back).toBeGreaterThan(7);
    const action = (documentNo: string, decidedAt: string) => ({
      partyName: '苏州测试科技有限公司',
      partyClass: '法人及非法人组织',
      uscc: newUscc(),
      actionKind: '行政奖励',
      documentNo,
      title: '守信激励',
      content: '评为守信企业',
      decidedAt,
      authorityName: authority.name,
      authorityUscc: authority.uscc,
    });
    const actions = await report(
      REPORT_ACTIONS,
      [
        action('姑奖〔2026〕1号', inTime),
        action('姑奖〔2026〕2号', late),
        { ...action('姑奖〔2026〕3号', inTime), actionKind: '表扬' },
      ],
      headers,
      'reportActions',
    );
    expect(actions).toMatchObject({ accepted: 2, rejected: 1 });
    expect(await quality(org)).toEqual(
      [
        {
          kind: 'LICENSE',
          submitted: 2,
          accepted: 1,
          rejected: 1,
          timely: 1,
          acceptedTargetMet: false,
          timelyTargetMet: true,
        },
        {
          kind: 'ACTION',
          submitted: 3,
          accepted: 2,
          rejected: 1,
          timely: 1,
          acceptedTargetMet: false,
          timelyTargetMet: false,
        },
      ].sort((a, b) => a.kind.localeCompare(b.kind)),
    );
  });

  it('refuses calls it cannot take whole, and costs the same statements for 10 or 100 records', async () => {
    const headers = await departmentToken('test.report.limits');
    const empty = await graphql(REPORT_PENALTIES, { records: [] }, headers);
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'records' });
    const tooMany = await graphql(
      REPORT_PENALTIES,
      { records: Array.from({ length: 5001 }, (_, i) => ({ decisionNo: `x${i}` })) },
      headers,
    );
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'records' });
    const orgless = await graphql(
      REPORT_PENALTIES,
      { records: [penalty('姑X〔2026〕1号')] },
      { authorization: `Bearer ${await tokenFor('department', { org: '' })}` },
    );
    expect(orgless.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const hall = await graphql(REPORT_PENALTIES, { records: [penalty('姑X〔2026〕2号')] }, await as('hall'));
    expect(hall.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHORIZED_FIELD_OR_TYPE']);

    const cost = async (count: number, prefix: string): Promise<number> => {
      const before = await sqlStatements('subjects');
      const records = Array.from({ length: count }, (_, i) =>
        penalty(`姑S〔2026〕${prefix}${i}号`, i % 5 === 0 ? { decidedAt: 'bad' } : {}),
      );
      const result = await report(REPORT_PENALTIES, records, headers, 'reportPenalties');
      expect(result.rejected).toBe(count / 5);
      return (await sqlStatements('subjects')) - before;
    };
    expect(await cost(10, 'a')).toBe(await cost(100, 'b'));
  });

  it('rejects identical records without a document number each, in one call, and keeps one submission of them', async () => {
    const headers = await departmentToken('test.report.twins');
    const twin = { partyName: '苏州测试重复有限公司' };
    const result = await report(REPORT_PENALTIES, [twin, twin, twin], headers, 'reportPenalties');
    expect(result).toMatchObject({ received: 3, accepted: 0, rejected: 3 });
    expect(result.rejections.map((r) => r.index)).toEqual([0, 1, 2]);
    const again = await report(REPORT_PENALTIES, [twin, twin, twin], headers, 'reportPenalties');
    expect(again).toMatchObject({ received: 3, rejected: 3 });
    const rows = await runSql(
      systemDatabaseUrl(),
      "select count(*)::int as n from subjects.submission where department_code = 'test.report.twins'",
    );
    expect(rows[0].n).toBe(1);
  });

  it('makes a subject first met in a report known to screening, through an event', async () => {
    const headers = await departmentToken('test.report.register');
    const record = penalty('姑市监罚〔2026〕E001号');
    await report(REPORT_PENALTIES, [record], headers, 'reportPenalties');
    const found = async () =>
      expectData(
        await graphql<{ screen: { found: boolean }[] }>(
          'query($u: [String!]!) { screen(usccs: $u, scenario: BIDDING) { found } }',
          { u: [record.uscc] },
          headers,
        ),
      ).screen[0].found;
    const started = Date.now();
    while (!(await found())) {
      if (Date.now() - started > 15_000) throw new Error('the new subject never reached the sanctions index');
      await new Promise((r) => setTimeout(r, 250));
    }
  });

  it('revokes a penalty: the public stops seeing it, the department still does', async () => {
    const org = 'test.report.revoke';
    const headers = await departmentToken(org);
    const record = penalty('姑市监罚〔2026〕R001号');
    await report(REPORT_PENALTIES, [record], headers, 'reportPenalties');
    const visible = async (who: Record<string, string>) =>
      expectData(
        await graphql<{ subject: { penalties: { totalCount: number } } }>(
          'query($u: String!) { subject(uscc: $u) { penalties { totalCount } } }',
          { u: record.uscc },
          who,
        ),
      ).subject.penalties.totalCount;
    expect(await visible({})).toBe(1);
    const revoke = `mutation { revokePenalty(authorityUscc: "${authority.uscc}", decisionNo: "姑市监罚〔2026〕R001号", reason: "复议决定撤销") { revokedAt revocationReason } }`;
    const other = await graphql(revoke, {}, await departmentToken('test.report.other', false));
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const revoked = await graphql<{ revokePenalty: { revokedAt: string; revocationReason: string } }>(
      revoke,
      {},
      headers,
    );
    expect(expectData(revoked).revokePenalty.revocationReason).toBe('复议决定撤销');
    const twice = await graphql<{ revokePenalty: { revokedAt: string } }>(revoke, {}, headers);
    expect(expectData(twice).revokePenalty.revokedAt).toBe(expectData(revoked).revokePenalty.revokedAt);
    expect(await visible({})).toBe(0);
    expect(await visible(await as('hall'))).toBe(0);
    expect(await visible(headers)).toBe(1);
  });
});

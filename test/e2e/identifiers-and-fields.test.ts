import { templateHeader } from '../../ingest/files/columns';
import { demoDataset } from '../../shared/demo/dataset';
import { completeResidentId } from '../../shared/identifiers/resident-id';
import { completeUscc } from '../../shared/identifiers/uscc';
import { REPORT_FIELDS } from '../../shared/reporting/fields';
import { daysAgo } from '../support/dates';
import { reportingFor, testDepartment } from '../support/directory';
import { expectData } from '../support/expect-data';
import { gatewayUrl, graphql } from '../support/gateway';
import { as, tokenFor } from '../support/tokens';

/**
 * Issue 13 parts 5 and 6 through the running system: the one look-up rule for
 * USCCs, an 个体工商户 reported by its 工商注册号, ID types, and a licence's
 * 当前状态 with its revocation.
 */
const RESULT = 'accepted rejected rejections { index reasons { field code message } }';
const REPORT_PENALTIES = `mutation Report($records: [PenaltyReport!]!) { reportPenalties(records: $records) { ${RESULT} } }`;
const REPORT_LICENSES = `mutation Report($records: [LicenseReport!]!) { reportLicenses(records: $records) { ${RESULT} } }`;

interface Result {
  accepted: number;
  rejected: number;
  rejections: { index: number; reasons: { field: string; code: string; message: string }[] }[];
}

const authority = demoDataset().departments[0];
const run = String(Date.now() % 1e8).padStart(8, '0');

function penalty(decisionNo: string, party: Record<string, unknown>): Record<string, unknown> {
  return {
    partyName: '苏州测试贸易有限公司',
    partyClass: '法人及非法人组织',
    decisionNo,
    violationType: '未按规定公示年度报告',
    facts: '当事人未按规定期限公示年度报告。',
    legalBasis: '《企业信息公示暂行条例》第十八条',
    categories: ['警告'],
    content: '警告',
    decidedAt: daysAgo(2),
    validUntil: daysAgo(-365),
    severity: '一般',
    authorityName: authority.name,
    authorityUscc: authority.uscc,
    ...party,
  };
}

async function departmentHeaders(org: string): Promise<Record<string, string>> {
  await reportingFor(authority.code, org);
  return { authorization: `Bearer ${await tokenFor('department', { org })}` };
}

async function report(
  query: string,
  records: Record<string, unknown>[],
  headers: Record<string, string>,
): Promise<Result> {
  const result = await graphql<Record<string, Result>>(query, { records }, headers);
  expect(result.errors).toBeUndefined();
  return Object.values(expectData(result))[0];
}

describe('identifiers and 双公示 fields, end to end', () => {
  it('reports a penalty for an 个体工商户 known only by its 工商注册号, with its other codes', async () => {
    const headers = await departmentHeaders('test.id13.shop');
    const registrationNo = `320508${run.slice(-8)}9`; // 15 digits, 姑苏区
    const result = await report(
      REPORT_PENALTIES,
      [
        penalty(`苏姑市监罚〔2026〕ID13-${run}-1号`, {
          partyName: `姑苏区测试面馆${run}`,
          partyClass: '个体工商户',
          registrationNo,
          legalRepresentative: '王五',
          legalRepIdType: '身份证',
          legalRepIdNumber: completeResidentId('32050819800101123'),
          remarks: '个体工商户无统一社会信用代码',
        }),
      ],
      headers,
    );
    expect(result).toMatchObject({ accepted: 1, rejected: 0 });
    const found = await graphql<{
      subjects: {
        nodes: {
          kind: string;
          uscc: string | null;
          registrationNo: string;
          legalRepresentative: { idType: string; idNumber: string };
        }[];
      };
    }>(
      `
        query ($s: String) {
          subjects(search: $s, first: 5) {
            nodes {
              kind
              uscc
              registrationNo
              legalRepresentative {
                idType
                idNumber
              }
            }
          }
        }
      `,
      { s: `测试面馆${run}` },
      headers,
    );
    expect(found.errors).toBeUndefined();
    expect(expectData(found).subjects.nodes).toEqual([
      {
        kind: 'INDIVIDUAL_BUSINESS',
        uscc: null,
        registrationNo,
        legalRepresentative: { idType: '身份证', idNumber: expect.stringMatching(/^320508\*{8}\d{3}[\dX]$/) },
      },
    ]);
    // credit:pii sees the number itself.
    const pii = await graphql<{ subjects: { nodes: { legalRepresentative: { idNumber: string } }[] } }>(
      `
        query ($s: String) {
          subjects(search: $s, first: 5) {
            nodes {
              legalRepresentative {
                idNumber
              }
            }
          }
        }
      `,
      { s: `测试面馆${run}` },
      await as('credit_office'),
    );
    expect(pii.data?.subjects.nodes[0].legalRepresentative.idNumber).toBe(completeResidentId('32050819800101123'));
    // Without a USCC and without a 工商注册号 the record is refused, naming the field.
    const refused = await report(
      REPORT_PENALTIES,
      [penalty(`苏姑市监罚〔2026〕ID13-${run}-2号`, { partyName: '无码个体户', partyClass: '个体工商户' })],
      headers,
    );
    expect(refused.rejections[0].reasons.map((r) => `${r.field}:${r.code}`)).toEqual(['uscc:REQUIRED']);
    // Once it has its USCC (换照), a report naming both codes finds the same subject and fills the USCC in.
    const shopUscc = completeUscc(`92320508MA${run.slice(-7)}`);
    const again = await report(
      REPORT_PENALTIES,
      [
        penalty(`苏姑市监罚〔2026〕ID13-${run}-4号`, {
          partyName: `姑苏区测试面馆${run}`,
          partyClass: '个体工商户',
          uscc: shopUscc,
          registrationNo,
        }),
      ],
      headers,
    );
    expect(again).toMatchObject({ accepted: 1, rejected: 0 });
    const byUscc = await graphql<{
      subject: { registrationNo: string; kind: string; penalties: { totalCount: number } };
    }>(
      'query($u: String) { subject(uscc: $u) { registrationNo kind penalties(first: 5) { totalCount } } }',
      { u: shopUscc },
      headers,
    );
    expect(byUscc.errors).toBeUndefined();
    expect(expectData(byUscc).subject).toEqual({
      registrationNo,
      kind: 'INDIVIDUAL_BUSINESS',
      penalties: { totalCount: 2 },
    });
  });

  it('looks up a real pilot-era code that fails only its checksum, with the warning; refuses a malformed one', async () => {
    const headers = await departmentHeaders('test.id13.pilot');
    // 厦门黑脉网络科技有限公司 (github.com/chinabugotech/hutool issue #2020): its check character "should be J".
    const pilot = '91350203M0001FUE2P';
    const reported = await report(
      REPORT_PENALTIES,
      [
        penalty(`苏姑市监罚〔2026〕ID13-${run}-3号`, {
          partyName: '厦门黑脉网络科技有限公司',
          uscc: pilot,
          usccConfirmed: '是',
        }),
      ],
      headers,
    );
    expect(reported).toMatchObject({ accepted: 1 });
    const lookup = await graphql<{ subject: { uscc: string; kind: string; usccWarning: string | null } | null }>(
      'query($u: String) { subject(uscc: $u) { uscc kind usccWarning } }',
      { u: pilot.toLowerCase() },
    );
    expect(lookup.errors).toBeUndefined();
    expect(expectData(lookup).subject).toMatchObject({ uscc: pilot, kind: 'ENTERPRISE' });
    expect(expectData(lookup).subject!.usccWarning).toContain('校验位错误');
    const screened = await graphql<{ screen: { invalidReason: string | null; found: boolean }[] }>(
      'query($u: [String!]!) { screen(usccs: $u, scenario: BIDDING) { invalidReason found } }',
      { u: [pilot, '123456789012345678'] },
      await as('hall'),
    );
    expect(screened.errors).toBeUndefined();
    // Screening says the same: the same reason, and only the checksum failure is looked up.
    expect(expectData(screened).screen[0].invalidReason).toBe(expectData(lookup).subject!.usccWarning);
    expect(expectData(screened).screen[1]).toMatchObject({
      found: false,
      invalidReason: expect.stringContaining('行政区划码'),
    });
    for (const bad of ['000000000000000000', '123456789012345678']) {
      const refused = await graphql('query($u: String) { subject(uscc: $u) { id } }', { u: bad });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'uscc' });
    }
    const valid = await graphql<{ subject: { usccWarning: string | null } | null }>(
      'query($u: String) { subject(uscc: $u) { usccWarning } }',
      { u: authority.uscc },
    );
    expect(valid.errors).toBeUndefined();
    expect(expectData(valid).subject?.usccWarning ?? null).toBeNull();
  });

  it('reads a 2099-12-31 licence as 长期 and in force, and a revoked one as no longer in force', async () => {
    const headers = await departmentHeaders('test.id13.licence');
    const uscc = completeUscc(`N2320508MF${run.slice(-7)}`);
    const licenseNo = `姑苏市监许〔2026〕ID13-${run}号`;
    const licence = {
      partyName: `姑苏区测试村股份经济合作社${run}`,
      partyClass: '法人及非法人组织',
      uscc,
      documentName: '食品经营许可决定书',
      licenseNo,
      category: '其他-备案',
      content: '食品销售经营者备案',
      decidedAt: daysAgo(3),
      validFrom: daysAgo(3),
      validUntil: '2099-12-31',
      authorityName: authority.name,
      authorityUscc: authority.uscc,
    };
    expect(await report(REPORT_LICENSES, [licence], headers)).toMatchObject({ accepted: 1, rejected: 0 });
    const LICENCES = `query($u: String) { subject(uscc: $u) { kind licenses(first: 5) { nodes { licenseNo category categoryDetail validUntil longTerm validity status inForce } } } }`;
    const before = await graphql<{ subject: { kind: string; licenses: { nodes: Record<string, unknown>[] } } }>(
      LICENCES,
      { u: uscc },
    );
    expect(before.errors).toBeUndefined();
    expect(expectData(before).subject.kind).toBe('RURAL_COLLECTIVE');
    expect(expectData(before).subject.licenses.nodes).toEqual([
      {
        licenseNo,
        category: 'OTHER',
        categoryDetail: '备案',
        validUntil: null,
        longTerm: true,
        validity: `${daysAgo(3)} 至 长期`,
        status: 'VALID',
        inForce: true,
      },
    ]);

    const revoke = await graphql<{ revokeLicense: { status: string; inForce: boolean; invalidationReason: string } }>(
      'mutation($a: String!, $n: String!) { revokeLicense(authorityUscc: $a, licenseNo: $n, reason: "姑苏市监撤许〔2026〕1号") { status inForce invalidationReason } }',
      { a: authority.uscc, n: licenseNo },
      headers,
    );
    expect(revoke.errors).toBeUndefined();
    expect(expectData(revoke).revokeLicense).toEqual({
      status: 'INVALID',
      inForce: false,
      invalidationReason: '姑苏市监撤许〔2026〕1号',
    });
    const after = await graphql<{ subject: { licenses: { nodes: { status: string; inForce: boolean }[] } } }>(
      LICENCES,
      { u: uscc },
    );
    expect(expectData(after).subject.licenses.nodes[0]).toMatchObject({ status: 'INVALID', inForce: false });

    // Another department may not revoke it.
    await testDepartment('test.id13.stranger');
    const stranger = await graphql(
      'mutation($a: String!, $n: String!) { revokeLicense(authorityUscc: $a, licenseNo: $n, reason: "x") { status } }',
      { a: authority.uscc, n: licenseNo },
      { authorization: `Bearer ${await tokenFor('department', { org: 'test.id13.stranger' })}` },
    );
    expect(stranger.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('reports a licence 无效 through the report itself, and accepts natural persons of every ID type', async () => {
    const headers = await departmentHeaders('test.id13.status');
    const uscc = completeUscc(`91320508MF${run.slice(-7)}`);
    const base = {
      partyName: '苏州测试餐饮有限公司',
      partyClass: '法人及非法人组织',
      uscc,
      documentName: '食品经营许可决定书',
      licenseNo: `姑苏市监许〔2026〕ID13S-${run}号`,
      category: '普通',
      content: '食品销售',
      decidedAt: daysAgo(3),
      validFrom: daysAgo(3),
      authorityName: authority.name,
      authorityUscc: authority.uscc,
    };
    expect(await report(REPORT_LICENSES, [{ ...base, status: '无效', remarks: '已注销' }], headers)).toMatchObject({
      accepted: 1,
    });
    const read = await graphql<{
      subject: {
        licenses: { nodes: { status: string; inForce: boolean; remarks: string; invalidatedAt: string | null }[] };
      };
    }>(
      'query($u: String) { subject(uscc: $u) { licenses(first: 1) { nodes { status inForce remarks invalidatedAt } } } }',
      { u: uscc },
      headers,
    );
    expect(read.errors).toBeUndefined();
    expect(expectData(read).subject.licenses.nodes[0]).toMatchObject({
      status: 'INVALID',
      inForce: false,
      remarks: '已注销',
      invalidatedAt: expect.any(String),
    });

    const person = (n: number, idType: string, idNumber: string) =>
      penalty(`苏姑市监罚〔2026〕ID13P-${run}-${n}号`, { partyClass: '自然人', partyName: '测试人', idType, idNumber });
    const persons = await report(
      REPORT_PENALTIES,
      [
        person(1, '护照号', `E${run}`),
        person(2, '港澳居民来往内地通行证', `H${run}`),
        person(3, '台湾居民来往大陆通行证', run),
        person(4, '外国人永久居留身份证', `USA${run}1234`),
        person(5, '其他-军官证', `J${run}`),
        person(6, '驾驶证', `D${run}`),
      ],
      headers,
    );
    expect(persons).toMatchObject({ accepted: 5, rejected: 1 });
    expect(persons.rejections[0]).toMatchObject({ index: 5, reasons: [{ field: 'idType', code: 'INVALID_VALUE' }] });
  });

  it('takes the new columns from a file too: the template header row, 工商注册号, 2099-12-31, 其他-备案, 当前状态', async () => {
    const org = 'test.id13.file';
    await reportingFor(authority.code, org);
    const headers = { authorization: `Bearer ${await tokenFor('department', { org })}`, 'content-type': 'text/csv' };
    const registrationNo = `320508${run.slice(-8)}7`;
    const row: Record<string, string> = {
      partyName: `姑苏区测试理发店${run}`,
      partyClass: '个体工商户',
      registrationNo,
      documentName: '公共场所卫生许可证',
      licenseNo: `姑苏卫许〔2026〕ID13F-${run}号`,
      category: '其他-备案',
      content: '理发',
      decidedAt: daysAgo(2),
      validFrom: daysAgo(2),
      validUntil: '2099/12/31',
      status: '有效',
      remarks: '文件报送',
      dataSource: '',
      authorityName: authority.name,
      authorityUscc: authority.uscc,
    };
    const fields = REPORT_FIELDS.licenses;
    const csv = `\uFEFF${fields.map(templateHeader).join(',')}\r\n${fields.map((f) => row[f.field] ?? '').join(',')}\r\n`;
    const response = await fetch(`${gatewayUrl()}/ingest/licenses`, { method: 'POST', headers, body: csv });
    const body = (await response.json()) as { counts: Record<string, number>; rejections: unknown[]; error: unknown };
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ counts: { received: 1, created: 1 }, rejections: [], error: null });
    const found = await graphql<{
      subjects: { nodes: { registrationNo: string; licenses: { nodes: Record<string, unknown>[] } }[] };
    }>(
      'query($s: String) { subjects(search: $s, first: 2) { nodes { registrationNo licenses(first: 2) { nodes { category categoryDetail validUntil longTerm inForce remarks } } } } }',
      { s: `测试理发店${run}` },
      { authorization: headers.authorization },
    );
    expect(found.errors).toBeUndefined();
    expect(expectData(found).subjects.nodes).toEqual([
      {
        registrationNo,
        licenses: {
          nodes: [
            {
              category: 'OTHER',
              categoryDetail: '备案',
              validUntil: null,
              longTerm: true,
              inForce: true,
              remarks: '文件报送',
            },
          ],
        },
      },
    ]);
  });
});

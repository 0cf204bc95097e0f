import { ROLE_SCOPES } from '../../shared/auth/policy';
import type { Principal } from '../../shared/auth/principal';
import { completeUscc } from '../../shared/identifiers/uscc';
import { ownReportArguments } from '../../subgraphs/reports/rules/report-arguments';
import { CreditReportKind } from '../../subgraphs/reports/rules/report-kind';
import {
  downloadableBySubject,
  isSelfRequested,
  PLATFORM_ISSUER_NAME,
  SELF_SERVICE_MATTER,
  subjectIdentifier,
} from '../../subgraphs/reports/rules/self-service';
import { composeContent } from '../../subgraphs/reports/services/compose-content';
import { refusalOf } from '../../subgraphs/reports/services/gather-sections';
import type { GatheredSections, SubjectValue } from '../../subgraphs/reports/services/sections';
import { NOT_GENUINE } from '../../subgraphs/reports/services/verify-report';

/** 自助出具 (issue 18): the subject's own 公共信用信息报告, asked for by the subject signed in as itself. */
function fault(purpose: string): unknown {
  try {
    ownReportArguments({ purpose });
    return null;
  } catch (error) {
    return (error as { extensions: unknown }).extensions;
  }
}

describe('issueMyCreditReport arguments', () => {
  it('are the caller’s own 公共信用信息报告: no code to name another, no scenario, the fixed matter', () => {
    expect(ownReportArguments({ purpose: '  银行贷款申请 ' })).toEqual({
      uscc: null,
      kind: CreditReportKind.OWN_RECORD,
      scenario: null,
      matter: SELF_SERVICE_MATTER,
      purpose: '银行贷款申请',
    });
    expect(ownReportArguments({}).purpose).toBeNull();
    expect(ownReportArguments({ purpose: '   ' }).purpose).toBeNull();
    expect([...SELF_SERVICE_MATTER].length).toBeLessThanOrEqual(100);
  });

  it('bound the purpose as a staff report’s: 200 characters, no control characters', () => {
    expect(fault('用'.repeat(200))).toBeNull();
    expect(fault('用'.repeat(201))).toEqual({ code: 'BAD_USER_INPUT', argument: 'purpose' });
    expect(fault('a\u0007b')).toEqual({ code: 'BAD_USER_INPUT', argument: 'purpose' });
  });
});

describe('who downloads a stored report as the subject', () => {
  const own = { kind: CreditReportKind.OWN_RECORD, subjectId: 'me', issuerOrg: null };

  it('is the subject that asked for its own 公共信用信息报告', () => {
    expect(isSelfRequested(own)).toBe(true);
    expect(downloadableBySubject(own, 'me')).toBe(true);
  });

  it('is nobody for another’s report, for a report the window issued, or without a known platform id', () => {
    expect(downloadableBySubject(own, 'another')).toBe(false);
    expect(downloadableBySubject(own, null)).toBe(false);
    const atTheWindow = { ...own, issuerOrg: 'gusu.xzspj' };
    expect(isSelfRequested(atTheWindow)).toBe(false);
    expect(downloadableBySubject(atTheWindow, 'me')).toBe(false);
    expect(downloadableBySubject({ ...atTheWindow, kind: CreditReportKind.REVIEW }, 'me')).toBe(false);
    expect(downloadableBySubject({ ...own, kind: CreditReportKind.REVIEW }, 'me')).toBe(false);
  });
});

describe('how a report names its subject', () => {
  it('an organisation by its 统一社会信用代码, a natural person by its masked 证件号码', () => {
    const uscc = completeUscc('91320508MA1P0Q0R0');
    expect(subjectIdentifier(uscc, null)).toEqual({ label: '统一社会信用代码', value: uscc });
    expect(subjectIdentifier(null, '11010519491231002X')).toEqual({
      label: '证件号码',
      value: '110105********002X',
    });
    expect(subjectIdentifier(null, null)).toEqual({ label: '统一社会信用代码', value: '—' });
  });
});

describe('gathering the caller’s own sections (mySubject)', () => {
  it('judges errors under mySubject as under subject: a section missing refuses the report', () => {
    const repairsDown = {
      data: { mySubject: { id: 's' } as never },
      errors: [{ message: 'down', path: ['mySubject', 'repairCases'], extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }],
    };
    expect(refusalOf(repairsDown, false)?.extensions).toMatchObject({
      code: 'SECTION_UNAVAILABLE',
      sections: ['repairCases'],
    });
    const evaluationsDown = {
      data: { mySubject: { id: 's' } as never },
      errors: [
        { message: 'down', path: ['mySubject', 'creditEvaluation'], extensions: { code: 'SUBGRAPH_UNAVAILABLE' } },
      ],
    };
    expect(refusalOf(evaluationsDown, false)).toBeNull();
  });
});

describe('what a report the subject asked for prints', () => {
  const person: SubjectValue = {
    id: 's',
    uscc: null,
    name: '张三',
    kind: 'NATURAL_PERSON',
    status: 'ACTIVE',
    registeredAddress: null,
    idNumber: '11010519491231002X',
    legalRepresentative: null,
    listEntries: [],
    penalties: { totalCount: 0, nodes: [] },
    licenses: { totalCount: 0, nodes: [] },
    commitments: [],
    repairCases: [],
    creditEvaluation: null,
  };
  const gathered: GatheredSections = {
    subject: person,
    screening: null,
    evaluation: { state: 'NOT_EVALUATED' },
    departments: [],
    answeredAt: new Date('2026-12-04T01:00:00Z'),
  };
  const principal: Principal = {
    sub: 'dev-subject-person',
    name: '张三',
    org: null,
    roles: ['subject'],
    scopes: [...ROLE_SCOPES.subject],
    authenticated: true,
  };

  it('names the platform as the issuing unit, the subject as who asked, and the person by its masked number', () => {
    const content = composeContent(
      gathered,
      {
        kind: CreditReportKind.OWN_RECORD,
        number: 'GSXY-2026-000001',
        code: '0123456789AB',
        issuedAt: new Date('2026-12-04T01:00:00Z'),
        validUntil: '2027-01-02',
        validityNote: '自出具之日起30日内有效',
        issuer: principal,
        issuerOrgName: PLATFORM_ISSUER_NAME,
        selfRequested: true,
        matter: SELF_SERVICE_MATTER,
        purpose: null,
        verifyUrl: '/verify',
        signer: 'dev',
      },
      '2026-12-04',
    );
    expect(content.issuer).toEqual({
      orgCode: null,
      orgName: PLATFORM_ISSUER_NAME,
      officerName: '张三',
      officerSub: 'dev-subject-person',
      selfRequested: true,
    });
    expect(content.subject.identifier).toEqual({ label: '证件号码', value: '110105********002X' });
    expect(content.verdict).toBeNull();
  });

  it('is verified like any report: a guess learns nothing, not even who asked', () => {
    expect(NOT_GENUINE).toMatchObject({ genuine: false, issuer: null, requestedBySubject: null, subject: null });
  });
});

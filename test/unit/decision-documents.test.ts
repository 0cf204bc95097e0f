import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { renderDecision } from '../../subgraphs/reports/documents/decision-pdf';
import { signPdf } from '../../subgraphs/reports/documents/sign-pdf';
import { loadSigningIdentity } from '../../subgraphs/reports/documents/signing-identity';
import { decisionText, GatheredCase, isDecided, recordLine } from '../../subgraphs/reports/rules/decision-content';
import { DECISION_TITLES, DecisionKind } from '../../subgraphs/reports/rules/decision-kind';
import { DECISION_NUMBERS } from '../../subgraphs/reports/rules/decision-number';
import {
  formatDocumentNumber,
  MAX_SEQUENCE_PER_YEAR,
  normalizeDocumentNumber,
} from '../../subgraphs/reports/rules/document-number';
import { formatReportNumber, normalizeReportNumber } from '../../subgraphs/reports/rules/report-number';
import { caseOf, caseQuery } from '../../subgraphs/reports/services/gather-case';

const CASE_ID = '0b7c3a52-55d8-4a43-9a55-0d2f2d9f3c11';
const TARGET_ID = '5f0e2c1a-9e1b-4d7f-8a35-2b9d0c7e4a10';

function repairCase(overrides: Partial<GatheredCase> = {}): GatheredCase {
  return {
    kind: DecisionKind.REPAIR,
    id: CASE_ID,
    caseNumber: 'GSXF-2026-12345678',
    status: 'APPROVED',
    target: 'PENALTY',
    targetId: TARGET_ID,
    record: { decisionNo: '姑市监罚〔2025〕12号', list: null },
    submittedAt: '2026-11-20T02:00:00.000Z',
    acceptedAt: '2026-11-21T02:00:00.000Z',
    decidedAt: '2026-12-01T06:30:00.000Z',
    outcome: null,
    grounds: null,
    decisionNote: '已履行行政处罚决定，整改到位',
    decidedBy: { code: 'gusu.scjgj', name: '姑苏区市场监督管理局' },
    handledBy: { code: 'gusu.scjgj', name: '姑苏区市场监督管理局' },
    subject: { id: TARGET_ID, name: '苏州测试有限公司', uscc: '91320508MA1XXXXX0X', kind: 'ENTERPRISE' },
    ...overrides,
  };
}

describe('decision document numbers (GSJD-年份-顺序号)', () => {
  it('share the report numbers’ form with their own prefix', () => {
    expect(formatDocumentNumber(DECISION_NUMBERS, 2026, 7)).toBe('GSJD-2026-000007');
    expect(formatDocumentNumber(DECISION_NUMBERS, 2027, MAX_SEQUENCE_PER_YEAR)).toBe('GSJD-2027-999999');
    expect(() => formatDocumentNumber(DECISION_NUMBERS, 2026, 0)).toThrow(RangeError);
    expect(() => formatDocumentNumber(DECISION_NUMBERS, 1999, 1)).toThrow(RangeError);
    // The report series is unchanged by the generalisation.
    expect(formatReportNumber(2026, 123)).toBe('GSXY-2026-000123');
  });

  it('are read as typed, and a number of the other series is not one', () => {
    expect(normalizeDocumentNumber(DECISION_NUMBERS, ' gsjd-2026-000007 ')).toBe('GSJD-2026-000007');
    for (const bad of ['GSXY-2026-000007', 'GSJD-2026-000000', 'GSJD-26-000007', 'GSJD-2026-0000070', ''])
      expect(normalizeDocumentNumber(DECISION_NUMBERS, bad)).toBeNull();
    expect(normalizeReportNumber('GSJD-2026-000007')).toBeNull();
  });
});

describe('what a decision document says', () => {
  it('is issued for a decided case only', () => {
    for (const status of ['APPROVED', 'DENIED', 'REJECTED'])
      expect(isDecided({ kind: DecisionKind.REPAIR, status })).toBe(true);
    for (const status of ['SUBMITTED', 'ACCEPTED', 'WITHDRAWN', 'REJECTED_AT_INTAKE'])
      expect(isDecided({ kind: DecisionKind.REPAIR, status })).toBe(false);
    for (const status of ['UPHELD', 'DISMISSED'])
      expect(isDecided({ kind: DecisionKind.OBJECTION, status })).toBe(true);
    for (const status of ['SUBMITTED', 'ACCEPTED', 'APPROVED'])
      expect(isDecided({ kind: DecisionKind.OBJECTION, status })).toBe(false);
    expect(() => decisionText(repairCase({ status: 'ACCEPTED' }))).toThrow(/not decided/);
  });

  it('准予信用修复: the reasons and what follows (终止公示、停止共享)', () => {
    const text = decisionText(repairCase());
    expect(text).toMatchObject({
      title: '信用修复决定书',
      decision: '准予信用修复',
      reasons: '已履行行政处罚决定，整改到位',
      record: '行政处罚信息 姑市监罚〔2025〕12号',
    });
    expect(text.consequences.join('')).toContain('终止公示、停止共享');
    const entry = decisionText(
      repairCase({ target: 'LIST_ENTRY', record: { decisionNo: '姑市监黑〔2026〕1号', list: 'BLACK' } }),
    );
    expect(entry.record).toBe('名单条目 (黑名单) 姑市监黑〔2026〕1号');
    expect(entry.consequences.join('')).toContain('移出该名单');
  });

  it('不予信用修复: the reasons, nothing follows', () => {
    const text = decisionText(repairCase({ status: 'DENIED', decisionNote: '未履行法定义务' }));
    expect(text).toMatchObject({ decision: '不予信用修复', reasons: '未履行法定义务', consequences: [] });
    expect(decisionText(repairCase({ status: 'REJECTED' })).decision).toBe('不予信用修复');
  });

  it('names the record by its id when its number could not be read', () => {
    expect(recordLine(repairCase({ record: null }))).toBe(`行政处罚信息 (记录标识 ${TARGET_ID})`);
  });

  it('异议处理: 异议成立，已撤回 / 已更正该信息, or 异议不成立 with the reasons', () => {
    const objection = (status: string, outcome: string | null) =>
      decisionText(repairCase({ kind: DecisionKind.OBJECTION, status, outcome, decisionNote: '经核查' }));
    expect(objection('UPHELD', 'WITHDRAWN')).toMatchObject({
      title: '异议处理决定书',
      decision: '异议成立，已撤回该信息',
    });
    expect(objection('UPHELD', 'CORRECTED').decision).toBe('异议成立，已更正该信息');
    expect(objection('DISMISSED', null)).toMatchObject({ decision: '异议不成立', reasons: '经核查' });
    expect(DECISION_TITLES[DecisionKind.OBJECTION]).toBe('异议处理决定书');
  });

  it('an objection to a licence, an action or the evaluation names its record by kind', () => {
    const objection = (target: string, outcome: string, record: { decisionNo: string; list: null } | null) =>
      decisionText(repairCase({ kind: DecisionKind.OBJECTION, status: 'UPHELD', target, outcome, record }));
    expect(objection('LICENSE', 'WITHDRAWN', { decisionNo: '姑市监许〔2026〕3号', list: null }).record).toBe(
      '行政许可信息 姑市监许〔2026〕3号',
    );
    expect(objection('ACTION', 'WITHDRAWN', null).record).toBe(`其他行政行为信息 (记录标识 ${TARGET_ID})`);
    const evaluation = objection('EVALUATION', 'CORRECTED', null);
    expect(evaluation).toMatchObject({ record: '公共信用综合评价结果', decision: '异议成立，已重新评价' });
    expect(evaluation.consequences.join('')).toContain('重新评价');
  });
});

describe('reading the case through the gateway (caseOf)', () => {
  const value = {
    id: CASE_ID,
    caseNumber: 'GSXF-2026-12345678',
    status: 'DENIED',
    target: 'PENALTY',
    targetId: TARGET_ID,
    submittedAt: '2026-11-20T02:00:00.000Z',
    acceptedAt: null,
    decidedAt: '2026-12-01T06:30:00.000Z',
    decisionNote: '未整改',
    decidedBy: null,
    handledBy: { code: 'gusu.scjgj', name: '姑苏区市场监督管理局' },
  };
  const subject = {
    id: 'subject-1',
    name: '苏州测试有限公司',
    uscc: null,
    kind: 'ENTERPRISE',
    penalties: { nodes: [{ id: TARGET_ID, decisionNo: '姑市监罚〔2025〕12号' }] },
    listEntries: [],
  };

  it('answers the case with its subject and the record’s number', () => {
    const c = caseOf(DecisionKind.REPAIR, CASE_ID, false, { data: { repairCase: { ...value, subject } } });
    expect(c).toMatchObject({ status: 'DENIED', subject: { name: '苏州测试有限公司', uscc: null } });
    expect(c.record).toEqual({ decisionNo: '姑市监罚〔2025〕12号', list: null });
  });

  it('finds a subject’s own case among its cases (mySubject), and no other', () => {
    const answer = { data: { mySubject: { ...subject, repairCases: [value] } } };
    expect(caseOf(DecisionKind.REPAIR, CASE_ID, true, answer).id).toBe(CASE_ID);
    expect(() => caseOf(DecisionKind.REPAIR, TARGET_ID, true, answer)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND', argument: 'caseId' }) }),
    );
    expect(caseQuery(DecisionKind.REPAIR, true)).toContain('mySubject');
    expect(caseQuery(DecisionKind.OBJECTION, false)).toContain('objectionCase(id: $id)');
  });

  it('gives the same NOT_FOUND for a case refused to the caller and one that does not exist', () => {
    const refused = {
      data: { repairCase: null },
      errors: [{ message: 'Unauthorized', path: ['repairCase'], extensions: { code: 'UNAUTHORIZED_FIELD_OR_TYPE' } }],
    };
    for (const answer of [refused, { data: { repairCase: null } }])
      expect(() => caseOf(DecisionKind.REPAIR, CASE_ID, false, answer)).toThrow(
        expect.objectContaining({ extensions: { code: 'NOT_FOUND', argument: 'caseId' } }),
      );
  });

  it('ignores a record list it may not read, and refuses a case read incomplete', () => {
    const partial = {
      data: { repairCase: { ...value, subject: { ...subject, penalties: null } } },
      errors: [
        {
          message: 'Unauthorized',
          path: ['repairCase', 'subject', 'penalties'],
          extensions: { code: 'UNAUTHORIZED_FIELD_OR_TYPE' },
        },
      ],
    };
    expect(caseOf(DecisionKind.REPAIR, CASE_ID, false, partial).record).toBeNull();
    const down = {
      data: { repairCase: { ...value, subject: null } },
      errors: [{ message: 'down', path: ['repairCase', 'subject'], extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }],
    };
    expect(() => caseOf(DecisionKind.REPAIR, CASE_ID, false, down)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'CASE_UNAVAILABLE' }) }),
    );
  });
});

describe('the decision document PDF', () => {
  const work = mkdtempSync(join(tmpdir(), 'decision-pdf-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('prints title, number, subject, case number, record, decision, reasons, department and effect; signed', async () => {
    const c = repairCase();
    const identity = loadSigningIdentity({ kind: 'development' }, pino({ level: 'silent' }));
    const unsigned = await renderDecision({
      text: decisionText(c),
      number: 'GSJD-2026-000007',
      verification: { code: '7K3Q-M9XD-2HTW', url: '/verify?number=GSJD-2026-000007&code=7K3QM9XD2HTW' },
      issuedAt: new Date('2026-12-03T02:00:00.000Z'),
      subject: c.subject,
      caseNumber: c.caseNumber,
      grounds: null,
      submittedAt: new Date(c.submittedAt),
      acceptedAt: new Date(c.acceptedAt!),
      decidedAt: new Date(c.decidedAt!),
      department: c.decidedBy!.name,
      signer: identity.subject,
    });
    const pdf = await signPdf(unsigned, identity, {
      reason: 'test',
      location: '苏州市姑苏区',
      name: 'x',
      contactInfo: 'x',
    });
    const file = join(work, 'decision.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const expected of [
      '信用修复决定书',
      'GSJD-2026-000007',
      '苏州测试有限公司',
      '91320508MA1XXXXX0X',
      'GSXF-2026-12345678',
      '姑市监罚〔2025〕12号',
      '准予信用修复',
      '已履行行政处罚决定，整改到位',
      '姑苏区市场监督管理局',
      '2026年12月01日',
      '终止公示、停止共享',
      '7K3Q-M9XD-2HTW',
    ])
      expect([expected, text.includes(expected)]).toEqual([expected, true]);
    const signature = execFileSync('pdfsig', [file], { encoding: 'utf8' });
    expect(signature).toContain('Signature Validation: Signature is Valid.');
  });

  it('异议处理决定书: the grounds, 异议成立，已撤回该信息 and what follows', async () => {
    const c = repairCase({
      kind: DecisionKind.OBJECTION,
      caseNumber: 'GSYY-2026-00001234',
      status: 'UPHELD',
      outcome: 'WITHDRAWN',
      grounds: '该处罚已被行政复议决定撤销',
      decisionNote: '经核查，异议属实',
    });
    const unsigned = await renderDecision({
      text: decisionText(c),
      number: 'GSJD-2026-000008',
      verification: { code: '7K3Q-M9XD-2HTW', url: '/verify?number=GSJD-2026-000008&code=7K3QM9XD2HTW' },
      issuedAt: new Date('2026-12-03T02:00:00.000Z'),
      subject: c.subject,
      caseNumber: c.caseNumber,
      grounds: c.grounds,
      submittedAt: new Date(c.submittedAt),
      acceptedAt: null,
      decidedAt: new Date(c.decidedAt!),
      department: c.decidedBy!.name,
      signer: 'test',
    });
    const file = join(work, 'objection.pdf');
    writeFileSync(file, unsigned);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const expected of [
      '异议处理决定书',
      'GSJD-2026-000008',
      'GSYY-2026-00001234',
      '该处罚已被行政复议决定撤销',
      '异议成立，已撤回该信息',
      '经核查，异议属实',
      '不再公示和共享',
    ])
      expect([expected, text.includes(expected)]).toEqual([expected, true]);
  });
});

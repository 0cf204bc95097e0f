import { CN_HOLIDAY_CALENDAR } from '../../shared/domain/holiday-calendar-cn';
import { SubjectKind } from '../../shared/domain/vocabulary';
import { WorkingDayCalendar } from '../../shared/domain/working-days';
import { completeResidentId } from '../../shared/identifiers/resident-id';
import { completeUscc } from '../../shared/identifiers/uscc';
import { parseDate } from '../../subgraphs/subjects/rules/report-fields';
import {
  checkReport,
  PartyClass,
  subjectKindOf,
  ValidationContext,
} from '../../subgraphs/subjects/rules/report-validation';
import { reportingDeadline } from '../../subgraphs/subjects/rules/reporting-deadline';

const AUTHORITY = { code: 'gusu.scjgj', name: '姑苏区市场监督管理局', uscc: completeUscc('11320508MB1668027') };
const context: ValidationContext = {
  today: '2026-11-29',
  authorities: new Map([[AUTHORITY.uscc, AUTHORITY]]),
  reportableFor: new Set([AUTHORITY.code]),
};
const PARTY_USCC = completeUscc('91320508MA1XY8123');

const penalty = (overrides: Record<string, string | string[] | null> = {}) => ({
  partyName: '苏州某某有限公司',
  partyClass: '法人及非法人组织',
  uscc: PARTY_USCC,
  decisionNo: '姑市监罚〔2026〕1号',
  violationType: '虚假宣传',
  facts: '……',
  legalBasis: '《反不正当竞争法》第二十条',
  categories: '警告；罚款',
  content: '警告并处罚款',
  fineAmount: '1.2345',
  decidedAt: '2026/11/20',
  validUntil: '2027-11-20',
  severity: '一般',
  authorityName: AUTHORITY.name,
  authorityUscc: AUTHORITY.uscc,
  ...overrides,
});

function problems(overrides: Record<string, string | string[] | null>): string[] {
  const checked = checkReport('penalties', penalty(overrides), context);
  return checked.ok ? [] : checked.problems.map((p) => `${p.field}:${p.code}`).sort();
}

describe('a reported penalty', () => {
  it('is accepted with its values normalised and its natural key', () => {
    const checked = checkReport('penalties', penalty(), context);
    expect(checked).toMatchObject({
      ok: true,
      key: { authorityCode: 'gusu.scjgj', documentNo: '姑市监罚〔2026〕1号' },
      decidedAt: '2026-11-20',
      party: { by: 'uscc', uscc: PARTY_USCC, kind: SubjectKind.ENTERPRISE, divisionCode: '320508' },
      values: { categories: ['警告', '罚款'], fineAmount: 1.2345, severity: 'GENERAL', validUntil: '2027-11-20' },
    });
  });

  it('collects every problem of a record, field by field', () => {
    expect(
      problems({ facts: ' ', legalBasis: null, severity: '很重', decidedAt: '2026-12-01', fineAmount: '-1' }),
    ).toEqual([
      'decidedAt:FUTURE_DATE',
      'facts:REQUIRED',
      'fineAmount:INVALID_FORMAT',
      'legalBasis:REQUIRED',
      'severity:INVALID_VALUE',
    ]);
  });

  it('checks codes: charset, length and check digit, with a confirmation for a real code that fails it', () => {
    const wrong = `${PARTY_USCC.slice(0, 17)}${PARTY_USCC[17] === '0' ? '1' : '0'}`;
    expect(problems({ uscc: wrong })).toEqual(['uscc:INVALID_CHECKSUM']);
    expect(problems({ uscc: wrong, usccConfirmed: '是' })).toEqual([]);
    expect(problems({ uscc: wrong, usccConfirmed: '也许' })).toEqual(
      ['usccConfirmed:INVALID_VALUE', 'uscc:INVALID_CHECKSUM'].sort(),
    );
    expect(problems({ uscc: 'I1320508MA1XY81234' })).toEqual(['uscc:INVALID_FORMAT']);
    expect(problems({ uscc: null })).toEqual(['uscc:REQUIRED']);
    expect(problems({ authorityUscc: completeUscc('11320508MB0000000') })).toEqual(['authorityUscc:UNKNOWN_AUTHORITY']);
    expect(problems({ authorityName: '姑苏区某局' })).toEqual(['authorityName:MISMATCH']);
  });

  it('is refused when its authority is in the directory but neither the caller nor delegated to it, keeping its key', () => {
    const other = { code: 'gusu.zjw', name: '姑苏区住房和城乡建设委员会', uscc: completeUscc('11320508014160235') };
    const directory = {
      ...context,
      authorities: new Map([
        [AUTHORITY.uscc, AUTHORITY],
        [other.uscc, other],
      ]),
    };
    const checked = checkReport(
      'penalties',
      penalty({ authorityName: other.name, authorityUscc: other.uscc }),
      directory,
    );
    expect(checked).toMatchObject({ ok: false, key: { authorityCode: 'gusu.zjw', documentNo: '姑市监罚〔2026〕1号' } });
    expect(checked.ok ? [] : checked.problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      'authorityUscc:AUTHORITY_NOT_OWN',
    ]);
    const delegated = checkReport('penalties', penalty({ authorityName: other.name, authorityUscc: other.uscc }), {
      ...directory,
      reportableFor: new Set([AUTHORITY.code, other.code]),
    });
    expect(delegated.ok).toBe(true);
  });

  it('identifies a natural person by a resident ID with a valid check digit', () => {
    const id = completeResidentId('32050819800101123');
    const person = { partyClass: '自然人', uscc: null, idType: '身份证', idNumber: id, partyName: '王五' };
    expect(checkReport('penalties', penalty(person), context)).toMatchObject({
      ok: true,
      party: { by: 'idNumber', idNumber: id, name: '王五' },
    });
    expect(problems({ ...person, idNumber: `${id.slice(0, 17)}${id[17] === '1' ? '2' : '1'}` })).toEqual([
      'idNumber:INVALID_CHECKSUM',
    ]);
    expect(problems({ ...person, idType: '驾驶证' })).toEqual(['idType:INVALID_VALUE']);
    // 护照 is a type of the standard now: the number is checked with the passport's format.
    expect(problems({ ...person, idType: '护照' })).toEqual(['idNumber:INVALID_FORMAT']);
  });

  it('checks categories, the fine they need, dates and lengths', () => {
    expect(problems({ categories: ['罚款', '打板子'] })).toEqual(['categories:INVALID_VALUE']);
    expect(problems({ categories: '罚款', fineAmount: '' })).toEqual(['fineAmount:REQUIRED']);
    expect(problems({ categories: '警告', fineAmount: null })).toEqual([]);
    expect(problems({ fineAmount: '1.23456' })).toEqual(['fineAmount:INVALID_FORMAT']);
    expect(problems({ validUntil: '2026-11-19' })).toEqual(['validUntil:DATE_ORDER']);
    expect(problems({ decidedAt: '2026-02-29' })).toEqual(['decidedAt:INVALID_FORMAT']);
    expect(problems({ violationType: '违'.repeat(201) })).toEqual(['violationType:TOO_LONG']);
  });
});

describe('reported licences and other actions', () => {
  const base = {
    partyName: '苏州某某有限公司',
    partyClass: '法人及非法人组织',
    uscc: PARTY_USCC,
    content: '……',
    decidedAt: '2026-11-01',
    authorityName: AUTHORITY.name,
    authorityUscc: AUTHORITY.uscc,
  };

  it('needs a licence category and a validity that does not end before it starts', () => {
    const license = {
      ...base,
      documentName: '准予许可决定书',
      licenseNo: 'L1',
      category: '核准',
      validFrom: '2026-11-01',
      validUntil: null,
    };
    expect(checkReport('licenses', license, context)).toMatchObject({
      ok: true,
      values: { category: 'APPROVAL', validUntil: null, title: null },
    });
    const bad = checkReport('licenses', { ...license, category: '许可', validUntil: '2026-10-01' }, context);
    expect(bad.ok ? [] : bad.problems.map((p) => `${p.field}:${p.code}`).sort()).toEqual([
      'category:INVALID_VALUE',
      'validUntil:DATE_ORDER',
    ]);
  });

  it('knows the eight kinds of other administrative action', () => {
    const action = { ...base, actionKind: '行政奖励', documentNo: 'A1', title: '守信激励' };
    expect(checkReport('actions', action, context)).toMatchObject({ ok: true, values: { actionKind: 'REWARD' } });
    expect(checkReport('actions', { ...action, actionKind: 'INSPECTION' }, context)).toMatchObject({
      ok: true,
      values: { actionKind: 'INSPECTION' },
    });
    expect(checkReport('actions', { ...action, actionKind: '表扬' }, context).ok).toBe(false);
  });
});

describe('report rules', () => {
  it('reads the date spellings spreadsheets use, and only real dates', () => {
    expect(['2026-3-5', '2026/03/05', '2026.3.5', '2026年3月5日'].map(parseDate)).toEqual(Array(4).fill('2026-03-05'));
    expect(['2026-02-29', '05/03/2026', '2026-13-01', ''].map(parseDate)).toEqual([null, null, null, null]);
  });

  it('tells the kind of subject from a USCC prefix', () => {
    expect(subjectKindOf('92320508MA1XY8123', PartyClass.LEGAL_PERSON)).toBe(SubjectKind.INDIVIDUAL_BUSINESS);
    expect(subjectKindOf('93320508MA1XY8123', PartyClass.LEGAL_PERSON)).toBe(SubjectKind.FARMER_COOPERATIVE);
    expect(subjectKindOf('12320508MA1XY8123', PartyClass.LEGAL_PERSON)).toBe(SubjectKind.PUBLIC_INSTITUTION);
    expect(subjectKindOf('52320508MA1XY8123', PartyClass.LEGAL_PERSON)).toBe(SubjectKind.SOCIAL_ORGANIZATION);
    expect(subjectKindOf('91320508MA1XY8123', PartyClass.INDIVIDUAL_BUSINESS)).toBe(SubjectKind.INDIVIDUAL_BUSINESS);
  });

  it('gives 双公示 5 calendar days and other actions 7 working days, provisional across 2026-12-31, never guessing an uncovered year', () => {
    const calendar = new WorkingDayCalendar(CN_HOLIDAY_CALENDAR);
    expect(reportingDeadline({ days: 5, dayUnit: 'CALENDAR' }, '2026-09-28', null)).toEqual({
      date: '2026-10-03',
      provisional: false,
    });
    // 国庆 2026: 10-01..10-07 off, 09-20 (Sun) and 10-10 (Sat) worked.
    expect(reportingDeadline({ days: 7, dayUnit: 'WORKING' }, '2026-09-28', calendar)).toEqual({
      date: '2026-10-13',
      provisional: false,
    });
    // 12-29 … 12-31 (3), 2027-01-01 元旦 (provisional) off, 01-04 … 01-07 (7th).
    expect(reportingDeadline({ days: 7, dayUnit: 'WORKING' }, '2026-12-28', calendar)).toEqual({
      date: '2027-01-07',
      provisional: true,
    });
    // Before the first notice the calendar does not guess.
    expect(reportingDeadline({ days: 7, dayUnit: 'WORKING' }, '2021-12-20', calendar)).toBeNull();
  });
});

import { CREDIT_OFFICE_CODE, generateDemoData } from '../../shared/demo/generator';
import { addYears, formatDay, parseDay, Random, weighted } from '../../shared/demo/random';
import type { DemoDataset, DemoOptions } from '../../shared/demo/types';
import {
  CommitmentKind,
  CommitmentStatus,
  CreditList,
  ListEntryStatus,
  RecordKind,
  RepairStatus,
  RepairTarget,
  Severity,
  SubjectKind,
  SubmissionOutcome,
} from '../../shared/domain/vocabulary';
import { residentIdProblem } from '../../shared/identifiers/resident-id';
import { isValidUscc } from '../../shared/identifiers/uscc';

const OPTIONS: DemoOptions = { seed: 20200415, subjects: 2000, today: '2025-06-15' };
const TODAY = parseDay(OPTIONS.today);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/;
const USCC_PREFIX: Partial<Record<SubjectKind, readonly string[]>> = {
  [SubjectKind.ENTERPRISE]: ['91'],
  [SubjectKind.INDIVIDUAL_BUSINESS]: ['92'],
  [SubjectKind.FARMER_COOPERATIVE]: ['93'],
  [SubjectKind.SOCIAL_ORGANIZATION]: ['51', '52', '53'],
  [SubjectKind.PUBLIC_INSTITUTION]: ['12'],
};

let data: DemoDataset;

beforeAll(() => {
  data = generateDemoData(OPTIONS);
});

const dayOf = (dateOrInstant: string): number => parseDay(dateOrInstant.slice(0, 10));
const share = (part: number, whole: number): number => part / whole;

/** Whether an entry is in force on TODAY: not removed and not past its validity. */
const isActive = (entry: { status: ListEntryStatus; validUntil: string | null }): boolean =>
  entry.status !== ListEntryStatus.REMOVED && (entry.validUntil === null || dayOf(entry.validUntil) >= TODAY);

describe('random helpers', () => {
  it('repeats a sequence for a seed and differs across seeds', () => {
    const draw = (seed: number): number[] => {
      const rng = new Random(seed);
      return Array.from({ length: 8 }, () => rng.uint32());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('keeps int, weighted and day draws within their bounds', () => {
    const rng = new Random(1);
    const table = weighted<string>([
      ['a', 1],
      ['b', 0],
      ['c', 3],
    ]);
    const ints = new Set<number>();
    const picks = new Set<string>();
    const days = new Set<number>();
    for (let i = 0; i < 2000; i += 1) {
      ints.add(rng.int(3, 5));
      picks.add(rng.weighted(table));
      days.add(rng.day(100, 110, 2));
    }
    expect([...ints].sort()).toEqual([3, 4, 5]);
    expect([...picks].sort()).toEqual(['a', 'c']);
    expect(Math.min(...days)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...days)).toBe(110);
  });

  it('produces UUID v4-shaped strings', () => {
    const rng = new Random(3);
    for (let i = 0; i < 100; i += 1) expect(rng.uuid()).toMatch(UUID);
  });

  it('does calendar arithmetic on day numbers', () => {
    expect(formatDay(parseDay('2024-02-29'))).toBe('2024-02-29');
    expect(formatDay(addYears(parseDay('2024-02-29'), 1))).toBe('2025-02-28');
    expect(formatDay(addYears(parseDay('2025-06-15'), -4))).toBe('2021-06-15');
    expect(() => parseDay('2025-02-30')).toThrow(RangeError);
  });
});

describe('generateDemoData', () => {
  it('is deterministic and uses neither Math.random nor the clock', () => {
    const random = jest.spyOn(Math, 'random');
    const now = jest.spyOn(Date, 'now');
    try {
      const again = generateDemoData(OPTIONS);
      expect(again).toEqual(data);
      expect(random).not.toHaveBeenCalled();
      expect(now).not.toHaveBeenCalled();
    } finally {
      random.mockRestore();
      now.mockRestore();
    }
    const other = generateDemoData({ ...OPTIONS, seed: OPTIONS.seed + 1 });
    expect(other.subjects.map((s) => s.uscc)).not.toEqual(data.subjects.map((s) => s.uscc));
  });

  it('rejects a bad subject count or date', () => {
    expect(() => generateDemoData({ ...OPTIONS, subjects: -1 })).toThrow(RangeError);
    expect(() => generateDemoData({ ...OPTIONS, today: '15/06/2025' })).toThrow(RangeError);
    expect(generateDemoData({ ...OPTIONS, subjects: 0 }).subjects).toEqual([]);
  });

  it('lists the district departments with valid government-organ codes', () => {
    expect(data.departments).toHaveLength(12);
    expect(data.departments.map((d) => d.code)).toEqual(
      expect.arrayContaining([
        'gusu.scjgj',
        'gusu.zjw',
        'gusu.fgj',
        'gusu.xzspj',
        'gusu.swj',
        'gusu.xfjy',
        'gusu.ajj',
        'gusu.wjw',
        'gusu.cgj',
        'gusu.whlyj',
        'gusu.rsj',
        CREDIT_OFFICE_CODE,
      ]),
    );
    for (const d of data.departments) {
      expect(d.uscc.startsWith('11320508')).toBe(true);
      expect(isValidUscc(d.uscc)).toBe(true);
    }
  });

  it('gives every subject valid, unique identifiers', () => {
    expect(data.subjects).toHaveLength(OPTIONS.subjects);
    const problems: string[] = [];
    const usccs = new Set<string>(data.departments.map((d) => d.uscc));
    const ids = new Set<string>();
    for (const s of data.subjects) {
      const fail = (why: string): void => {
        problems.push(`${s.name}: ${why}`);
      };
      if (s.divisionCode !== '320508') fail('division');
      if (!DATE.test(s.establishedOn) || dayOf(s.establishedOn) > TODAY) fail('establishedOn');
      if (s.kind === SubjectKind.NATURAL_PERSON) {
        if (s.uscc !== null) fail('a person has a USCC');
        if (s.idNumber === null || residentIdProblem(s.idNumber) !== null) fail(`bad idNumber ${s.idNumber}`);
        else if (ids.has(s.idNumber)) fail('duplicate idNumber');
        else ids.add(s.idNumber);
        if (s.legalRepName !== null || s.legalRepIdNumber !== null) fail('a person has a legal representative');
      } else {
        const uscc = s.uscc ?? '';
        if (!isValidUscc(uscc)) fail(`invalid USCC ${uscc}`);
        if (!USCC_PREFIX[s.kind]?.includes(uscc.slice(0, 2))) fail(`prefix of ${uscc} does not fit ${s.kind}`);
        if (uscc.slice(2, 8) !== '320508') fail(`division of ${uscc}`);
        if (usccs.has(uscc)) fail(`duplicate USCC ${uscc}`);
        usccs.add(uscc);
        if (s.idNumber !== null) fail('an organisation has an idNumber');
        if (!/^\p{Script=Han}{2,3}$/u.test(s.legalRepName ?? '')) fail(`legal representative name ${s.legalRepName}`);
        const repId = s.legalRepIdNumber ?? '';
        if (residentIdProblem(repId) !== null) fail(`legal representative ID ${repId}`);
        const birthYear = Number(repId.slice(6, 10));
        if (birthYear < 1955 || birthYear > 2000) fail(`legal representative born ${birthYear}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('names organisations uniquely', () => {
    const names = data.subjects.filter((s) => s.kind !== SubjectKind.NATURAL_PERSON).map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('uses unique UUIDs for every record', () => {
    const all = [
      ...data.subjects,
      ...data.licenses,
      ...data.penalties,
      ...data.submissions,
      ...data.listEntries,
      ...data.commitmentTemplates,
      ...data.commitments,
      ...data.repairCases,
    ].map((r) => r.id);
    expect(all.filter((id) => !UUID.test(id))).toEqual([]);
    expect(new Set(all).size).toBe(all.length);
  });

  it('covers every value of the vocabularies a demo should show', () => {
    const kinds = new Set(data.subjects.map((s) => s.kind));
    for (const kind of Object.values(SubjectKind)) {
      // The two kinds of issue 13 (N- and other registration authorities) are not in the demo data,
      // whose counts other tests rely on; test/unit/identifiers-gb32100.test.ts covers their classification.
      if (
        kind !== SubjectKind.GOVERNMENT_AGENCY &&
        kind !== SubjectKind.RURAL_COLLECTIVE &&
        kind !== SubjectKind.OTHER_ORGANIZATION
      )
        expect(kinds).toContain(kind);
    }
    expect(new Set(data.penalties.map((p) => p.severity))).toEqual(new Set(Object.values(Severity)));
    expect(new Set(data.listEntries.map((e) => e.list))).toEqual(new Set(Object.values(CreditList)));
    // EXPIRED is never stored: a published entry past its validity reads as expired.
    expect(new Set(data.listEntries.map((e) => e.status))).toEqual(
      new Set(Object.values(ListEntryStatus).filter((s) => s !== ListEntryStatus.EXPIRED)),
    );
    expect(new Set(data.commitmentTemplates.map((t) => t.kind))).toEqual(new Set(Object.values(CommitmentKind)));
    expect(new Set(data.commitments.map((c) => c.kind))).toEqual(new Set(Object.values(CommitmentKind)));
    expect(new Set(data.commitments.map((c) => c.status))).toEqual(new Set(Object.values(CommitmentStatus)));
    // REJECTED is the legacy name of DENIED: nothing writes it any more.
    expect(new Set(data.repairCases.map((r) => r.status))).toEqual(
      new Set(Object.values(RepairStatus).filter((s) => s !== RepairStatus.REJECTED)),
    );
    expect(new Set(data.repairCases.map((r) => r.target))).toEqual(new Set(Object.values(RepairTarget)));
    expect(new Set(data.submissions.map((s) => s.outcome))).toEqual(new Set(Object.values(SubmissionOutcome)));
  });

  it('keeps the volumes near their targets', () => {
    const n = data.subjects.length;
    expect(share(data.licenses.length, n)).toBeGreaterThan(1.2);
    expect(share(data.licenses.length, n)).toBeLessThan(1.8);
    expect(share(data.penalties.length, n)).toBeGreaterThan(0.3);
    expect(share(data.penalties.length, n)).toBeLessThan(0.5);
    expect(share(data.commitments.length, n)).toBeGreaterThan(0.45);
    expect(share(data.commitments.length, n)).toBeLessThan(0.75);
    expect(data.commitmentTemplates.length).toBeGreaterThanOrEqual(8);
    const bySeverity = (s: Severity): number => data.penalties.filter((p) => p.severity === s).length;
    expect(bySeverity(Severity.MINOR)).toBeGreaterThan(bySeverity(Severity.SERIOUS));
    const onList = (list: CreditList): number =>
      new Set(data.listEntries.filter((e) => e.list === list).map((e) => e.subjectId)).size;
    expect(share(onList(CreditList.BLACK), n)).toBeGreaterThan(0.015);
    expect(share(onList(CreditList.BLACK), n)).toBeLessThan(0.05);
    expect(share(onList(CreditList.WATCH), n)).toBeGreaterThan(0.01);
    expect(share(onList(CreditList.WATCH), n)).toBeLessThan(0.04);
    expect(share(onList(CreditList.RED), n)).toBeGreaterThan(0.03);
    expect(share(onList(CreditList.RED), n)).toBeLessThan(0.08);
  });

  it('keeps 双公示 records well-formed', () => {
    const problems: string[] = [];
    const window = addYears(TODAY, -4);
    for (const record of [...data.licenses, ...data.penalties]) {
      const decided = dayOf(record.decidedAt);
      if (decided < window || decided > TODAY) problems.push(`${record.id}: decided ${record.decidedAt}`);
      const delay = dayOf(record.reportedAt) - decided;
      if (!INSTANT.test(record.reportedAt) || delay < 0 || delay > 9 || dayOf(record.reportedAt) > TODAY) {
        problems.push(`${record.id}: reported ${record.reportedAt} for ${record.decidedAt}`);
      }
    }
    for (const l of data.licenses) {
      if (l.validFrom !== l.decidedAt || (l.validUntil !== null && l.validUntil <= l.validFrom))
        problems.push(`${l.id}: validity`);
    }
    const decisionNos = new Set<string>();
    for (const p of data.penalties) {
      const key = `${p.authorityCode}|${p.decisionNo}`;
      if (decisionNos.has(key)) problems.push(`duplicate ${key}`);
      decisionNos.add(key);
      if (!/^\p{Script=Han}+〔\d{4}〕\d+号$/u.test(p.decisionNo)) problems.push(`decisionNo ${p.decisionNo}`);
      if (!p.legalBasis.startsWith('《') || p.categories.length === 0 || !p.content)
        problems.push(`${p.id}: incomplete`);
      const fine = p.fineAmount;
      if (p.categories.includes('罚款')) {
        if (fine === null || fine < 0.01 || fine > 50 || Math.round(fine * 100) / 100 !== fine)
          problems.push(`${p.id}: fine ${fine}`);
      } else if (fine !== null) problems.push(`${p.id}: a fine without 罚款`);
    }
    expect(problems).toEqual([]);
  });

  it('reports most records on time (share between 85% and 99%)', () => {
    const records = [...data.licenses, ...data.penalties];
    const timely = records.filter((r) => dayOf(r.reportedAt) - dayOf(r.decidedAt) <= 5).length;
    const rate = share(timely, records.length);
    expect(rate).toBeGreaterThan(0.85);
    expect(rate).toBeLessThan(0.99);
  });

  it('keeps references intact across all slices', () => {
    const problems: string[] = [];
    const check = (ok: boolean, what: string): void => {
      if (!ok) problems.push(what);
    };
    const subjects = new Map(data.subjects.map((s) => [s.id, s]));
    const departments = new Set(data.departments.map((d) => d.code));
    const authorities = new Set([...departments].filter((c) => c !== CREDIT_OFFICE_CODE));
    const licenses = new Map(data.licenses.map((l) => [l.id, l]));
    const penalties = new Map(data.penalties.map((p) => [p.id, p]));
    const entries = new Map(data.listEntries.map((e) => [e.id, e]));
    const templates = new Map(data.commitmentTemplates.map((t) => [t.id, t]));

    for (const r of [...data.licenses, ...data.penalties]) {
      check(subjects.has(r.subjectId), `${r.id}: subject`);
      check(authorities.has(r.authorityCode), `${r.id}: authority ${r.authorityCode}`);
      check(departments.has(r.dataSourceCode), `${r.id}: data source ${r.dataSourceCode}`);
    }
    const acceptedFor = new Map<string, number>();
    for (const s of data.submissions) {
      check(departments.has(s.departmentCode), `${s.id}: department`);
      check(INSTANT.test(s.submittedAt) && DATE.test(s.decidedAt), `${s.id}: times`);
      if (s.outcome === SubmissionOutcome.ACCEPTED) {
        const record = s.kind === RecordKind.LICENSE ? licenses.get(s.recordId ?? '') : penalties.get(s.recordId ?? '');
        check(record !== undefined && s.rejectionReason === null, `${s.id}: accepted without its record`);
        check(
          s.submittedAt === record?.reportedAt && s.decidedAt === record.decidedAt,
          `${s.id}: times differ from the record`,
        );
        check(s.departmentCode === record?.dataSourceCode, `${s.id}: department differs from the record`);
        acceptedFor.set(s.recordId ?? '', (acceptedFor.get(s.recordId ?? '') ?? 0) + 1);
      } else {
        check(s.recordId === null && Boolean(s.rejectionReason), `${s.id}: rejected with a record or without a reason`);
      }
    }
    check(acceptedFor.size === data.licenses.length + data.penalties.length, 'a record without an accepted submission');
    check(
      [...acceptedFor.values()].every((n) => n === 1),
      'a record accepted twice',
    );

    for (const e of data.listEntries) {
      const subject = subjects.get(e.subjectId);
      check(
        subject !== undefined && subject.uscc === e.subjectUscc && subject.name === e.subjectName,
        `${e.id}: subject`,
      );
      check(departments.has(e.decidedByCode), `${e.id}: decided by ${e.decidedByCode}`);
      check((e.validUntil === null || e.validUntil > e.decidedAt) && dayOf(e.decidedAt) <= TODAY, `${e.id}: dates`);
    }

    for (const t of data.commitmentTemplates) check(departments.has(t.issuedByCode), `${t.code}: issuer`);
    for (const c of data.commitments) {
      const subject = subjects.get(c.subjectId);
      check(
        subject !== undefined && c.signatoryName === subject.name && c.signatoryUscc === subject.uscc,
        `${c.id}: signatory`,
      );
      check(templates.get(c.templateId)?.kind === c.kind, `${c.id}: template`);
      check(departments.has(c.departmentCode), `${c.id}: department`);
      check((c.validUntil === null || c.validUntil > c.signedAt) && dayOf(c.signedAt) <= TODAY, `${c.id}: dates`);
    }

    for (const r of data.repairCases) {
      const target = r.target === RepairTarget.PENALTY ? penalties.get(r.targetId) : entries.get(r.targetId);
      check(target !== undefined && target.subjectId === r.subjectId, `${r.id}: target of another subject`);
    }
    expect(problems).toEqual([]);

    const rejected = data.submissions.filter((s) => s.outcome === SubmissionOutcome.REJECTED).length;
    expect(share(rejected, data.submissions.length)).toBeGreaterThan(0.005);
    expect(share(rejected, data.submissions.length)).toBeLessThan(0.04);
  });

  it('never has a subject active on both the black and the red list', () => {
    const activeBlack = new Set(
      data.listEntries.filter((e) => e.list === CreditList.BLACK && isActive(e)).map((e) => e.subjectId),
    );
    const both = data.listEntries.filter(
      (e) => e.list === CreditList.RED && isActive(e) && activeBlack.has(e.subjectId),
    );
    expect(both).toEqual([]);
  });

  it('lets some list entries expire and keeps validity after the decision', () => {
    const expired = data.listEntries.filter(
      (e) => e.status === ListEntryStatus.PUBLISHED && e.validUntil !== null && dayOf(e.validUntil) < TODAY,
    );
    expect(expired.length).toBeGreaterThan(0);
    for (const e of data.listEntries) {
      const years = (dayOf(e.validUntil ?? e.decidedAt) - dayOf(e.decidedAt)) / 365;
      expect(years > 0.9 && years <= 3.01).toBe(true);
    }
  });

  it('targets only repairable records and keeps case fields consistent with the status', () => {
    const penalties = new Map(data.penalties.map((p) => [p.id, p]));
    const entries = new Map(data.listEntries.map((e) => [e.id, e]));
    for (const r of data.repairCases) {
      if (r.target === RepairTarget.PENALTY) {
        expect(penalties.get(r.targetId)?.severity).not.toBe(Severity.MINOR);
      } else {
        const entry = entries.get(r.targetId);
        expect([CreditList.BLACK, CreditList.WATCH]).toContain(entry?.list);
        if (r.status === RepairStatus.APPROVED) expect(entry?.status).toBe(ListEntryStatus.REMOVED);
      }
      expect(r.submittedAt).toMatch(INSTANT);
      expect(dayOf(r.submittedAt)).toBeLessThanOrEqual(TODAY);
      switch (r.status) {
        case RepairStatus.SUBMITTED:
          expect(r.acceptedAt).toBeNull();
          expect(r.decidedAt).toBeNull();
          expect(r.decidedByCode).toBeNull();
          break;
        case RepairStatus.ACCEPTED:
          expect(r.acceptedAt).not.toBeNull();
          expect(r.decidedAt).toBeNull();
          expect(r.decidedByCode).toBeNull();
          break;
        case RepairStatus.REJECTED_AT_INTAKE:
          expect(r.acceptedAt).toBeNull();
          expect(r.decidedAt).not.toBeNull();
          expect(r.decidedByCode).toBe(
            r.target === RepairTarget.LIST_ENTRY
              ? data.listEntries.find((e) => e.id === r.targetId)?.decidedByCode
              : CREDIT_OFFICE_CODE,
          );
          expect(r.submittedAt < (r.decidedAt ?? '')).toBe(true);
          break;
        case RepairStatus.APPROVED:
        case RepairStatus.DENIED:
          expect(r.acceptedAt).not.toBeNull();
          expect(r.decidedAt).not.toBeNull();
          // 谁认定、谁修复: a list entry's case is decided by its designating department, a penalty's here by the credit office.
          expect(r.decidedByCode).toBe(
            r.target === RepairTarget.LIST_ENTRY
              ? data.listEntries.find((e) => e.id === r.targetId)?.decidedByCode
              : CREDIT_OFFICE_CODE,
          );
          expect((r.acceptedAt ?? '') < (r.decidedAt ?? '')).toBe(true);
          expect(dayOf(r.decidedAt ?? '')).toBeLessThanOrEqual(TODAY);
          break;
        case RepairStatus.WITHDRAWN:
          expect(r.decidedAt).toBeNull();
          expect(r.decidedByCode).toBeNull();
          break;
      }
      if (r.acceptedAt !== null) expect(r.submittedAt < r.acceptedAt).toBe(true);
    }
    // Each case comes with a repair commitment from the same subject.
    const repairSigners = new Set(
      data.commitments.filter((c) => c.kind === CommitmentKind.REPAIR).map((c) => c.subjectId),
    );
    for (const r of data.repairCases) expect(repairSigners.has(r.subjectId)).toBe(true);
  });
});

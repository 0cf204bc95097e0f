import { applyObjectionMark, ObjectionMarked } from '../../shared/domain/objection-mark';
import { ObjectionOutcome, ObjectionStatus, ObjectionTarget } from '../../shared/domain/vocabulary';
import { mayDecideObjection } from '../../subgraphs/repairs/rules/access';
import {
  decisionProblem,
  nextObjectionStatus,
  ObjectionAction,
  objectionNextStep,
  objectionPendingDueOn,
  outcomeProblem,
} from '../../subgraphs/repairs/rules/objection-workflow';

const change = (status: 'SUBMITTED' | 'ACCEPTED' | 'UPHELD' | 'DISMISSED', objectionId = 'o-1') => ({
  objectionId,
  caseNumber: 'GSYY-2026-00000001',
  target: 'PENALTY' as const,
  targetId: 'p-1',
  status,
  outcome: null,
  note: null,
  decidedByCode: null,
});
const at = (second: number) => new Date(Date.UTC(2026, 11, 3, 10, 0, second));

describe('the objection workflow', () => {
  it('accepts before it decides, and decides once', () => {
    expect(nextObjectionStatus(ObjectionStatus.SUBMITTED, ObjectionAction.ACCEPT)).toBe(ObjectionStatus.ACCEPTED);
    expect(nextObjectionStatus(ObjectionStatus.ACCEPTED, ObjectionAction.UPHOLD)).toBe(ObjectionStatus.UPHELD);
    expect(nextObjectionStatus(ObjectionStatus.ACCEPTED, ObjectionAction.DISMISS)).toBe(ObjectionStatus.DISMISSED);
    expect(() => nextObjectionStatus(ObjectionStatus.SUBMITTED, ObjectionAction.UPHOLD)).toThrow(/not allowed/);
    expect(() => nextObjectionStatus(ObjectionStatus.UPHELD, ObjectionAction.DISMISS)).toThrow(/not allowed/);
    expect(() => nextObjectionStatus(ObjectionStatus.DISMISSED, ObjectionAction.ACCEPT)).toThrow(/not allowed/);
  });

  it('asks an upheld objection what was done to the record, and a dismissed one nothing', () => {
    expect(decisionProblem(true, ObjectionOutcome.WITHDRAWN)).toBeNull();
    expect(decisionProblem(true, null)).toMatch(/outcome/);
    expect(decisionProblem(false, undefined)).toBeNull();
    expect(decisionProblem(false, ObjectionOutcome.CORRECTED)).toMatch(/leave 'outcome' out/);
  });

  it('says the next step by status and the deadline it waits on', () => {
    expect(objectionPendingDueOn(ObjectionStatus.SUBMITTED, '2026-12-07', null)).toBe('2026-12-07');
    expect(objectionPendingDueOn(ObjectionStatus.ACCEPTED, '2026-12-07', '2026-12-18')).toBe('2026-12-18');
    expect(objectionPendingDueOn(ObjectionStatus.UPHELD, '2026-12-07', '2026-12-18')).toBeNull();
    expect(objectionNextStep(ObjectionStatus.ACCEPTED, '2026-12-18')).toContain('2026-12-18');
    expect(objectionNextStep(ObjectionStatus.DISMISSED, null)).toContain('行政复议');
  });
});

describe('the 异议处理中 mark', () => {
  it('opens with the objection and ends with its decision', () => {
    const record: ObjectionMarked = { openObjectionId: null, objectionChangedAt: null };
    expect(applyObjectionMark(record, change('SUBMITTED'), at(1))).toBe('OPEN');
    expect(record.openObjectionId).toBe('o-1');
    expect(applyObjectionMark(record, change('ACCEPTED'), at(2))).toBe('OPEN');
    expect(applyObjectionMark(record, change('DISMISSED'), at(3))).toBe('DECIDED');
    expect(record.openObjectionId).toBeNull();
  });

  it('ignores an event older than the last applied: a late acceptance never marks a decided record', () => {
    const record: ObjectionMarked = { openObjectionId: null, objectionChangedAt: null };
    applyObjectionMark(record, change('SUBMITTED'), at(1));
    expect(applyObjectionMark(record, change('UPHELD'), at(3))).toBe('DECIDED');
    expect(applyObjectionMark(record, change('ACCEPTED'), at(2))).toBe('STALE');
    expect(record.openObjectionId).toBeNull();
    expect(applyObjectionMark(record, change('UPHELD'), at(3))).toBe('STALE');
  });

  it('a decision of an older objection leaves a newer open one marked', () => {
    const record: ObjectionMarked = { openObjectionId: 'o-2', objectionChangedAt: at(5) };
    expect(applyObjectionMark(record, change('DISMISSED', 'o-1'), at(6))).toBe('DECIDED');
    expect(record.openObjectionId).toBe('o-2');
  });
});

describe('who decides an objection, and how (谁提供、谁负责)', () => {
  const department = { org: 'gusu.scjgj', office: false };
  const office = { org: 'gusu.xyb', office: true };

  it('a reported record by the department that reported it, not the credit office', () => {
    for (const target of [
      ObjectionTarget.PENALTY,
      ObjectionTarget.LICENSE,
      ObjectionTarget.ACTION,
      ObjectionTarget.LIST_ENTRY,
    ]) {
      expect(mayDecideObjection(department, target, 'gusu.scjgj')).toBe(true);
      expect(mayDecideObjection(department, target, 'gusu.swj')).toBe(false);
      expect(mayDecideObjection(office, target, 'gusu.scjgj')).toBe(false);
    }
  });

  it('the district evaluation by the credit office alone, which runs it', () => {
    expect(mayDecideObjection(office, ObjectionTarget.EVALUATION, null)).toBe(true);
    expect(mayDecideObjection(department, ObjectionTarget.EVALUATION, null)).toBe(false);
    expect(mayDecideObjection({ org: null, office: false }, ObjectionTarget.EVALUATION, null)).toBe(false);
  });

  it('an evaluation is evaluated again (CORRECTED), never withdrawn; any record may be either', () => {
    expect(outcomeProblem(ObjectionTarget.EVALUATION, ObjectionOutcome.WITHDRAWN)).toMatch(/evaluated again/);
    expect(outcomeProblem(ObjectionTarget.EVALUATION, ObjectionOutcome.CORRECTED)).toBeNull();
    expect(outcomeProblem(ObjectionTarget.EVALUATION, null)).toBeNull();
    for (const target of [ObjectionTarget.PENALTY, ObjectionTarget.LICENSE, ObjectionTarget.ACTION])
      for (const outcome of [ObjectionOutcome.WITHDRAWN, ObjectionOutcome.CORRECTED])
        expect(outcomeProblem(target, outcome)).toBeNull();
  });
});

import { CommitmentKind, CommitmentStatus } from '../../shared/domain/vocabulary';
import { TransitionRefused } from '../../shared/workflow/refusal';
import { CommitmentAction } from '../../subgraphs/commitments/rules/actions';
import { isInEffect } from '../../subgraphs/commitments/rules/in-effect';
import { isSameStep, StepData } from '../../subgraphs/commitments/rules/repeat';
import { breachDateProblem, signingProblems } from '../../subgraphs/commitments/rules/signing';
import { effectiveStatus, nextStep, TRANSITIONS } from '../../subgraphs/commitments/rules/transitions';

const today = '2026-11-29';

const inEffect = { status: CommitmentStatus.IN_EFFECT, validUntil: null };
const closing = [CommitmentAction.FULFIL, CommitmentAction.BREACH, CommitmentAction.WITHDRAW] as const;

describe('commitment transitions', () => {
  it('closes a commitment in effect as fulfilled, breached or withdrawn', () => {
    expect(nextStep(inEffect, CommitmentAction.FULFIL, today, false)).toEqual({
      kind: 'apply',
      to: CommitmentStatus.FULFILLED,
    });
    expect(nextStep(inEffect, CommitmentAction.BREACH, today, false)).toEqual({
      kind: 'apply',
      to: CommitmentStatus.BREACHED,
    });
    expect(nextStep(inEffect, CommitmentAction.WITHDRAW, today, false)).toEqual({
      kind: 'apply',
      to: CommitmentStatus.WITHDRAWN,
    });
  });

  it('refuses every closing action from a closed status, naming the status', () => {
    for (const status of [
      CommitmentStatus.FULFILLED,
      CommitmentStatus.BREACHED,
      CommitmentStatus.WITHDRAWN,
      CommitmentStatus.EXPIRED,
    ]) {
      for (const action of closing) {
        const repeat = TRANSITIONS[action].to === status;
        if (repeat) continue;
        expect(() => nextStep({ status, validUntil: null }, action, today, false)).toThrow(TransitionRefused);
        try {
          nextStep({ status, validUntil: null }, action, today, false);
        } catch (error) {
          expect(error).toMatchObject({ status, reason: 'INVALID_STATUS', action });
        }
      }
    }
  });

  it('treats a repeat of the step already taken with the same data as a retry, and a different one as a conflict', () => {
    const fulfilled = { status: CommitmentStatus.FULFILLED, validUntil: null };
    expect(nextStep(fulfilled, CommitmentAction.FULFIL, today, true)).toEqual({ kind: 'repeat' });
    expect(() => nextStep(fulfilled, CommitmentAction.FULFIL, today, false)).toThrow(TransitionRefused);
    // The flag only counts for the status the action leads to.
    expect(() => nextStep(fulfilled, CommitmentAction.BREACH, today, true)).toThrow(TransitionRefused);
  });

  it('reads a commitment in effect past its validity as EXPIRED, which no longer moves', () => {
    const lapsed = { status: CommitmentStatus.IN_EFFECT, validUntil: '2026-11-28' };
    expect(effectiveStatus(lapsed, today)).toBe(CommitmentStatus.EXPIRED);
    expect(effectiveStatus({ ...lapsed, validUntil: today }, today)).toBe(CommitmentStatus.IN_EFFECT);
    expect(effectiveStatus({ status: CommitmentStatus.FULFILLED, validUntil: '2020-01-01' }, today)).toBe(
      CommitmentStatus.FULFILLED,
    );
    for (const action of closing) expect(() => nextStep(lapsed, action, today, false)).toThrow(/EXPIRED/);
    expect(isInEffect(lapsed, today)).toBe(false);
    expect(isInEffect({ status: CommitmentStatus.WITHDRAWN, validUntil: null }, today)).toBe(false);
    expect(isInEffect(inEffect, today)).toBe(true);
  });
});

describe('retries', () => {
  const breach: StepData = {
    action: CommitmentAction.BREACH,
    note: null,
    evidence: '姑市监罚〔2026〕1号',
    on: '2026-11-01',
  };

  it('is the same step only when action and every piece of data match', () => {
    expect(isSameStep(breach, { ...breach })).toBe(true);
    expect(isSameStep(null, breach)).toBe(false);
    expect(isSameStep(breach, { ...breach, evidence: '姑市监罚〔2026〕2号' })).toBe(false);
    expect(isSameStep(breach, { ...breach, on: '2026-11-02' })).toBe(false);
    expect(isSameStep(breach, { ...breach, action: CommitmentAction.WITHDRAW })).toBe(false);
    expect(isSameStep({ ...breach, note: 'a' }, { ...breach, note: 'b' })).toBe(false);
  });
});

describe('signing', () => {
  it('needs a validity that does not end before the signing day', () => {
    expect(signingProblems({ kind: CommitmentKind.PROACTIVE, publicized: true, validUntil: today }, today)).toEqual([]);
    expect(signingProblems({ kind: CommitmentKind.PROACTIVE, publicized: true, validUntil: null }, today)).toEqual([]);
    expect(
      signingProblems({ kind: CommitmentKind.PROACTIVE, publicized: true, validUntil: '2026-11-28' }, today).map(
        (p) => p.field,
      ),
    ).toEqual(['validUntil']);
  });

  it('always publicizes a repair commitment', () => {
    expect(
      signingProblems({ kind: CommitmentKind.REPAIR, publicized: false, validUntil: null }, today).map((p) => p.field),
    ).toEqual(['publicized']);
    expect(signingProblems({ kind: CommitmentKind.PROACTIVE, publicized: false, validUntil: null }, today)).toEqual([]);
  });

  it('dates a breach between the signing day and today', () => {
    expect(breachDateProblem('2026-06-01', '2026-06-01', today)).toBeNull();
    expect(breachDateProblem(today, '2026-06-01', today)).toBeNull();
    expect(breachDateProblem('2026-11-30', '2026-06-01', today)).toMatch(/future/);
    expect(breachDateProblem('2026-05-31', '2026-06-01', today)).toMatch(/before/);
  });
});

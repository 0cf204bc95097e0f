import { CommitmentStatus, CreditList, ListEntryStatus } from '../../shared/domain/vocabulary';
import { isInEffect } from '../../subgraphs/commitments/rules/in-effect';
import { isActiveEntry, isPublished } from '../../subgraphs/sanctions/rules/active';
import {
  applicableLists,
  CreditStatus,
  creditStatusFor,
  Verdict,
  verdictFor,
} from '../../subgraphs/sanctions/rules/verdict';

describe('screening verdicts (自动比对、自动提示)', () => {
  it('is CLEAR with no list', () => {
    expect(verdictFor([])).toBe(Verdict.CLEAR);
    expect(creditStatusFor([])).toBe(CreditStatus.NORMAL);
    expect(applicableLists([])).toEqual([]);
  });

  it('maps each list to its verdict and status', () => {
    expect(verdictFor([CreditList.RED])).toBe(Verdict.INCENTIVE);
    expect(verdictFor([CreditList.WATCH])).toBe(Verdict.CAUTION);
    expect(verdictFor([CreditList.BLACK])).toBe(Verdict.RESTRICT);
    expect(creditStatusFor([CreditList.RED])).toBe(CreditStatus.RED_LISTED);
    expect(creditStatusFor([CreditList.WATCH])).toBe(CreditStatus.WATCH_LISTED);
  });

  it('lets punishment outrank caution outrank incentive, and applies only the winning list’s measures', () => {
    expect(verdictFor([CreditList.RED, CreditList.WATCH])).toBe(Verdict.CAUTION);
    expect(verdictFor([CreditList.WATCH, CreditList.BLACK, CreditList.RED])).toBe(Verdict.RESTRICT);
    expect(creditStatusFor([CreditList.RED, CreditList.BLACK])).toBe(CreditStatus.BLACK_LISTED);
    expect(applicableLists([CreditList.RED, CreditList.WATCH])).toEqual([CreditList.WATCH]);
  });
});

describe('validity', () => {
  const today = '2026-11-29';

  it('counts a list entry only while published and within its validity (inclusive)', () => {
    expect(isActiveEntry({ list: CreditList.BLACK, status: ListEntryStatus.PUBLISHED, validUntil: null }, today)).toBe(
      true,
    );
    expect(isActiveEntry({ list: CreditList.BLACK, status: ListEntryStatus.PUBLISHED, validUntil: today }, today)).toBe(
      true,
    );
    expect(
      isActiveEntry({ list: CreditList.BLACK, status: ListEntryStatus.PUBLISHED, validUntil: '2026-11-28' }, today),
    ).toBe(false);
    for (const status of [
      ListEntryStatus.DESIGNATED,
      ListEntryStatus.NOTIFIED,
      ListEntryStatus.OBJECTED,
      ListEntryStatus.REMOVED,
    ]) {
      expect(isActiveEntry({ list: CreditList.RED, status, validUntil: null }, today)).toBe(false);
    }
  });

  it('does not bind before its validity starts', () => {
    expect(
      isActiveEntry(
        { list: CreditList.BLACK, status: ListEntryStatus.PUBLISHED, validFrom: '2026-12-01', validUntil: null },
        today,
      ),
    ).toBe(false);
    expect(
      isActiveEntry(
        { list: CreditList.BLACK, status: ListEntryStatus.PUBLISHED, validFrom: today, validUntil: null },
        today,
      ),
    ).toBe(true);
  });

  it('never publishes the watch list', () => {
    expect(isPublished({ list: CreditList.WATCH, status: ListEntryStatus.PUBLISHED, validUntil: null }, today)).toBe(
      false,
    );
    expect(isPublished({ list: CreditList.RED, status: ListEntryStatus.PUBLISHED, validUntil: null }, today)).toBe(
      true,
    );
    expect(
      isPublished({ list: CreditList.BLACK, status: ListEntryStatus.PUBLISHED, validUntil: '2020-01-01' }, today),
    ).toBe(false);
  });

  it('counts a commitment only while being performed and within its validity', () => {
    expect(isInEffect({ status: CommitmentStatus.IN_EFFECT, validUntil: today }, today)).toBe(true);
    expect(isInEffect({ status: CommitmentStatus.IN_EFFECT, validUntil: '2026-01-01' }, today)).toBe(false);
    expect(isInEffect({ status: CommitmentStatus.BREACHED, validUntil: null }, today)).toBe(false);
  });
});

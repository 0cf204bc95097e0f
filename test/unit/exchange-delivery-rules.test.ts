import { createHash } from 'node:crypto';
import { afterFailure, backoffDelayMs, backoffStepMs, DEFAULT_BACKOFF } from '../../subgraphs/exchange/rules/backoff';
import { setDifference, setDigest } from '../../subgraphs/exchange/rules/digest';
import { batchIdOf, cutBatch } from '../../subgraphs/exchange/rules/push-batch';
import { nextDailyRun, parseDailyTime } from '../../subgraphs/exchange/rules/reconcile-schedule';

describe('push back-off (rules/backoff.ts)', () => {
  it('doubles from 1 s per failure up to the 60 s cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 30].map((n) => backoffStepMs(DEFAULT_BACKOFF, n))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000,
    ]);
    expect(backoffStepMs(DEFAULT_BACKOFF, 0)).toBe(0);
    expect(backoffStepMs(DEFAULT_BACKOFF, 10_000)).toBe(60_000);
  });

  it('jitters between half and the whole of the step', () => {
    expect(backoffDelayMs(DEFAULT_BACKOFF, 3, 0)).toBe(2000);
    expect(backoffDelayMs(DEFAULT_BACKOFF, 3, 0.5)).toBe(3000);
    expect(backoffDelayMs(DEFAULT_BACKOFF, 3, 0.999999)).toBe(4000);
  });

  it('retries until the batch has failed for 24 h, then dead-letters it', () => {
    const since = new Date('2026-12-03T00:00:00Z');
    const retry = afterFailure(DEFAULT_BACKOFF, 2, since, new Date('2026-12-03T10:00:00Z'), 0);
    expect(retry).toEqual({ kind: 'RETRY', nextAttemptAt: new Date('2026-12-03T10:00:01Z') });
    expect(afterFailure(DEFAULT_BACKOFF, 2000, since, new Date('2026-12-04T00:00:00Z'), 0)).toEqual({
      kind: 'DEAD_LETTER',
    });
  });
});

describe('reconciliation digest (rules/digest.ts)', () => {
  it('is SHA-256 over the sorted key:version lines, whatever the order read', () => {
    const expected = createHash('sha256').update('a:1\nb:7\nc:2').digest('hex');
    expect(
      setDigest([
        { key: 'c', version: 2 },
        { key: 'a', version: 1 },
        { key: 'b', version: 7 },
      ]),
    ).toBe(expected);
    expect(setDigest([])).toBe(createHash('sha256').update('').digest('hex'));
    // Code-unit order: upper case before lower case, as collate "C".
    expect(
      setDigest([
        { key: 'b', version: 1 },
        { key: 'B', version: 1 },
      ]),
    ).toBe(createHash('sha256').update('B:1\nb:1').digest('hex'));
  });

  it('lists missing, stale and extra keys', () => {
    const ours = [
      { key: 'a', version: 1 },
      { key: 'b', version: 3 },
      { key: 'c', version: 5 },
      { key: 'd', version: 1 },
    ];
    const theirs = [
      { key: 'b', version: 2 },
      { key: 'c', version: 5 },
      { key: 'd', version: 9 },
      { key: 'z', version: 4 },
    ];
    expect(setDifference(ours, theirs)).toEqual({
      missing: [{ key: 'a', version: 1 }],
      stale: [
        { key: 'b', version: 3 },
        { key: 'd', version: 1 },
      ],
      extra: [{ key: 'z', version: 4 }],
    });
    expect(setDifference(ours, ours)).toEqual({ missing: [], stale: [], extra: [] });
  });
});

describe('push batches (rules/push-batch.ts)', () => {
  const entry = (seq: number, size = 10) => ({ seq: String(seq), text: 'x'.repeat(size) });

  it('takes at most maxEntries consecutive entries, named by their seq range', () => {
    const batch = cutBatch(
      'suzhou-city',
      [1, 2, 3, 4].map((s) => entry(s + 17)),
      { maxEntries: 3, maxBodyBytes: 1e6 },
    );
    expect(batch?.batchId).toBe('suzhou-city:18-20');
    expect(batch?.entries.map((e) => e.seq)).toEqual(['18', '19', '20']);
    expect(JSON.parse(batch?.body ?? '')).toEqual({
      receiver: 'suzhou-city',
      batchId: 'suzhou-city:18-20',
      entries: batch?.entries,
    });
    expect(batchIdOf('r', 1, 1)).toBe('r:1-1');
    expect(cutBatch('r', [], { maxEntries: 3, maxBodyBytes: 1e6 })).toBeNull();
  });

  it('stops before the entry that would take the body past the byte limit, but never sends nothing', () => {
    const entries = [1, 2, 3].map((s) => entry(s, 400));
    const batch = cutBatch('r', entries, { maxEntries: 500, maxBodyBytes: 1000 });
    expect(batch?.entries.length).toBe(2);
    expect(Buffer.byteLength(batch?.body ?? '')).toBeLessThanOrEqual(1000);
    const alone = cutBatch('r', [entry(1, 5000)], { maxEntries: 500, maxBodyBytes: 1000 });
    expect(alone?.entries.length).toBe(1);
  });
});

describe('daily reconciliation time (rules/reconcile-schedule.ts)', () => {
  it('reads HH:MM or off', () => {
    expect(parseDailyTime('03:00')).toEqual({ hour: 3, minute: 0 });
    expect(parseDailyTime('off')).toBeNull();
    expect(parseDailyTime('25:00')).toBeUndefined();
    expect(parseDailyTime('3am')).toBeUndefined();
  });

  it('is the next instant China time reads it (UTC+8)', () => {
    const at = { hour: 3, minute: 0 };
    // 18:00 UTC = 02:00 in Suzhou: today's 03:00 is an hour away.
    expect(nextDailyRun(new Date('2026-12-03T18:00:00Z'), at)).toEqual(new Date('2026-12-03T19:00:00Z'));
    // 20:00 UTC = 04:00 in Suzhou: tomorrow's.
    expect(nextDailyRun(new Date('2026-12-03T20:00:00Z'), at)).toEqual(new Date('2026-12-04T19:00:00Z'));
    expect(nextDailyRun(new Date('2026-12-03T19:00:00Z'), at)).toEqual(new Date('2026-12-04T19:00:00Z'));
  });
});

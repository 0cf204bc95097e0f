import { decideRestart, DEFAULT_RESTART_POLICY, RestartDecision, restartPolicy } from '../../scripts/restart-policy';

/** Feeds crashes at the given times through the policy, as the supervisor does. */
function decisions(times: number[], policy = DEFAULT_RESTART_POLICY): RestartDecision[] {
  let crashes: number[] = [];
  return times.map((now) => {
    const next = decideRestart(policy, crashes, now);
    crashes = next.crashes;
    return next.decision;
  });
}

describe('restart policy', () => {
  it('backs off 1 s, 2 s, 4 s, 8 s and gives up at the 5th crash within 60 s', () => {
    expect(decisions([0, 1_000, 3_000, 7_000, 15_000])).toEqual([
      { action: 'restart', delayMs: 1_000, crashesInWindow: 1 },
      { action: 'restart', delayMs: 2_000, crashesInWindow: 2 },
      { action: 'restart', delayMs: 4_000, crashesInWindow: 3 },
      { action: 'restart', delayMs: 8_000, crashesInWindow: 4 },
      { action: 'give-up', crashesInWindow: 5 },
    ]);
  });

  it('caps the back-off at 30 s', () => {
    const policy = restartPolicy({ maxCrashes: 10, windowMs: 600_000 });
    const delays = decisions([0, 1, 2, 3, 4, 5, 6, 7], policy).map((d) => (d.action === 'restart' ? d.delayMs : -1));
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('forgets crashes older than the window: one crash every 61 s restarts after 1 s forever', () => {
    const result = decisions([0, 61_000, 122_000, 183_000, 244_000, 305_000]);
    expect(result.every((d) => d.action === 'restart' && d.delayMs === 1_000)).toBe(true);
  });

  it('counts only the crashes inside the window', () => {
    // The 1st crash has left the window when the 6th comes (60 s later exactly): 4 remain plus this one.
    expect(decisions([0, 10_000, 20_000, 30_000, 40_000 - 1, 60_000]).map((d) => d.action)).toEqual([
      'restart',
      'restart',
      'restart',
      'restart',
      'give-up',
      'give-up',
    ]);
    expect(decisions([0, 59_000, 60_000]).at(-1)).toEqual({ action: 'restart', delayMs: 2_000, crashesInWindow: 2 });
  });

  it.each([
    { initialDelayMs: 0 },
    { maxCrashes: 0 },
    { windowMs: -1 },
    { maxDelayMs: 1.5 },
    { initialDelayMs: 5_000, maxDelayMs: 1_000 },
  ])('refuses %p', (overrides) => {
    expect(() => restartPolicy(overrides)).toThrow(/restart policy/);
  });
});

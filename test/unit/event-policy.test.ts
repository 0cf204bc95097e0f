import { queuePolicy } from '../../shared/events/bus';

describe('event queue policy', () => {
  it('hands a dead consumer’s event out again within about 15 s by default', () => {
    const policy = queuePolicy({});
    expect(policy).toEqual({ retryLimit: 6, expireInSeconds: 8, maintenanceSeconds: 5 });
    // Held past its expiry, found by the next maintenance run, fetched at the next 2-second poll.
    expect(policy.expireInSeconds + policy.maintenanceSeconds + 2).toBeLessThanOrEqual(15);
  });

  it('reads durations and refuses values that would silently become NaN or zero', () => {
    expect(
      queuePolicy({ EVENT_EXPIRE_SECONDS: '1m', EVENT_MAINTENANCE_SECONDS: '10', EVENT_RETRY_LIMIT: '0' }),
    ).toEqual({ retryLimit: 0, expireInSeconds: 60, maintenanceSeconds: 10 });
    expect(() => queuePolicy({ EVENT_RETRY_LIMIT: 'six' })).toThrow(/EVENT_RETRY_LIMIT/);
    expect(() => queuePolicy({ EVENT_EXPIRE_SECONDS: 'soon' })).toThrow(/EVENT_EXPIRE_SECONDS/);
    expect(() => queuePolicy({ EVENT_MAINTENANCE_SECONDS: '0' })).toThrow(/at least 1 s/);
  });
});

import { ConfigError } from '../../shared/config/env';
import { shutdownGraceMs } from '../../shared/http/graceful-stop';

describe('SHUTDOWN_GRACE_SECONDS', () => {
  it('defaults to 20 s and takes whole seconds from 0 to 3600', () => {
    expect(shutdownGraceMs({})).toBe(20_000);
    expect(shutdownGraceMs({ SHUTDOWN_GRACE_SECONDS: ' 5 ' })).toBe(5_000);
    expect(shutdownGraceMs({ SHUTDOWN_GRACE_SECONDS: '0' })).toBe(0);
    expect(shutdownGraceMs({ SHUTDOWN_GRACE_SECONDS: '3600' })).toBe(3_600_000);
  });

  it.each(['-1', '1.5', '20s', 'abc', '3601', '1e3'])('refuses %p at start-up, naming the variable', (value) => {
    expect(() => shutdownGraceMs({ SHUTDOWN_GRACE_SECONDS: value })).toThrow(ConfigError);
    expect(() => shutdownGraceMs({ SHUTDOWN_GRACE_SECONDS: value })).toThrow(/SHUTDOWN_GRACE_SECONDS/);
  });
});

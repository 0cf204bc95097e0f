import { benchPrincipalHeader } from '../../bench/support/bench-principal';
import { PUBLIC_PRINCIPAL } from '../../shared/auth/principal';

describe('the principal the benchmark sends Hive Gateway', () => {
  it('is ASCII and parses back to the same principal, Chinese names included', () => {
    const hall = { ...PUBLIC_PRINCIPAL, sub: 'bench-hall', name: '政务服务大厅窗口', authenticated: true };
    const header = benchPrincipalHeader(hall);
    expect(header).toMatch(/^[\x20-\x7e]+$/);
    expect(JSON.parse(header)).toEqual(hall);
  });
});

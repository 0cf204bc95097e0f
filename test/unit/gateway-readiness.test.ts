import type { DepartmentDirectory } from '../../gateway/auth/department-directory';
import { gatewayReadiness } from '../../gateway/readiness';

/** A directory whose first read hangs (the subjects subgraph accepts the call and never answers). */
function hangingDirectory(): DepartmentDirectory & { settle(read: boolean): void } {
  let settle: (read: boolean) => void = () => undefined;
  const read = new Promise<boolean>((resolve) => (settle = resolve));
  return { has: async () => false, readOnce: () => read, settle: (value) => settle(value) };
}

describe('gateway readiness', () => {
  it('answers not ready within its bound while the directory read hangs, and ready once that read is done', async () => {
    const directory = hangingDirectory();
    const started = Date.now();
    expect(await gatewayReadiness(directory, 200)).toEqual({
      ready: false,
      checks: { supergraph: 'loaded', directory: 'unread' },
    });
    expect(Date.now() - started).toBeLessThan(1000);
    directory.settle(true);
    expect(await gatewayReadiness(directory, 200)).toEqual({
      ready: true,
      checks: { supergraph: 'loaded', directory: 'read' },
    });
  });
});

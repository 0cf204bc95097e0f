import { GraphQLError } from 'graphql';
import { purposeOf, requestIdOf } from '../../gateway/audit/request-values';
import { createDepartmentDirectory } from '../../gateway/auth/department-directory';

const headerOf = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return (error as GraphQLError).extensions.header;
  }
  return null;
};

describe('client audit values', () => {
  it('takes a purpose percent-encoded, bounded and without control characters', () => {
    expect(purposeOf(encodeURIComponent('办理食品经营许可'))).toBe('办理食品经营许可');
    expect(purposeOf(undefined)).toBeNull();
    expect(purposeOf('长'.repeat(200))).toHaveLength(200);
    expect(headerOf(() => purposeOf('长'.repeat(201)))).toBe('x-purpose');
    expect(headerOf(() => purposeOf('%00'))).toBe('x-purpose');
    expect(headerOf(() => purposeOf('%E4%B8'))).toBe('x-purpose');
  });

  it('takes a request id of a safe alphabet, or makes one', () => {
    expect(requestIdOf('req-2026.12:01_a')).toBe('req-2026.12:01_a');
    expect(requestIdOf(undefined)).toMatch(/^[0-9a-f-]{36}$/);
    expect(headerOf(() => requestIdOf('r'.repeat(65)))).toBe('x-request-id');
    expect(headerOf(() => requestIdOf('a b'))).toBe('x-request-id');
  });
});

describe('department directory', () => {
  it('reads once, looks an unknown code up again, and refuses when it was never read', async () => {
    const lists = [['gusu.a'], ['gusu.a', 'gusu.b']];
    let loads = 0;
    const directory = createDepartmentDirectory(async () => lists[Math.min(loads++, lists.length - 1)]);
    expect(await directory.has('gusu.a')).toBe(true);
    expect(await directory.has('gusu.a')).toBe(true);
    expect(loads).toBe(1);
    expect(await directory.has('gusu.b')).toBe(true);
    expect(loads).toBe(2);
    const failing = createDepartmentDirectory(async () => {
      throw new Error('down');
    });
    await expect(failing.has('gusu.a')).rejects.toMatchObject({ extensions: { code: 'DIRECTORY_UNAVAILABLE' } });
  });

  it('keeps the last good copy while a re-read fails', async () => {
    let now = 0;
    let up = true;
    const directory = createDepartmentDirectory(
      async () => {
        if (!up) throw new Error('down');
        return ['gusu.a'];
      },
      () => now,
    );
    expect(await directory.has('gusu.a')).toBe(true);
    up = false;
    now = 120_000;
    expect(await directory.has('gusu.a')).toBe(true);
    expect(await directory.has('gusu.z')).toBe(false);
  });
});

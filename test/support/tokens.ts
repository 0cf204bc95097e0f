import { signDevToken } from '../../gateway/auth/dev-token';
import type { Role } from '../../shared/auth/policy';

/** Organisation each role's test token carries. */
const ORG: Partial<Record<Role, string>> = { department: 'gusu.scjgj', hall: 'gusu.xzspj', credit_office: 'gusu.xyb' };

/** A real token, signed with the development secret of the system under test. */
export async function tokenFor(
  role: Role,
  claims: { org?: string; sub?: string; ttl?: string; scope?: string } = {},
): Promise<string> {
  const secret = process.env.GUSU_JWT_SECRET;
  if (!secret) throw new Error('the e2e global setup did not provide the development secret');
  return signDevToken(secret, {
    sub: claims.sub ?? `test-${role}`,
    name: `测试 ${role}`,
    org: claims.org ?? ORG[role],
    roles: [role],
    scope: claims.scope,
    ttl: claims.ttl ?? '10m',
  });
}

/** Headers for a request as `role`; the public sends none. */
export async function as(role: Role): Promise<Record<string, string>> {
  return role === 'public' ? {} : { authorization: `Bearer ${await tokenFor(role)}` };
}

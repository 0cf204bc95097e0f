import { signDevToken } from '../../gateway/auth/dev-token';
import type { Role } from '../../shared/auth/policy';
import { demoDataset } from '../../shared/demo/dataset';
import { DemoSubjectAccount, demoSubjectAccounts } from '../../shared/demo/subject-accounts';

/** Organisation each role's test token carries. */
const ORG: Partial<Record<Role, string>> = { department: 'gusu.scjgj', hall: 'gusu.xzspj', credit_office: 'gusu.xyb' };

let subjectLogins: DemoSubjectAccount[] | undefined;

/**
 * The development identity provider's subject logins (the demo enterprise first, then the person): the
 * same demo dataset the system under test seeds, which takes the day of the test run as its DEMO_TODAY.
 */
export function demoSubjectLogins(): DemoSubjectAccount[] {
  subjectLogins ??= demoSubjectAccounts(demoDataset());
  return subjectLogins;
}

/** A real token, signed with the development secret of the system under test; a subject's names the demo enterprise unless told. */
export async function tokenFor(
  role: Role,
  claims: {
    org?: string;
    sub?: string;
    ttl?: string;
    scope?: string;
    subjectUscc?: string;
    subjectIdNumber?: string;
  } = {},
): Promise<string> {
  const secret = process.env.GUSU_JWT_SECRET;
  if (!secret) throw new Error('the e2e global setup did not provide the development secret');
  const named = claims.subjectUscc !== undefined || claims.subjectIdNumber !== undefined;
  const subject =
    role === 'subject' && !named
      ? { subjectUscc: demoSubjectLogins()[0].self.uscc ?? undefined }
      : { subjectUscc: claims.subjectUscc, subjectIdNumber: claims.subjectIdNumber };
  return signDevToken(secret, {
    sub: claims.sub ?? `test-${role}`,
    name: `测试 ${role}`,
    org: claims.org ?? ORG[role],
    roles: [role],
    scope: claims.scope,
    ttl: claims.ttl ?? '10m',
    ...subject,
  });
}

/** Headers for a request as `role`; the public sends none. */
export async function as(role: Role): Promise<Record<string, string>> {
  return role === 'public' ? {} : { authorization: `Bearer ${await tokenFor(role)}` };
}

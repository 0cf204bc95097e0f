import type { Role } from '../shared/auth/policy';
import { demoDataset } from '../shared/demo/dataset';
import { DEPARTMENTS } from '../shared/demo/generator';
import { DemoSubjectAccount, demoSubjectAccounts } from '../shared/demo/subject-accounts';

/**
 * The development identity provider's demo users: one of each role that signs in to
 * the people-facing pages, each in a department of the demo directory (the gateway
 * refuses a token whose org is not in it).
 */
export interface DemoUser {
  sub: string;
  name: string;
  org: string;
  roles: Role[];
  /** What the login page calls the role (窗口人员 …). */
  title: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { sub: 'dev-hall-clerk', name: '陈晓雯', org: 'gusu.xzspj', roles: ['hall'], title: '窗口人员' },
  { sub: 'dev-department-officer', name: '王建国', org: 'gusu.scjgj', roles: ['department'], title: '部门人员' },
  { sub: 'dev-analyst', name: '李思远', org: 'gusu.fgj', roles: ['analyst'], title: '分析人员' },
  { sub: 'dev-credit-office', name: '张立华', org: 'gusu.xyb', roles: ['credit_office'], title: '信用办人员' },
];

let subjects: readonly DemoSubjectAccount[] | undefined;

/**
 * The subject logins (an enterprise, a natural person: the subject role, no org), from the demo dataset
 * of this process's DEMO_* settings, which `npm start` and the tests give every service alike.
 */
export function demoSubjectUsers(): readonly DemoSubjectAccount[] {
  subjects ??= demoSubjectAccounts(demoDataset());
  return subjects;
}

export type DemoAccount = ({ kind: 'staff' } & DemoUser) | ({ kind: 'subject' } & DemoSubjectAccount);

export function demoUser(sub: string): DemoAccount | undefined {
  const staff = DEMO_USERS.find((user) => user.sub === sub);
  if (staff) return { kind: 'staff', ...staff };
  const subject = demoSubjectUsers().find((user) => user.sub === sub);
  return subject ? { kind: 'subject', ...subject } : undefined;
}

/** The department's name in the demo directory, for the login page and the start banner. */
export function departmentName(org: string): string {
  return DEPARTMENTS.find((department) => department.code === org)?.name ?? org;
}

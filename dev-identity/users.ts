import type { Role } from '../shared/auth/policy';
import { DEPARTMENTS } from '../shared/demo/generator';

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

export function demoUser(sub: string): DemoUser | undefined {
  return DEMO_USERS.find((user) => user.sub === sub);
}

/** The department's name in the demo directory, for the login page and the start banner. */
export function departmentName(org: string): string {
  return DEPARTMENTS.find((department) => department.code === org)?.name ?? org;
}

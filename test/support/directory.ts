import { createHash } from 'node:crypto';
import { completeUscc } from '../../shared/identifiers/uscc';
import { expectData } from './expect-data';
import { graphql } from './gateway';
import { as } from './tokens';

export interface TestDepartment {
  code: string;
  name: string;
  uscc: string;
}

const registered = new Map<string, Promise<TestDepartment>>();

/** A government-organ USCC in 姑苏区 derived from the code, so one code always gets the same one. */
function usccFor(code: string): string {
  const digits = BigInt(`0x${createHash('sha256').update(code).digest('hex').slice(0, 15)}`)
    .toString()
    .padStart(9, '0')
    .slice(-9);
  return completeUscc(`11320508${digits}`);
}

async function register(code: string): Promise<TestDepartment> {
  const department = { code, name: `测试部门 ${code}`, uscc: usccFor(code) };
  const result = await graphql<{ registerDepartment: TestDepartment | null }>(
    'mutation($input: DepartmentInput!) { registerDepartment(input: $input) { code name uscc } }',
    { input: department },
    await as('credit_office'),
  );
  // Another test file of the same run may have registered it first.
  if (result.errors && result.errors[0].extensions?.reason !== 'DUPLICATE_DEPARTMENT')
    throw new Error(JSON.stringify(result.errors));
  return department;
}

/** Registers `code` in the department directory through the credit office (once per process). */
export function testDepartment(code: string): Promise<TestDepartment> {
  if (!registered.has(code)) registered.set(code, register(code));
  return registered.get(code) as Promise<TestDepartment>;
}

/** The credit office lets `delegate` report in `authority`'s name from today; returns the delegation's id. */
export async function delegateReporting(authority: string, delegate: string, basis = '测试委托'): Promise<string> {
  const result = await graphql<{ delegateReporting: { id: string } }>(
    'mutation($input: DelegationInput!) { delegateReporting(input: $input) { id } }',
    { input: { authority, delegate, basis } },
    await as('credit_office'),
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return expectData(result).delegateReporting.id;
}

/** A test department that reports in the name of `authority` (a delegation in force). */
export async function reportingFor(authority: string, code: string): Promise<TestDepartment> {
  const department = await testDepartment(code);
  await delegateReporting(authority, code);
  return department;
}

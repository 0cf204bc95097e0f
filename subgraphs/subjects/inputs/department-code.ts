import { badUserInput } from '../../../shared/graphql/errors';

const DEPARTMENT_CODE = /^[a-z][a-z0-9]*(\.[a-z0-9]+)+$/;

/** A department code argument, trimmed; BAD_USER_INPUT unless it looks like gusu.scjgj. */
export function departmentCode(argument: string, value: string): string {
  const code = value.trim();
  if (code.length > 32 || !DEPARTMENT_CODE.test(code))
    throw badUserInput(argument, `'${argument}' is not a department code (e.g. gusu.scjgj, at most 32 characters)`);
  return code;
}

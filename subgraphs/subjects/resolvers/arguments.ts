import { checkUscc } from '../../../shared/identifiers/uscc';
import { badUserInput } from '../../../shared/graphql/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A subject id argument: a UUID, or BAD_USER_INPUT naming the argument. */
export function subjectIdArgument(argument: string, value: string): string {
  if (!UUID.test(value)) throw badUserInput(argument, `'${argument}' is not a subject id: ${JSON.stringify(value)}`);
  return value.toLowerCase();
}

/** A USCC argument, normalized; a malformed code is BAD_USER_INPUT with the reason. */
export function usccArgument(argument: string, value: string): string {
  const check = checkUscc(value);
  if (check.problem) throw badUserInput(argument, `'${argument}' ${JSON.stringify(value)}: ${check.reason}`);
  return check.normalized;
}

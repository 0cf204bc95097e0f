import { checkUscc } from '../../../shared/identifiers/uscc';
import { badUserInput } from '../../../shared/graphql/errors';

/** A USCC argument, normalized; a malformed code is BAD_USER_INPUT with the reason. */
export function usccArgument(argument: string, value: string): string {
  const check = checkUscc(value);
  if (check.problem) throw badUserInput(argument, `'${argument}' ${JSON.stringify(value)}: ${check.reason}`);
  return check.normalized;
}

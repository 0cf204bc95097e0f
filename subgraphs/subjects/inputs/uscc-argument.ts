import { badUserInput } from '../../../shared/graphql/errors';
import { checkUscc, mayLookUp } from '../../../shared/identifiers/uscc';

/**
 * A USCC argument to look a subject up by, normalized. The same rule as screening
 * (shared/identifiers/uscc.ts mayLookUp): a code failing only its check character
 * is looked up (the subject's usccWarning says so); any other failure is
 * BAD_USER_INPUT with the reason.
 */
export function usccArgument(argument: string, value: string): string {
  const check = checkUscc(value);
  if (!mayLookUp(check)) throw badUserInput(argument, `'${argument}' ${JSON.stringify(value)}: ${check.reason}`);
  return check.normalized;
}

import { badUserInput } from './errors';
import { FREE_TEXT_LENGTH } from './input-limits';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LIKE_SPECIALS = /[\\%_]/g;

/** An id argument (our ids are UUIDs), lower-cased; anything else is BAD_USER_INPUT naming the argument. */
export function idArgument(argument: string, value: string, what: string): string {
  if (!UUID.test(value)) throw badUserInput(argument, `'${argument}' is not ${what} id: ${JSON.stringify(value)}`);
  return value.toLowerCase();
}

/** A search term as a LIKE pattern, its own % and _ taken literally. */
export function likePattern(term: string, { prefixOnly = false } = {}): string {
  const escaped = term.replace(LIKE_SPECIALS, '\\$&');
  return prefixOnly ? `${escaped}%` : `%${escaped}%`;
}

/** A [from, to] period of calendar dates; a period that runs backwards names 'to'. */
export function periodArguments(from: string, to: string, maxDays?: number): void {
  if (to < from) throw badUserInput('to', `'to' (${to}) is before 'from' (${from})`);
  if (maxDays !== undefined && (Date.parse(to) - Date.parse(from)) / 86_400_000 > maxDays) {
    throw badUserInput('to', `the period may cover at most ${maxDays} days`);
  }
}

/** Free text a person writes (a reason, a note): trimmed, 1 to `max` characters. */
export function textArgument(argument: string, value: string, max = FREE_TEXT_LENGTH): string {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.length > max)
    throw badUserInput(argument, `'${argument}' must have 1–${max} characters`);
  return trimmed;
}

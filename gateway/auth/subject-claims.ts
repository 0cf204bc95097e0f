import { GraphQLError } from 'graphql';
import type { JWTPayload } from 'jose';
import { SUBJECT_ROLE } from '../../shared/auth/policy';
import { SelfIdentity, SUBJECT_CLAIMS } from '../../shared/auth/self';
import { normalizePersonId, PERSON_ID_MAX_LENGTH } from '../../shared/identifiers/person-id';
import { residentIdProblem } from '../../shared/identifiers/resident-id';
import { checkUscc, mayLookUp } from '../../shared/identifiers/uscc';

/** A number of another 证件类型 (passport, 港澳居民来往内地通行证 …): letters and digits, as the subject rows store them. */
const OTHER_ID_NUMBER = new RegExp(`^[0-9A-Z]{5,${PERSON_ID_MAX_LENGTH}}$`);

/** The messages name the claim, never its value: a person's ID number must not reach a log or a client. */
function unauthenticated(message: string, claim: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', claim, http: { status: 401 } } });
}

function claimText(payload: JWTPayload, claim: string): string | null {
  const value = payload[claim];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || value.length > PERSON_ID_MAX_LENGTH + 8)
    throw unauthenticated(`token claim ${claim} must be a short string`, claim);
  return value;
}

function usccOf(text: string): string {
  const check = checkUscc(text);
  // A pilot-era code that fails only its check character is a real subject's (DESIGN.md, "USCC pitfalls").
  if (!mayLookUp(check))
    throw unauthenticated(`token claim ${SUBJECT_CLAIMS.uscc} is not a 统一社会信用代码`, SUBJECT_CLAIMS.uscc);
  return check.normalized;
}

function idNumberOf(text: string): string {
  const number = normalizePersonId(text);
  const valid =
    number.length === 18 && /^\d{17}/.test(number) ? residentIdProblem(number) === null : OTHER_ID_NUMBER.test(number);
  if (!valid)
    throw unauthenticated(`token claim ${SUBJECT_CLAIMS.idNumber} is not a 证件号码`, SUBJECT_CLAIMS.idNumber);
  return number;
}

/**
 * Which subject a verified token is (the subject role, 信用主体本人), or undefined for a staff token.
 * - the subject role stands alone: with any other role, or with an org, the token is refused, so no
 *   staff account is ever also a subject and no subject acts for a department;
 * - it names exactly one subject: `subject_uscc` (an organisation's login) or `subject_id_number`
 *   (a natural person's), checked for the code's form;
 * - a staff token naming a subject is refused too: those claims mean nothing to a staff role, and
 *   silently dropping them would hide a misconfigured identity provider.
 */
export function subjectOfToken(
  payload: JWTPayload,
  roles: readonly string[],
  org: string | null,
): SelfIdentity | undefined {
  const uscc = claimText(payload, SUBJECT_CLAIMS.uscc);
  const idNumber = claimText(payload, SUBJECT_CLAIMS.idNumber);
  if (!roles.includes(SUBJECT_ROLE)) {
    if (uscc !== null || idNumber !== null)
      throw unauthenticated('only a subject token names a subject (subject_uscc, subject_id_number)', 'roles');
    return undefined;
  }
  if (roles.length !== 1) throw unauthenticated('the subject role takes no other role', 'roles');
  if (org !== null) throw unauthenticated('a subject token names no department (org)', 'org');
  if ((uscc === null) === (idNumber === null))
    throw unauthenticated(
      `a subject token names exactly one subject: ${SUBJECT_CLAIMS.uscc} or ${SUBJECT_CLAIMS.idNumber}`,
      SUBJECT_CLAIMS.uscc,
    );
  // The platform's id is looked up afterwards (subject-lookup.ts), once the token is known to be good.
  return uscc !== null
    ? { uscc: usccOf(uscc), idNumber: null, subjectId: null }
    : { uscc: null, idNumber: idNumberOf(idNumber ?? ''), subjectId: null };
}

import { GraphQLError } from 'graphql';
import {
  MAX_REQUEST_ID_LENGTH,
  REQUEST_ID_HEADER,
  requestIdOf as sentOrNewRequestId,
} from '../../shared/http/request-id';
import { hasControlCharacters } from '../../shared/text/control-characters';

/**
 * The audit values a client supplies — the request id (x-request-id) and the
 * purpose of the read (x-purpose, percent-encoded for Chinese text, as headers
 * are Latin-1) — checked before anything runs: a value the audit log would
 * refuse must never be what makes an audited read fail to be recorded.
 */
export const MAX_PURPOSE_LENGTH = 200;

function badHeader(header: string, message: string): GraphQLError {
  return new GraphQLError(`${header}: ${message}`, {
    extensions: { code: 'BAD_USER_INPUT', header, http: { status: 400 } },
  });
}

/** The client's request id, or a new one when it sent none (shared/http/request-id.ts); a 400 for one the log would refuse. */
export function requestIdOf(header: string | undefined): string {
  const requestId = sentOrNewRequestId(header);
  if (requestId === null)
    throw badHeader(REQUEST_ID_HEADER, `at most ${MAX_REQUEST_ID_LENGTH} characters of A–Z, a–z, 0–9 and . _ : -`);
  return requestId;
}

export function purposeOf(header: string | undefined): string | null {
  if (header === undefined || header === '') return null;
  let purpose: string;
  try {
    purpose = decodeURIComponent(header);
  } catch {
    throw badHeader('x-purpose', 'not valid percent-encoded UTF-8');
  }
  if (purpose.length > MAX_PURPOSE_LENGTH)
    throw badHeader('x-purpose', `at most ${MAX_PURPOSE_LENGTH} characters, got ${purpose.length}`);
  if (hasControlCharacters(purpose)) throw badHeader('x-purpose', 'control characters are not allowed');
  return purpose;
}

import { randomUUID } from 'node:crypto';

/**
 * The one request id of a client's request: taken from x-request-id or made
 * here, answered back by the gateway, passed to the subgraphs that call back
 * through it, and written beside every audit row the request leaves.
 */
export const REQUEST_ID_HEADER = 'x-request-id';
export const MAX_REQUEST_ID_LENGTH = 64;
const REQUEST_ID = /^[A-Za-z0-9._:-]+$/;

export function newRequestId(): string {
  return randomUUID();
}

/** The id a caller sent, a new one when it sent none; null when what it sent is not one (too long, or outside A–Z a–z 0–9 . _ : -). */
export function requestIdOf(header: string | undefined): string | null {
  if (header === undefined || header === '') return newRequestId();
  return header.length <= MAX_REQUEST_ID_LENGTH && REQUEST_ID.test(header) ? header : null;
}

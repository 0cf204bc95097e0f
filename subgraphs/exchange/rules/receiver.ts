import { ReceiverKind } from '../entities/enums';

/** A receiver's code: lower-case letters, digits, dots and hyphens, e.g. suzhou-city, gusu.scjgj. */
const RECEIVER_CODE = /^[a-z0-9][a-z0-9.-]{1,47}$/;
/** At least 32 characters of secret for the pushes' HMAC (shared/exchange/signature.ts). */
export const MIN_PUSH_SECRET_LENGTH = 32;

export interface ReceiverDraft {
  code: string;
  name: string;
  kind: ReceiverKind;
  clientId: string | null;
  departmentCode: string | null;
  pushUrl: string | null;
  /** undefined: unchanged (an update); null: none. */
  pushSecret: string | null | undefined;
  hasPushSecret: boolean;
  reconcileUrl: string | null;
}

export interface Problem {
  field: string;
  message: string;
}

function httpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** The first thing wrong with a receiver as it would be stored, or null. */
export function receiverProblem(draft: ReceiverDraft): Problem | null {
  if (!RECEIVER_CODE.test(draft.code))
    return {
      field: 'code',
      message: `receiver code must be 2–48 of a-z, 0-9, '.', '-': ${JSON.stringify(draft.code)}`,
    };
  if (draft.name.trim() === '') return { field: 'name', message: 'a receiver needs a name' };
  if (draft.kind === ReceiverKind.PLATFORM && !draft.clientId)
    return {
      field: 'clientId',
      message: "a PLATFORM receiver needs the client id (the service token's sub) it pulls with",
    };
  if (draft.kind === ReceiverKind.DEPARTMENT && !draft.departmentCode)
    return { field: 'departmentCode', message: "a DEPARTMENT receiver needs its department code (the token's org)" };
  if (draft.pushUrl !== null && !httpUrl(draft.pushUrl))
    return { field: 'pushUrl', message: `pushUrl must be an http(s) URL: ${JSON.stringify(draft.pushUrl)}` };
  if (draft.reconcileUrl !== null && !httpUrl(draft.reconcileUrl))
    return {
      field: 'reconcileUrl',
      message: `reconcileUrl must be an http(s) URL: ${JSON.stringify(draft.reconcileUrl)}`,
    };
  if (typeof draft.pushSecret === 'string' && draft.pushSecret.length < MIN_PUSH_SECRET_LENGTH)
    return { field: 'pushSecret', message: `pushSecret must have at least ${MIN_PUSH_SECRET_LENGTH} characters` };
  if (draft.pushUrl !== null && !draft.hasPushSecret)
    return { field: 'pushSecret', message: 'a receiver pushed to needs a pushSecret to sign its batches' };
  return null;
}

/** Whose a receiver is: a platform's service account (client_id = token sub), a department (department_code = org). */
export function isReceiverOwner(
  caller: { sub: string; org: string | null },
  receiver: { kind: ReceiverKind; clientId: string | null; departmentCode: string | null },
): boolean {
  if (receiver.kind === ReceiverKind.PLATFORM) return receiver.clientId !== null && receiver.clientId === caller.sub;
  return receiver.departmentCode !== null && receiver.departmentCode === caller.org;
}

import { LockMode } from '@mikro-orm/core';
import type { Principal } from '../../../shared/auth/principal';
import type { EntityManager } from '../../../shared/db/orm';
import { badUserInput, conflict, notFound } from '../../../shared/graphql/errors';
import { ExchangeAction } from '../entities/enums';
import { Receiver } from '../entities/receiver';
import type { RegisterReceiverInput, UpdateReceiverInput } from '../inputs/receiver.input';
import { ReceiverDraft, receiverProblem } from '../rules/receiver';
import { recordChange } from './audit';

/** What the audit trail says of a receiver: everything but the secret, of which only whether it is set. */
function auditView(receiver: Receiver, secretChanged: boolean): Record<string, unknown> {
  return {
    name: receiver.name,
    kind: receiver.kind,
    clientId: receiver.clientId,
    departmentCode: receiver.departmentCode,
    pushUrl: receiver.pushUrl,
    reconcileUrl: receiver.reconcileUrl,
    active: receiver.active,
    pushSecret: secretChanged ? 'SET' : 'UNCHANGED',
  };
}

function check(draft: ReceiverDraft): void {
  const problem = receiverProblem(draft);
  if (problem) throw badUserInput(problem.field, problem.message);
}

/** "" clears an optional text, undefined or null keeps it. */
function optional(value: string | null | undefined, current: string | null): string | null {
  if (value === undefined || value === null) return current;
  return value.trim() === '' ? null : value.trim();
}

export async function registerReceiver(
  em: EntityManager,
  principal: Principal,
  input: RegisterReceiverInput,
): Promise<Receiver> {
  const draft: ReceiverDraft = {
    code: input.code,
    name: input.name.trim(),
    kind: input.kind,
    clientId: optional(input.clientId, null),
    departmentCode: optional(input.departmentCode, null),
    pushUrl: optional(input.pushUrl, null),
    pushSecret: input.pushSecret ?? null,
    hasPushSecret: Boolean(input.pushSecret),
    reconcileUrl: optional(input.reconcileUrl, null),
  };
  check(draft);
  return em.transactional(async (tx) => {
    if (await tx.count(Receiver, { code: draft.code }))
      throw conflict(`receiver ${draft.code} is registered already`, 'code');
    const receiver = tx.create(Receiver, {
      code: draft.code,
      name: draft.name,
      kind: draft.kind,
      clientId: draft.clientId,
      departmentCode: draft.departmentCode,
      pushUrl: draft.pushUrl,
      pushSecret: draft.pushSecret ?? null,
      reconcileUrl: draft.reconcileUrl,
      active: true,
      lastSeq: '0',
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    tx.persist(receiver);
    recordChange(
      tx,
      principal,
      ExchangeAction.RECEIVER_REGISTERED,
      { receiverCode: receiver.code },
      auditView(receiver, draft.hasPushSecret),
    );
    return receiver;
  });
}

export async function updateReceiver(
  em: EntityManager,
  principal: Principal,
  input: UpdateReceiverInput,
): Promise<Receiver> {
  return em.transactional(async (tx) => {
    const receiver = await tx.findOne(
      Receiver,
      { code: input.code },
      { populate: ['pushSecret'], lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!receiver) throw notFound(`no receiver ${input.code}`, 'code');
    const draft: ReceiverDraft = {
      code: receiver.code,
      name: input.name?.trim() ?? receiver.name,
      kind: receiver.kind,
      clientId: optional(input.clientId, receiver.clientId),
      departmentCode: optional(input.departmentCode, receiver.departmentCode),
      pushUrl: optional(input.pushUrl, receiver.pushUrl),
      pushSecret: input.pushSecret ?? undefined,
      hasPushSecret: Boolean(input.pushSecret ?? receiver.pushSecret),
      reconcileUrl: optional(input.reconcileUrl, receiver.reconcileUrl),
    };
    check(draft);
    Object.assign(receiver, {
      name: draft.name,
      clientId: draft.clientId,
      departmentCode: draft.departmentCode,
      pushUrl: draft.pushUrl,
      reconcileUrl: draft.reconcileUrl,
      active: input.active ?? receiver.active,
      updatedAt: new Date(),
      ...(typeof draft.pushSecret === 'string' ? { pushSecret: draft.pushSecret } : {}),
    });
    recordChange(
      tx,
      principal,
      ExchangeAction.RECEIVER_UPDATED,
      { receiverCode: receiver.code },
      auditView(receiver, typeof draft.pushSecret === 'string'),
    );
    return receiver;
  });
}

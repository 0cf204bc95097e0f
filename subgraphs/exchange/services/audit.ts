import { randomUUID } from 'node:crypto';
import type { Principal } from '../../../shared/auth/principal';
import type { EntityManager } from '../../../shared/db/orm';
import { ExchangeAction } from '../entities/enums';
import { ExchangeChange } from '../entities/exchange-change';

/** Adds a row to the exchange's audit trail in the caller's transaction (the change and its record commit together). */
export function recordChange(
  em: EntityManager,
  principal: Principal,
  action: ExchangeAction,
  target: { receiverCode?: string; catalogueVersion?: number },
  detail: Record<string, unknown>,
): ExchangeChange {
  const change = em.create(ExchangeChange, {
    id: randomUUID(),
    action,
    receiverCode: target.receiverCode ?? null,
    catalogueVersion: target.catalogueVersion ?? null,
    actorSub: principal.sub,
    actorOrg: principal.org,
    occurredAt: new Date(),
    detail,
  });
  em.persist(change);
  return change;
}

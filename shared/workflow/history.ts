import { randomUUID } from 'node:crypto';
import type { EntityClass, RequiredEntityData } from '@mikro-orm/core';
import type { Principal } from '../auth/principal';
import type { EntityManager } from '../db/orm';
import type { WorkflowStep } from '../db/workflow-step';

/** What a history row says beyond the common columns: the record it belongs to, the action, the statuses. */
export type StepRecord<T extends WorkflowStep> = Omit<RequiredEntityData<T>, keyof WorkflowStep>;

/** One step into a record's history, in the transaction of the step (`em`): who, when, and the note. */
export function recordHistory<T extends WorkflowStep>(
  em: EntityManager,
  entity: EntityClass<T>,
  principal: Principal,
  note: string | null,
  step: StepRecord<T>,
): void {
  const common = { id: randomUUID(), occurredAt: new Date(), actorSub: principal.sub, actorOrg: principal.org, note };
  em.persist(em.create(entity, { ...step, ...common } as RequiredEntityData<T>));
}

import { LockMode } from '@mikro-orm/core';
import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '../db/orm';
import { notFound, refused } from '../graphql/errors';
import { forget } from './forget';
import { TransitionRefused } from './refusal';

/** A record that moves through a workflow: found by id, with a status. */
export interface WorkflowRecord<S> {
  id: string;
  status: S;
}

/**
 * One workflow step of one kind of record. Each hook runs in the step's
 * transaction (`em`), in this order: authorize → transition → apply → (the new
 * status is set) → record → publish. Any hook may throw to refuse; a
 * TransitionRefused becomes a CONFLICT.
 */
export interface WorkflowStepPlan<R extends WorkflowRecord<S>, S> {
  entity: EntityName<R>;
  /** The checked id of the record. */
  id: string;
  /** NOT_FOUND message when there is no such record. */
  missing: string;
  /**
   * Locks taken in the step's transaction before the record's row, so that every step on records of
   * one owner takes them in one order (a list entry's subject lock, then its row, then its siblings').
   */
  lockFirst?(em: EntityManager): Promise<void>;
  /** Whether the caller may take this step on this record: throws FORBIDDEN (or another refusal) if not. */
  authorize(record: R, em: EntityManager): void | Promise<void>;
  /** The status the step leads to; null when it repeats the step already taken (a retry changes nothing). */
  transition(record: R, em: EntityManager): S | null | Promise<S | null>;
  /** The step's effect on the record (and on others), before its new status is set. */
  apply?(record: R, em: EntityManager): void | Promise<void>;
  /** The history row of the step; `from` is the stored status before it. */
  record(record: R, from: S, em: EntityManager): void;
  /** The events the step publishes, in its transaction (the outbox). */
  publish?(record: R, em: EntityManager): Promise<void>;
}

/**
 * Runs one workflow step in one transaction of the request's EntityManager:
 * lock the row, then the plan's hooks; the request's loader caches are dropped
 * afterwards, whether the step was taken or refused.
 */
export async function runWorkflowStep<R extends WorkflowRecord<S>, S>(
  requestEm: EntityManager,
  loaders: object,
  plan: WorkflowStepPlan<R, S>,
): Promise<R> {
  try {
    return await requestEm.transactional(async (em) => {
      await plan.lockFirst?.(em);
      const found = await em.findOne(plan.entity, { id: plan.id } as FilterQuery<R>, {
        lockMode: LockMode.PESSIMISTIC_WRITE,
      });
      if (!found) throw notFound(plan.missing, 'id');
      // Widened without a cast: the helper only reads and sets the status.
      const record: R = found;
      const moving: WorkflowRecord<S> = record;
      await plan.authorize(record, em);
      const to = await plan.transition(record, em);
      if (to === null) return record;
      const from = moving.status;
      await plan.apply?.(record, em);
      moving.status = to;
      plan.record(record, from, em);
      await plan.publish?.(record, em);
      return record;
    });
  } catch (error) {
    if (error instanceof TransitionRefused) throw refused(error);
    throw error;
  } finally {
    forget(loaders);
  }
}

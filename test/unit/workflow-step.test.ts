import { LockMode } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import type { EntityManager } from '../../shared/db/orm';
import { forbidden } from '../../shared/graphql/errors';
import { TransitionRefused } from '../../shared/workflow/refusal';
import { runWorkflowStep, WorkflowStepPlan } from '../../shared/workflow/step';

interface Row {
  id: string;
  status: string;
}

class RowEntity implements Row {
  id = '';
  status = '';
}

/** An EntityManager that holds one row and writes down what the step asks of it. */
function fakeEm(row: Row | null, calls: string[]): EntityManager {
  const em = {
    transactional: async <T>(work: (tx: EntityManager) => Promise<T>): Promise<T> => {
      calls.push('begin');
      const result = await work(fake);
      calls.push('commit');
      return result;
    },
    findOne: async (_entity: unknown, where: { id: string }, options: { lockMode?: LockMode }) => {
      calls.push(`lock ${where.id} ${options.lockMode === LockMode.PESSIMISTIC_WRITE ? 'for update' : 'unlocked'}`);
      return row;
    },
  };
  // Only the two methods the helper calls; the hooks get the same object back.
  const fake = em as unknown as EntityManager;
  return fake;
}

/** Loaders as a request holds them: caches, a clock, a memoised reader. */
function fakeLoaders(calls: string[]) {
  return {
    today: '2026-12-02',
    calendar: () => Promise.resolve(null),
    byId: { clearAll: () => calls.push('forget byId') },
    history: { clearAll: () => calls.push('forget history') },
  };
}

function plan(calls: string[], transition: (row: Row) => string | null): WorkflowStepPlan<Row, string> {
  return {
    entity: RowEntity,
    id: 'r1',
    missing: 'no row r1',
    authorize: () => void calls.push('authorize'),
    transition: (row) => {
      calls.push('transition');
      return transition(row);
    },
    apply: (row) => void calls.push(`apply while ${row.status}`),
    record: (row, from) => void calls.push(`record ${from} → ${row.status}`),
    publish: async (row) => void calls.push(`publish ${row.status}`),
  };
}

describe('runWorkflowStep', () => {
  it('locks, authorizes, checks the transition, applies, records, publishes, then forgets the caches', async () => {
    const calls: string[] = [];
    const row = { id: 'r1', status: 'OPEN' };
    const result = await runWorkflowStep(
      fakeEm(row, calls),
      fakeLoaders(calls),
      plan(calls, () => 'CLOSED'),
    );
    expect(result).toBe(row);
    expect(row.status).toBe('CLOSED');
    expect(calls).toEqual([
      'begin',
      'lock r1 for update',
      'authorize',
      'transition',
      'apply while OPEN',
      'record OPEN → CLOSED',
      'publish CLOSED',
      'commit',
      'forget byId',
      'forget history',
    ]);
  });

  it('turns a refused transition into one CONFLICT with its reason and status, and applies, records and publishes nothing', async () => {
    const calls: string[] = [];
    const row = { id: 'r1', status: 'CLOSED' };
    const refusing = plan(calls, (r) => {
      throw new TransitionRefused(
        `CLOSE is not allowed for a row that is ${r.status}`,
        'CLOSE',
        r.status,
        'INVALID_STATUS',
      );
    });
    const error = await runWorkflowStep(fakeEm(row, calls), fakeLoaders(calls), refusing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).message).toBe('CLOSE is not allowed for a row that is CLOSED');
    expect((error as GraphQLError).extensions).toEqual({
      code: 'CONFLICT',
      argument: 'id',
      reason: 'INVALID_STATUS',
      status: 'CLOSED',
    });
    expect(row.status).toBe('CLOSED');
    expect(calls).toEqual(['begin', 'lock r1 for update', 'authorize', 'transition', 'forget byId', 'forget history']);
  });

  it('stops at authorization: a forbidden caller moves nothing and publishes nothing', async () => {
    const calls: string[] = [];
    const row = { id: 'r1', status: 'OPEN' };
    const guarded: WorkflowStepPlan<Row, string> = {
      ...plan(calls, () => 'CLOSED'),
      authorize: () => {
        throw forbidden('not yours');
      },
    };
    await expect(runWorkflowStep(fakeEm(row, calls), fakeLoaders(calls), guarded)).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    expect(row.status).toBe('OPEN');
    expect(calls).toEqual(['begin', 'lock r1 for update', 'forget byId', 'forget history']);
  });

  it('passes a refusal from the effect through as it is, and publishes nothing', async () => {
    const calls: string[] = [];
    const row = { id: 'r1', status: 'OPEN' };
    const failing: WorkflowStepPlan<Row, string> = {
      ...plan(calls, () => 'CLOSED'),
      apply: () => {
        throw new GraphQLError('the commitment is no longer in effect', {
          extensions: { code: 'CONFLICT', reason: 'COMMITMENT_NOT_IN_EFFECT' },
        });
      },
    };
    await expect(runWorkflowStep(fakeEm(row, calls), fakeLoaders(calls), failing)).rejects.toMatchObject({
      extensions: { reason: 'COMMITMENT_NOT_IN_EFFECT' },
    });
    expect(calls.some((c) => c.startsWith('record') || c.startsWith('publish'))).toBe(false);
  });

  it('answers a repeated step with the record as it is: no effect, no history, no event', async () => {
    const calls: string[] = [];
    const row = { id: 'r1', status: 'CLOSED' };
    expect(
      await runWorkflowStep(
        fakeEm(row, calls),
        fakeLoaders(calls),
        plan(calls, () => null),
      ),
    ).toBe(row);
    expect(calls).toEqual([
      'begin',
      'lock r1 for update',
      'authorize',
      'transition',
      'commit',
      'forget byId',
      'forget history',
    ]);
  });

  it('is NOT_FOUND for a record that does not exist', async () => {
    const calls: string[] = [];
    await expect(
      runWorkflowStep(
        fakeEm(null, calls),
        fakeLoaders(calls),
        plan(calls, () => 'CLOSED'),
      ),
    ).rejects.toMatchObject({
      message: 'no row r1',
      extensions: { code: 'NOT_FOUND', argument: 'id' },
    });
    expect(calls).not.toContain('authorize');
  });
});

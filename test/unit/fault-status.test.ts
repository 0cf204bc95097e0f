import { GraphQLError } from 'graphql';
import pino from 'pino';
import { faultStatus } from '../../shared/graphql/fault-status';
import { CLIENT_CODES, formatErrorForClients, isDatabaseUnavailable } from '../../shared/graphql/format-error';

const err = (code: string) => ({ message: code, extensions: { code } });

describe('faultStatus (HTTP status of a whole-error answer)', () => {
  it.each(['AUDIT_UNAVAILABLE', 'DIRECTORY_UNAVAILABLE', 'SUBGRAPH_UNAVAILABLE', 'DATABASE_UNAVAILABLE'])(
    '%s with no data is 503 with Retry-After',
    (code) => {
      expect(faultStatus([err(code)], undefined, CLIENT_CODES)).toEqual({ status: 503, retryAfter: 5 });
      expect(faultStatus([err(code)], null, CLIENT_CODES)).toEqual({ status: 503, retryAfter: 5 });
    },
  );

  it('any other fault of ours with no data is 500', () => {
    expect(faultStatus([err('INTERNAL_SERVER_ERROR')], null, CLIENT_CODES)).toEqual({ status: 500 });
    expect(faultStatus([{ message: 'no code' }], undefined, CLIENT_CODES)).toEqual({ status: 500 });
  });

  it('counts every root field null with its own error as answering nothing', () => {
    expect(
      faultStatus(
        [{ ...err('INTERNAL_SERVER_ERROR'), path: ['proposeListEntry'] }],
        { proposeListEntry: null },
        CLIENT_CODES,
      ),
    ).toEqual({ status: 500 });
    expect(
      faultStatus(
        [{ ...err('SUBGRAPH_UNAVAILABLE'), path: ['screen'] }],
        { screen: null, subject: null },
        CLIENT_CODES,
      ),
    ).toBeNull();
    expect(
      faultStatus(
        [{ ...err('SUBGRAPH_UNAVAILABLE'), path: ['screen'] }],
        { screen: null, subject: { id: 'x' } },
        CLIENT_CODES,
      ),
    ).toBeNull();
  });

  it('leaves partial answers and client mistakes as they are', () => {
    expect(
      faultStatus([err('SUBGRAPH_UNAVAILABLE')], { subject: { id: 'x', commitments: null } }, CLIENT_CODES),
    ).toBeNull();
    expect(faultStatus([err('BAD_USER_INPUT')], undefined, CLIENT_CODES)).toBeNull();
    expect(faultStatus([err('FORBIDDEN'), err('AUDIT_UNAVAILABLE')], null, CLIENT_CODES)).toBeNull();
    expect(faultStatus(undefined, null, CLIENT_CODES)).toBeNull();
  });
});

describe('database faults, mapped in one place', () => {
  const knexTimeout = Object.assign(
    new Error(
      'Knex: Timeout acquiring a connection. The pool is probably full. Are you missing a .transacting(trx) call?',
    ),
    { name: 'KnexTimeoutError', sql: 'select * from subjects.subject where id = $1' },
  );
  const refused = Object.assign(
    new AggregateError([Object.assign(new Error('connect ECONNREFUSED 10.0.0.7:5432'), { code: 'ECONNREFUSED' })], ''),
    { code: 'ECONNREFUSED' },
  );
  const adminShutdown = Object.assign(new Error('terminating connection due to administrator command'), {
    code: '57P01',
  });
  const checkViolation = Object.assign(new Error('insert into "subjects"."audit_event" … violates check constraint'), {
    code: '23514',
  });

  it('recognises a pool timeout, a refused socket (also wrapped) and PostgreSQL shutting down', () => {
    expect(isDatabaseUnavailable(knexTimeout)).toBe(true);
    expect(isDatabaseUnavailable(refused)).toBe(true);
    expect(isDatabaseUnavailable(new GraphQLError('wrapped', { originalError: refused }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('outer', { cause: adminShutdown }))).toBe(true);
  });

  it('does not take a broken statement or a plain bug for an outage', () => {
    expect(isDatabaseUnavailable(checkViolation)).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
  });

  it.each([true, false])(
    'answers DATABASE_UNAVAILABLE without Knex text, address or stack (production: %s)',
    (production) => {
      const format = formatErrorForClients(pino({ level: 'silent' }), production);
      for (const cause of [knexTimeout, refused]) {
        const error = new GraphQLError(cause.message, { path: ['subject'], originalError: cause });
        const formatted = format(
          {
            message: cause.message,
            path: ['subject'],
            extensions: {
              code: 'INTERNAL_SERVER_ERROR',
              stacktrace: ['Error: …', '    at Pool.acquire (knex/lib/client.js:1:1)'],
            },
          },
          error,
        );
        expect(formatted).toEqual({
          message: expect.stringContaining('database is unavailable'),
          path: ['subject'],
          extensions: { code: 'DATABASE_UNAVAILABLE' },
        });
        expect(JSON.stringify(formatted)).not.toMatch(/Knex|5432|10\.0\.0\.7|select|at /);
      }
    },
  );

  it('keeps any other internal fault generic in production', () => {
    const formatted = formatErrorForClients(pino({ level: 'silent' }), true)(
      { message: checkViolation.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      new GraphQLError(checkViolation.message, { originalError: checkViolation }),
    );
    expect(formatted).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});

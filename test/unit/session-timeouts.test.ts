import { ConfigError } from '../../shared/config/env';
import { migrationTimeouts, sessionTimeouts } from '../../shared/db/timeouts';

describe('session timeouts', () => {
  it('default to 15 s for statements and idle transactions, none for migrations', () => {
    expect(sessionTimeouts({})).toEqual({ statement_timeout: 15_000, idle_in_transaction_session_timeout: 15_000 });
    expect(migrationTimeouts({})).toEqual({ statement_timeout: 0, idle_in_transaction_session_timeout: 15_000 });
  });

  it('take whole milliseconds from the environment, 0 for none', () => {
    const env = {
      DB_STATEMENT_TIMEOUT_MS: '2500',
      DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '0',
      DB_MIGRATION_STATEMENT_TIMEOUT_MS: '600000',
    };
    expect(sessionTimeouts(env)).toEqual({ statement_timeout: 2500, idle_in_transaction_session_timeout: 0 });
    expect(migrationTimeouts(env).statement_timeout).toBe(600_000);
  });

  it.each(['15s', '-1', '1.5', '2147483648', 'abc'])('refuse %s, naming the variable', (value) => {
    expect(() => sessionTimeouts({ DB_STATEMENT_TIMEOUT_MS: value })).toThrow(ConfigError);
    expect(() => sessionTimeouts({ DB_STATEMENT_TIMEOUT_MS: value })).toThrow(/DB_STATEMENT_TIMEOUT_MS/);
  });
});

import { GraphQLError } from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, resolvePage, toConnection } from '../../shared/graphql/pagination';

function inputError(run: () => unknown): GraphQLError {
  try {
    run();
  } catch (error) {
    return error as GraphQLError;
  }
  throw new Error('expected an error');
}

describe('pagination', () => {
  it('defaults to the first page', () => {
    expect(resolvePage({})).toEqual({ limit: DEFAULT_PAGE_SIZE, offset: 0 });
  });

  it('hands out cursors that lead to the next page', () => {
    const first = toConnection(['a', 'b'], 5, { limit: 2, offset: 0 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(resolvePage({ first: 2, after: first.pageInfo.endCursor })).toEqual({ limit: 2, offset: 2 });
    const last = toConnection(['e'], 5, { limit: 2, offset: 4 });
    expect(last.pageInfo.hasNextPage).toBe(false);
    expect(toConnection([], 5, { limit: 2, offset: 6 }).pageInfo.endCursor).toBeNull();
  });

  it('rejects a page above the limit, a negative one and a forged cursor, naming the argument', () => {
    for (const [args, argument] of [
      [{ first: MAX_PAGE_SIZE + 1 }, 'first'],
      [{ first: -1 }, 'first'],
      [{ after: 'bm9wZQ' }, 'after'],
      [{ after: Buffer.from('offset:-3').toString('base64url') }, 'after'],
    ] as const) {
      const error = inputError(() => resolvePage(args));
      expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', argument });
    }
  });

  it('hands out keyset cursors that name the last row and still carry its position', () => {
    const id = '0b6f6c4e-5f5a-4c1e-9d7a-2f1e3c4b5a69';
    const page = toConnection([{ id: 'x' }, { id }], 7, { limit: 2, offset: 2 }, (row) => row.id);
    expect(resolvePage({ first: 2, after: page.pageInfo.endCursor })).toEqual({ limit: 2, offset: 4, afterId: id });
    // An offset cursor from before keeps working, and a connection that cannot seek keeps handing them out.
    const legacy = Buffer.from('offset:40').toString('base64url');
    expect(resolvePage({ after: legacy })).toEqual({ limit: DEFAULT_PAGE_SIZE, offset: 40 });
  });

  it('rejects a keyset cursor that is not one it issued', () => {
    for (const text of [
      'after:4',
      'after:4:not-a-uuid',
      'after::0b6f6c4e-5f5a-4c1e-9d7a-2f1e3c4b5a69',
      'after:-1:0b6f6c4e-5f5a-4c1e-9d7a-2f1e3c4b5a69',
      'after:4:0b6f6c4e-5f5a-4c1e-9d7a-2f1e3c4b5a69:x',
    ]) {
      const error = inputError(() => resolvePage({ after: Buffer.from(text).toString('base64url') }));
      expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'after' });
    }
  });
});

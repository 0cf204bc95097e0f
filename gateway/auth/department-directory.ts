import { GraphQLError } from 'graphql';

/**
 * The departments (部门 / 责任单位) a token's `org` may name: the directory the
 * subjects subgraph keeps. Read once, then again every REFRESH_MS while in use;
 * a code not found is looked up again at once (a department the credit office has
 * just registered), sharing a read already in flight. Only a token our identity
 * provider signed can name an org, so that re-read is no lever for outsiders.
 * If the directory cannot be read at all, callers with an org are refused
 * (DIRECTORY_UNAVAILABLE, 503) rather than admitted unchecked; once read, the last
 * good copy is used while a re-read fails.
 */
export interface DepartmentDirectory {
  has(code: string): Promise<boolean>;
  /** True once the directory has been read; until then each call tries to read it (readiness asks, at most once a second). */
  readOnce(): Promise<boolean>;
}

const REFRESH_MS = 60_000;

export function createDepartmentDirectory(
  load: () => Promise<string[]>,
  now: () => number = Date.now,
): DepartmentDirectory {
  let codes: Set<string> | null = null;
  let loadedAt = 0;
  let loading: Promise<void> | null = null;

  const reload = (): Promise<void> => {
    loading ??= load()
      .then((list) => {
        codes = new Set(list);
        loadedAt = now();
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  };

  return {
    async has(code) {
      const stale = codes === null || now() - loadedAt > REFRESH_MS;
      const unknown = codes !== null && !codes.has(code);
      if (stale || unknown) {
        try {
          await reload();
        } catch {
          if (codes === null) {
            throw new GraphQLError('the department directory is unavailable; try again later', {
              extensions: { code: 'DIRECTORY_UNAVAILABLE', http: { status: 503 } },
            });
          }
        }
      }
      return codes!.has(code);
    },
    async readOnce() {
      if (codes !== null) return true;
      try {
        await reload();
        return true;
      } catch {
        return false;
      }
    },
  };
}

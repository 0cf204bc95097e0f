/** Any GraphQL answer the tests hold: the gateway's over HTTP, an in-process server's, a subgraph's. */
export interface AnyAnswer<T> {
  status?: number;
  data?: T | null;
  errors?: readonly { message: string; path?: readonly unknown[]; extensions?: Record<string, unknown> }[];
}

/**
 * The answer's data, or a failure that shows why there is none: a bare `result.data!` turns a refused or
 * failed operation into "cannot read properties of null", hiding the GraphQL errors that explain it.
 */
export function expectData<T>(answer: AnyAnswer<T>): T {
  const { data, errors = [] } = answer;
  if (errors.length === 0 && data !== null && data !== undefined) return data;
  const lines = errors.map((e) => {
    const code = typeof e.extensions?.code === 'string' ? ` [${e.extensions.code}]` : '';
    const at = e.path ? ` at ${e.path.join('.')}` : '';
    return `  - ${e.message}${code}${at}`;
  });
  const status = answer.status === undefined ? '' : ` (HTTP ${answer.status})`;
  const detail = lines.length ? `errors:\n${lines.join('\n')}` : `data ${JSON.stringify(data)} and no errors`;
  throw new Error(`expected data${status}, got ${detail}`);
}

/**
 * The data of an answer that may carry errors beside it (fields removed by authorization, a section
 * unavailable): the test asserts on those errors itself; this fails, showing them, only when no data came.
 */
export function expectPartialData<T>(answer: AnyAnswer<T>): T {
  return answer.data === null || answer.data === undefined ? expectData(answer) : answer.data;
}

import { h } from './dom';
import type { GraphQLError } from './graphql-client';

/** Why a section of /hall/my is not shown: never "none" — the part is missing, not empty. */
export function unavailable(what: string, errors: GraphQLError[]): HTMLElement {
  const why =
    errors[0]?.extensions?.code === 'SUBGRAPH_UNAVAILABLE'
      ? '该部分数据服务暂时无法访问'
      : (errors[0]?.message ?? '未能取得数据');
  return h(
    'p',
    { class: 'unavailable', role: 'status', 'data-unavailable': what },
    h('strong', {}, `暂时无法显示${what}`),
    `：${why}，请稍后刷新本页（不代表没有记录）。`,
  );
}

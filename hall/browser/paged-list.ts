import { byId, h, replace } from './dom';
import { graphql, GraphQLAnswer, HALL_ENDPOINT } from './graphql-client';
import type { MyRecordPage } from './operations';
import { unavailable } from './unavailable';

/** Records a page: the API's default page size. */
export const PAGE_SIZE = 20;

export interface PagedListOptions<T> {
  slot: HTMLElement;
  /** Prefix of the ids: `<name>-count`, `<name>-previous`, `<name>-next`, `<name>-pager`. */
  name: string;
  /** A query of `mySubject { id <field>(first: $first, after: $after) { totalCount pageInfo nodes } }`. */
  query: string;
  field: string;
  /** 行政处罚信息 …: in 暂时无法显示… */
  what: string;
  /** The sentence for none at all. */
  none: string;
  card: (record: T) => HTMLElement;
  /** Each page as it is read (the cases name their records by what the pages read). */
  seen?: (records: T[]) => void;
}

type PageAnswer = GraphQLAnswer<{ mySubject: Record<string, unknown> | null }>;

export interface PagedList {
  /** The page shown, asked again (after an objection its marks and cases change). */
  read(): Promise<PageAnswer>;
  show(answer: PageAnswer): void;
}

/**
 * One of the subject's paged record lists on /hall/my (penalties, licences, actions): 共 N 条、第 k / M 页
 * and 上一页 / 下一页 over the API's cursor, the focus on the count after a turn; the list renders, or
 * says why it cannot, on its own.
 */
export function pagedList<T>(options: PagedListOptions<T>): PagedList {
  /** The cursors of the pages shown so far: 上一页 goes back one. */
  let cursors: (string | null)[] = [null];
  const countId = `${options.name}-count`;

  const readAt = (after: string | null): Promise<PageAnswer> =>
    graphql(HALL_ENDPOINT, options.query, { first: PAGE_SIZE, after });
  const pageOf = (answer: PageAnswer): MyRecordPage<T> | null =>
    (answer.data?.mySubject?.[options.field] as MyRecordPage<T> | undefined) ?? null;

  function show(answer: PageAnswer): void {
    const page = pageOf(answer);
    if (!page) {
      replace(options.slot, unavailable(options.what, answer.errors));
      return;
    }
    options.seen?.(page.nodes);
    if (page.totalCount === 0) {
      replace(options.slot, h('p', { class: 'none' }, options.none));
      return;
    }
    const [count, ...pager] = controls(page);
    replace(
      options.slot,
      count,
      h('ul', { class: 'record-list', id: `${options.name}-list` }, ...page.nodes.map(options.card)),
      ...pager,
    );
  }

  /** 共 N 条 and, past one page, 上一页 / 下一页. */
  function controls(page: MyRecordPage<T>): HTMLElement[] {
    const pages = Math.max(1, Math.ceil(page.totalCount / PAGE_SIZE));
    const count = h(
      'p',
      { id: countId, role: 'status', tabindex: '-1' },
      pages > 1 ? `共 ${page.totalCount} 条，第 ${cursors.length} / ${pages} 页` : `共 ${page.totalCount} 条`,
    );
    if (cursors.length === 1 && !page.pageInfo.hasNextPage) return [count];
    const previous = h(
      'button',
      { type: 'button', id: `${options.name}-previous`, disabled: cursors.length === 1 },
      '上一页',
    );
    const next = h(
      'button',
      { type: 'button', id: `${options.name}-next`, disabled: !page.pageInfo.hasNextPage },
      '下一页',
    );
    previous.addEventListener('click', () => void turn(cursors.slice(0, -1), [previous, next]));
    next.addEventListener('click', () => void turn([...cursors, page.pageInfo.endCursor], [previous, next]));
    return [count, h('p', { class: 'actions no-print', id: `${options.name}-pager` }, previous, next)];
  }

  /** The page asked for is shown once it has come; a failure leaves the page shown as it is. */
  async function turn(to: (string | null)[], buttons: HTMLButtonElement[]): Promise<void> {
    for (const button of buttons) button.disabled = true;
    options.slot.setAttribute('aria-busy', 'true');
    const answer = await readAt(to[to.length - 1]);
    options.slot.removeAttribute('aria-busy');
    if (!pageOf(answer)) {
      for (const button of buttons) button.disabled = false;
      byId(countId).textContent = `未能翻页：${answer.errors[0]?.message ?? `HTTP ${answer.status}`}`;
      return;
    }
    cursors = to;
    show(answer);
    // Not there when the records have gone meanwhile (共 0 条 says none instead).
    document.getElementById(countId)?.focus();
  }

  return { read: () => readAt(cursors[cursors.length - 1]), show };
}

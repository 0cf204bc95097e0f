import { byId, h, replace } from './dom';
import { graphql, PUBLIC_ENDPOINT } from './graphql-client';
import { PUBLISHED_LIST, PublishedListData } from './operations';

/**
 * The public lists (/hall/lists, “信用姑苏”): the red and black list entries that are published
 * and in force, searchable by name or code, 20 a page. Asked of the gateway as the public.
 */
const PAGE_SIZE = 20;
const MAX_SEARCH = 100;

const form = byId<HTMLFormElement>('lists-form');
const result = byId('lists-result');
/** The cursors of the pages shown so far: 上一页 goes back one. */
let cursors: (string | null)[] = [null];

form.addEventListener('submit', (event) => {
  event.preventDefault();
  cursors = [null];
  void show();
});
for (const radio of form.querySelectorAll<HTMLInputElement>('input[name="list"]')) {
  radio.addEventListener('change', () => {
    cursors = [null];
    void show();
  });
}
void show();

function chosenList(): string {
  return form.querySelector<HTMLInputElement>('input[name="list"]:checked')?.value ?? 'BLACK';
}

async function show(): Promise<void> {
  const search = byId<HTMLInputElement>('lists-search').value.trim().slice(0, MAX_SEARCH);
  result.setAttribute('aria-busy', 'true');
  const answer = await graphql<PublishedListData>(PUBLIC_ENDPOINT, PUBLISHED_LIST, {
    list: chosenList(),
    search: search || null,
    first: PAGE_SIZE,
    after: cursors[cursors.length - 1],
  });
  result.removeAttribute('aria-busy');
  const page = answer.data?.publishedList;
  if (!page) {
    replace(
      result,
      h('p', { class: 'error', role: 'alert' }, `暂不可用：${answer.errors[0]?.message ?? `HTTP ${answer.status}`}`),
    );
    return;
  }
  const previous = h('button', { type: 'button', disabled: cursors.length === 1 }, '上一页');
  previous.addEventListener('click', () => {
    cursors.pop();
    void show();
  });
  const next = h('button', { type: 'button', disabled: !page.pageInfo.hasNextPage }, '下一页');
  next.addEventListener('click', () => {
    cursors.push(page.pageInfo.endCursor);
    void show();
  });
  replace(
    result,
    h('p', { role: 'status', id: 'lists-count' }, `共 ${page.totalCount} 条，第 ${cursors.length} 页`),
    page.nodes.length === 0
      ? h('p', { class: 'none' }, '没有符合条件的公示条目')
      : h(
          'table',
          {},
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ...['主体名称', '统一社会信用代码', '类别', '列入事由', '认定单位', '认定日期', '有效期至'].map((text) =>
                h('th', { scope: 'col' }, text),
              ),
            ),
          ),
          h(
            'tbody',
            {},
            ...page.nodes.map((e) =>
              h(
                'tr',
                {},
                ...[
                  e.subject?.name ?? '—',
                  e.subject?.uscc ?? '—',
                  e.listKind?.name ?? '—',
                  e.reason,
                  e.decidedBy?.name ?? '—',
                  e.decidedAt,
                  e.validUntil ?? '长期',
                ].map((text) => h('td', {}, text)),
              ),
            ),
          ),
        ),
    h('p', { class: 'actions' }, previous, next),
  );
}

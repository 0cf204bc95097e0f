import { html } from './html';
import { layout, PageContext } from './layout';

/** `/hall/lists`: the published red and black lists, for the public (no sign-in). */
export function listsPage(context: PageContext): string {
  return layout({
    title: '公开名单',
    context,
    current: 'lists',
    main: html`<h1>“信用姑苏”公开名单</h1>
      <p>公示中且在有效期内的红名单、黑名单条目（重点关注名单不公开）。</p>
      <form id="lists-form" class="lists-form" role="search" autocomplete="off">
        <fieldset class="matters">
          <legend>名单</legend>
          <label class="matter"><input type="radio" name="list" value="BLACK" checked /> 黑名单</label>
          <label class="matter"><input type="radio" name="list" value="RED" /> 红名单</label>
        </fieldset>
        <label for="lists-search">主体名称关键字或统一社会信用代码</label>
        <input id="lists-search" name="search" type="text" maxlength="100" />
        <button type="submit" class="primary">查询</button>
      </form>
      <section id="lists-result" aria-live="polite"></section>`,
    scripts: ['lists.js'],
  });
}

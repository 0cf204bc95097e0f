import type { HallUser } from '../auth/session';
import { DOCS } from './docs-page';
import { accountArea } from './hall-page';
import { html } from './html';
import { layout, PageContext } from './layout';

/** `/`: where each kind of user goes (DESIGN.md, "Who uses it"). */
export function landingPage(context: PageContext, user: HallUser | null): string {
  return layout({
    title: '首页',
    context,
    current: 'home',
    account: accountArea(user, '/'),
    main: html`<h1>姑苏区公共信用信息服务</h1>
      <ul class="cards">
        <li>
          <a class="card" href="/hall"
            ><strong>政务服务大厅窗口</strong
            ><span
              >登录后按统一社会信用代码或名称查询申请人，查看办理事项的联合奖惩比对结论，记录奖惩反馈，出具信用审查报告</span
            ></a
          >
        </li>
        <li>
          <a class="card" href="/verify"
            ><strong>信用报告核验</strong
            ><span>凭报告编号和核验码核验信用审查报告是否真实、未被篡改、仍在有效期内（公众，无需登录）</span></a
          >
        </li>
        <li>
          <a class="card" href="/hall/my" id="my-link"
            ><strong>信用主体服务 · 我的信用</strong
            ><span>企业、个人登录后查看本主体的行政处罚信息，提出异议，查询异议和信用修复案件，下载决定书</span></a
          >
        </li>
        <li>
          <a class="card" href="/hall/repair-progress"
            ><strong>办理进度查询</strong
            ><span>凭受理回执上的受理编号和查询码查询信用修复、异议的办理进度（公众，无需登录）</span></a
          >
        </li>
        <li>
          <a class="card" href="/graphiql"
            ><strong>GraphiQL 查询界面</strong
            ><span
              >部门系统与分析人员的 GraphQL 接口；公众无需令牌即可查询公开的红黑名单（默认查询
              publishedList）与信用承诺</span
            ></a
          >
        </li>
      </ul>
      <h2>公开信息</h2>
      <ul class="links">
        <li><a href="/hall/lists">红名单、黑名单（“信用姑苏”公开名单）</a></li>
        <li>
          <a href="/graphiql"
            >在 GraphiQL 中查询公开名单（publishedList）与信用承诺公示（publicCommitments），无需令牌</a
          >
        </li>
      </ul>
      <h2>文档</h2>
      <ul class="links">
        ${DOCS.map((doc) => html`<li><a href="/hall/docs/${doc.name}">${doc.title}</a></li>`)}
      </ul>`,
  });
}

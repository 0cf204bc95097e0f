import { html } from './html';
import { layout, PageContext } from './layout';

/** Bounded before it is echoed into the form: a report number and a code are short. */
const MAX_PREFILL = 64;

const prefill = (value: unknown): string => (typeof value === 'string' ? value.slice(0, MAX_PREFILL) : '');

/** `/verify`: public, no sign-in. The report's QR code links here with ?number=&code=. */
export function verifyPage(context: PageContext, query: Record<string, unknown>): string {
  return layout({
    title: '信用报告核验',
    context,
    current: 'verify',
    main: html`<h1>信用审查报告核验</h1>
      <p>
        输入报告上印制的报告编号和核验码，核验报告是否由本平台出具、是否被篡改、是否仍在有效期内。扫描报告上的二维码可直接打开本页并自动核验。
      </p>
      <form id="verify-form" class="verify-form" autocomplete="off">
        <label for="verify-number">报告编号</label>
        <input
          id="verify-number"
          name="number"
          type="text"
          maxlength="${String(MAX_PREFILL)}"
          spellcheck="false"
          value="${prefill(query.number)}"
          required
        />
        <label for="verify-code">核验码</label>
        <input
          id="verify-code"
          name="code"
          type="text"
          maxlength="${String(MAX_PREFILL)}"
          spellcheck="false"
          value="${prefill(query.code)}"
          required
        />
        <label for="verify-file">报告 PDF 文件（可选：在本机计算文件指纹，核对是否被篡改；文件不会上传）</label>
        <input id="verify-file" name="file" type="file" accept="application/pdf,.pdf" />
        <button type="submit" class="primary">核验</button>
      </form>
      <section id="verify-result" aria-live="assertive"></section>`,
    scripts: ['verify.js'],
  });
}

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { html } from './html';
import { layout, PageContext } from './layout';

/**
 * The project's documents, readable from the landing page (/hall/docs/<name>): the Markdown shown
 * as it is written, in a page that carries the shipped font (plain text/markdown would be shown in
 * the browser's default font: boxes on a machine without CJK fonts). A fixed list: no path from a
 * request reaches the disk. Under /hall because that is what the gateway forwards to the hall.
 */
export const DOCS: readonly { name: string; file: string; title: string }[] = [
  { name: 'readme', file: 'README.md', title: '使用说明（README）' },
  { name: 'hall', file: 'docs/HALL.md', title: '大厅窗口与页面（HALL）' },
  { name: 'design', file: 'docs/DESIGN.md', title: '设计（DESIGN）' },
  { name: 'operations', file: 'docs/OPERATIONS.md', title: '运行维护（OPERATIONS）' },
  { name: 'security', file: 'docs/SECURITY.md', title: '安全（SECURITY）' },
  { name: 'rules', file: 'docs/RULES.md', title: '规则总览（RULES）' },
  { name: 'rules-authority-and-lists', file: 'docs/rules/authority-and-lists.md', title: '认定单位、名单类别与措施' },
  { name: 'rules-calendar', file: 'docs/rules/calendar.md', title: '工作日日历' },
  { name: 'rules-identifiers-and-fields', file: 'docs/rules/identifiers-and-fields.md', title: '代码与“双公示”字段' },
  { name: 'rules-publicity-and-repair', file: 'docs/rules/publicity-and-repair.md', title: '处罚公示与信用修复' },
];

/** The repository root: dist/hall/pages → ../../.. (the image copies README.md and docs/ beside dist). */
const ROOT = join(__dirname, '..', '..', '..');

/** The page, or null when the name is not a document (or the image carries no docs). */
export async function docsPage(context: PageContext, name: string): Promise<string | null> {
  const doc = DOCS.find((d) => d.name === name);
  if (!doc) return null;
  let text: string;
  try {
    text = await readFile(join(ROOT, doc.file), 'utf8');
  } catch {
    return null;
  }
  return layout({
    title: doc.title,
    context,
    current: 'docs',
    main: html`<h1>${doc.title}</h1>
      <p class="source">${doc.file}</p>
      <pre class="doc">${text}</pre>`,
  });
}

/**
 * npm run templates — writes the spreadsheet templates departments fill in to
 * report by file (templates/<kind>.csv and .xlsx, one header row each, data
 * from row 2) and templates/README.md describing every column, all from
 * REPORT_FIELDS, EVALUATION_RESULT_FIELDS and UPPER_LIST_FIELDS. Run it after changing the fields;
 * test/unit/ingest-templates fails while the committed templates differ.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { templateHeader } from '../ingest/files/columns';
import { EVALUATION_RESULT_FIELDS } from '../ingest/files/evaluation-fields';
import { UPPER_LIST_FIELDS } from '../ingest/files/upper-list-fields';
import { REPORT_FIELDS, REPORT_KINDS, ReportField, ReportKind } from '../shared/reporting/fields';

const TITLES: Record<ReportKind, string> = { licenses: '行政许可', penalties: '行政处罚', actions: '其他行政行为' };

/** One template: the kind it is uploaded as, its sheet's title, its columns. */
interface Template {
  kind: string;
  title: string;
  fields: readonly ReportField[];
  /** What the upload's address needs besides the file. */
  query?: string;
}

export const TEMPLATES: readonly Template[] = [
  ...REPORT_KINDS.map((kind) => ({ kind, title: TITLES[kind], fields: REPORT_FIELDS[kind] })),
  {
    kind: 'evaluation-results',
    title: '信用评价结果',
    fields: EVALUATION_RESULT_FIELDS,
    query: '?source=<评价来源代码>',
  },
  {
    kind: 'upper-level-lists',
    title: '上级下发名单',
    fields: UPPER_LIST_FIELDS,
    query: '?source=<来源平台代码>&kind=<名单类别>&mode=SNAPSHOT|CHANGES',
  },
];

function template(kind: string): Template {
  const found = TEMPLATES.find((t) => t.kind === kind);
  if (!found) throw new Error(`no template for ${kind}`);
  return found;
}
/** Fixed, so that writing the templates again changes nothing but the zip's own timestamps. */
const CREATED = new Date('2026-01-01T00:00:00Z');

function isDate(field: ReportField): boolean {
  return field.hint?.startsWith('YYYY-MM-DD') ?? false;
}

function note(field: ReportField): string {
  return [field.required ? '必填' : '选填', `最长 ${field.maxLength} 字`, field.hint].filter(Boolean).join('；');
}

export function csvTemplate(kind: string): string {
  // BOM: Excel opens UTF-8 CSV correctly only with it.
  const cell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return `\uFEFF${template(kind)
    .fields.map((field) => cell(templateHeader(field)))
    .join(',')}\r\n`;
}

export async function xlsxTemplate(kind: string, path: string): Promise<void> {
  const { title, fields } = template(kind);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '姑苏区公共信用数据共享网关';
  workbook.created = CREATED;
  workbook.modified = CREATED;
  const sheet = workbook.addWorksheet(title, { views: [{ state: 'frozen', ySplit: 1 }] });
  fields.forEach((field, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = Math.min(Math.max(field.header.length * 2 + 4, 14), 40);
    // Text cells keep codes and ID numbers as typed (Excel would turn 18 digits into 3.20502E+17); dates stay dates.
    if (!isDate(field)) column.numFmt = '@';
    const cell = sheet.getCell(1, i + 1);
    cell.value = templateHeader(field);
    cell.font = { bold: true, color: field.required ? { argb: 'FFC00000' } : undefined };
    cell.numFmt = 'General';
    cell.note = note(field);
  });
  await workbook.xlsx.writeFile(path);
}

export function templatesReadme(): string {
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  const sections = TEMPLATES.map(({ kind, title, fields, query }) => {
    const rows = fields.map(
      (f) =>
        `| ${escape(templateHeader(f))} | \`${f.field}\` | ${f.required ? '是' : '否'} | ${f.maxLength} | ${escape(f.hint ?? '')}${f.list ? '（多项以“；”“、”或“,”分隔）' : ''} |`,
    );
    return [
      `## ${title} — \`${kind}.csv\` / \`${kind}.xlsx\` → \`POST /ingest/${kind}${query ?? ''}\``,
      '',
      '| 表头 header | field | 必填 required | 最长 max length | 说明 hint |',
      '|---|---|---|---|---|',
      ...rows,
    ].join('\n');
  });
  return `# 报送模板 · Report templates

Written by \`npm run templates\` from \`shared/reporting/fields.ts\`,
\`ingest/files/evaluation-fields.ts\` and \`ingest/files/upper-list-fields.ts\`; do not edit by hand.
Each template is one header row (required columns end with \`*\`); data starts on row 2.
Fill in the CSV (UTF-8, Excel opens it thanks to the BOM; GB18030 is accepted too) or the XLSX
(first worksheet), then upload it (see the main README, "Reporting by file"):

\`\`\`bash
npm run ingest -- --kind penalties --file penalties.xlsx --token "$TOKEN"
\`\`\`

Headers are matched leniently (spaces, the \`*\`, full-width or half-width brackets); a
column that is not in the template is refused, an optional column may be left out. Dates
are \`YYYY-MM-DD\` (or Excel date cells); amounts in 万元. An evaluation-results file holds one
source's results (公共信用综合评价 or a department's 行业信用评价): the source's code goes in the
address, \`POST /ingest/evaluation-results?source=<code>\`, not in a column. An upper-level-lists
file is one source platform's list of one kind (国家、省下发的联合惩戒对象名单, \`lists:import\`):
\`POST /ingest/upper-level-lists?source=credit-china&kind=COURT_DEFAULTER&mode=SNAPSHOT\` (SNAPSHOT: the
whole list, entries it leaves out are removed; CHANGES: additions, changes and rows marked 已移出), at
most 10,000 rows, imported whole or not at all.

${sections.join('\n\n')}
`;
}

async function main(): Promise<void> {
  const dir = resolve(__dirname, '..', '..', 'templates');
  mkdirSync(dir, { recursive: true });
  for (const { kind } of TEMPLATES) {
    writeFileSync(join(dir, `${kind}.csv`), csvTemplate(kind));
    await xlsxTemplate(kind, join(dir, `${kind}.xlsx`));
  }
  writeFileSync(join(dir, 'README.md'), templatesReadme());
  process.stdout.write(`templates written to ${dir}\n`);
}

// The test compares the committed files with what these functions write.
if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`templates: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}

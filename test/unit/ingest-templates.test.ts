import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { matchTemplate, templateHeader } from '../../ingest/files/columns';
import { headerCells } from '../../ingest/files/records';
import { xlsxRows } from '../../ingest/files/xlsx-rows';
import { csvTemplate, TEMPLATES, templatesReadme } from '../../scripts/templates';

/** The committed templates must be what `npm run templates` writes from REPORT_FIELDS (and the evaluation results' fields) today. */
const KINDS = TEMPLATES.map((t) => t.kind);
const fieldsOf = (kind: string) => TEMPLATES.find((t) => t.kind === kind)!.fields;
const dir = join(__dirname, '..', '..', 'templates');
const stale = 'the committed templates differ from REPORT_FIELDS: run `npm run templates` and commit templates/';

describe('report templates', () => {
  it.each(KINDS)('%s.csv is the header row, with a BOM', (kind) => {
    const committed = readFileSync(join(dir, `${kind}.csv`), 'utf8');
    if (committed !== csvTemplate(kind)) throw new Error(stale);
    expect(committed.startsWith('\uFEFF')).toBe(true);
  });

  it.each(KINDS)('%s.xlsx has the same header row in its first worksheet, and nothing else', async (kind) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, `${kind}.xlsx`));
    const sheet = workbook.worksheets[0];
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    if (JSON.stringify(headers) !== JSON.stringify(fieldsOf(kind).map(templateHeader)))
      throw new Error(`${stale}\n${kind}.xlsx: ${headers.join(',')}`);
    expect(sheet.actualRowCount).toBe(1);
  });

  it('templates/README.md describes every column', () => {
    if (readFileSync(join(dir, 'README.md'), 'utf8') !== templatesReadme()) throw new Error(stale);
  });
});

describe('a template as uploaded', () => {
  it.each(KINDS)('%s.xlsx reads back through the ingest reader with every column known', async (kind) => {
    async function* file() {
      yield readFileSync(join(dir, `${kind}.xlsx`));
    }
    const rows = [];
    for await (const row of xlsxRows(file())) rows.push(row);
    expect(rows.map((r) => r.rowNumber)).toEqual([1]);
    expect(matchTemplate({ name: kind, fields: fieldsOf(kind) }, headerCells(rows[0])).map((f) => f?.field)).toEqual(
      fieldsOf(kind).map((f) => f.field),
    );
  });
});

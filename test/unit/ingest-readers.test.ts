import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { csvRows } from '../../ingest/files/csv-rows';
import { IngestError } from '../../ingest/files/errors';
import { detectFormat, XLSX_MEDIA_TYPE } from '../../ingest/files/file-format';
import type { SheetRow } from '../../ingest/files/records';
import { SharedStrings } from '../../ingest/files/shared-strings';
import { Budget } from '../../ingest/files/xlsx-limits';
import { xlsxRows } from '../../ingest/files/xlsx-rows';

/** A file arriving in small pieces, cut anywhere (inside a character, inside a quoted cell). */
async function* pieces(bytes: Buffer, size = 7): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function collect(rows: AsyncIterable<SheetRow>): Promise<SheetRow[]> {
  const all: SheetRow[] = [];
  for await (const row of rows) all.push({ rowNumber: row.rowNumber, cells: [...row.cells] });
  return all;
}

async function refusal(promise: Promise<unknown>): Promise<IngestError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof IngestError)) throw new Error(`expected an IngestError, got ${String(error)}`);
  return error;
}

describe('file format', () => {
  it('tells XLSX from CSV by content, and the CSV encoding', () => {
    expect(detectFormat(Buffer.from('PK\x03\x04rest'), undefined)).toEqual({ kind: 'xlsx' });
    expect(detectFormat(Buffer.from('PK\x03\x04rest'), 'text/csv')).toEqual({ kind: 'xlsx' });
    expect(detectFormat(Buffer.from('\uFEFF行政相对人名称,x\r\n'), 'text/csv')).toEqual({
      kind: 'csv',
      encoding: 'utf-8',
    });
    expect(detectFormat(Buffer.from('行政相对人名称'), undefined)).toEqual({ kind: 'csv', encoding: 'utf-8' });
    // 中文 in GB18030 is not valid UTF-8.
    expect(detectFormat(Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0x2c]), 'text/csv')).toEqual({
      kind: 'csv',
      encoding: 'gb18030',
    });
    expect(detectFormat(Buffer.from('abc'), 'text/csv; charset=GBK')).toEqual({ kind: 'csv', encoding: 'gb18030' });
    expect(detectFormat(Buffer.from([0xd6, 0xd0]), 'text/csv; charset="utf-8"')).toEqual({
      kind: 'csv',
      encoding: 'utf-8',
    });
    // A character cut at the end of the sample is still UTF-8.
    expect(detectFormat(Buffer.from('名称').subarray(0, 4), undefined)).toEqual({ kind: 'csv', encoding: 'utf-8' });
    expect(detectFormat(Buffer.alloc(0), undefined)).toEqual({ kind: 'csv', encoding: 'utf-8' });
  });

  it('refuses what is not a spreadsheet with 415', () => {
    const refused = (head: Buffer | string, type?: string) => {
      try {
        detectFormat(Buffer.from(head), type);
      } catch (error) {
        return error instanceof IngestError ? `${error.status} ${error.code}` : String(error);
      }
      return 'accepted';
    };
    expect(refused('%PDF-1.7\n')).toBe('415 UNSUPPORTED_MEDIA_TYPE');
    expect(refused(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).toBe('415 UNSUPPORTED_MEDIA_TYPE');
    expect(refused(Buffer.from([0x41, 0x00, 0x42]))).toBe('415 UNSUPPORTED_MEDIA_TYPE');
    expect(refused('a,b', 'application/pdf')).toBe('415 UNSUPPORTED_MEDIA_TYPE');
    expect(refused('a,b', 'image/png')).toBe('415 UNSUPPORTED_MEDIA_TYPE');
    expect(refused('a,b', XLSX_MEDIA_TYPE)).toBe('415 UNSUPPORTED_MEDIA_TYPE');
    expect(refused('a,b', 'text/csv; charset=shift_jis')).toBe('415 UNSUPPORTED_MEDIA_TYPE');
    expect(refused('a,b', 'text/csv; charset=utf-8')).toBe('accepted');
  });
});

describe('CSV rows', () => {
  it('numbers rows as a spreadsheet does: blank lines count, a quoted cell may span lines', async () => {
    const text = '\uFEFF名称,类别\r\n某公司,"警告；\r\n罚款"\r\n\r\n,,\r\n"引号""内",x\r\n';
    const rows = await collect(csvRows(pieces(Buffer.from(text)), 'utf-8'));
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['名称', '类别'] },
      { rowNumber: 2, cells: ['某公司', '警告；\r\n罚款'] },
      { rowNumber: 3, cells: [''] },
      { rowNumber: 4, cells: ['', '', ''] },
      { rowNumber: 5, cells: ['引号"内', 'x'] },
    ]);
  });

  it('reads GB18030 (what Chinese Excel saves as CSV)', async () => {
    // 中文,测试\n
    const bytes = Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0x2c, 0xb2, 0xe2, 0xca, 0xd4, 0x0a]);
    expect(await collect(csvRows(pieces(bytes, 3), 'gb18030'))).toEqual([{ rowNumber: 1, cells: ['中文', '测试'] }]);
  });

  it('refuses bytes that are not UTF-8 in a UTF-8 file, and a row without its closing quote', async () => {
    const invalid = Buffer.concat([Buffer.from('名称\n'), Buffer.from([0xd6, 0xd0, 0x0a])]);
    expect((await refusal(collect(csvRows(pieces(invalid), 'utf-8')))).message).toMatch(/UTF-8/);
    const unclosed = await refusal(collect(csvRows(pieces(Buffer.from('a,b\n1,"2\n')), 'utf-8')));
    expect(unclosed.code).toBe('BAD_USER_INPUT');
    expect(unclosed.extensions).toEqual({ rowNumber: 2 });
  });
});

describe('XLSX rows', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ingest-xlsx-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const cellsOfRow2 = (rows: SheetRow[]) => rows.find((r) => r.rowNumber === 2)!.cells;

  it('reads the first worksheet of a workbook Excel-style (shared strings), with its row numbers and cell types', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('处罚');
    sheet.getCell('A1').value = '名称';
    sheet.getCell('B1').value = '日期';
    sheet.getCell('C1').value = '金额';
    sheet.getCell('D1').value = '富文本';
    sheet.getCell('A2').value = '某公司';
    sheet.getCell('B2').value = new Date(Date.UTC(2026, 2, 5));
    sheet.getCell('B2').numFmt = 'yyyy-mm-dd';
    sheet.getCell('C2').value = 0.5;
    sheet.getCell('D2').value = { richText: [{ text: '苏州' }, { font: { bold: true }, text: '某' }] };
    sheet.getCell('A5').value = { formula: 'A2', result: '某公司' };
    workbook.addWorksheet('其他').getCell('A1').value = 'not read';
    const path = join(dir, 'shared.xlsx');
    await workbook.xlsx.writeFile(path);

    const rows = await collect(xlsxRows(pieces(readFileSync(path), 1000)));
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 2, 5]);
    expect(rows[0].cells).toEqual(['名称', '日期', '金额', '富文本']);
    const [name, date, amount, rich] = cellsOfRow2(rows);
    expect(name).toBe('某公司');
    expect(date).toEqual(new Date(Date.UTC(2026, 2, 5)));
    expect(amount).toBe(0.5);
    // A shared rich text comes joined, from the table kept on disk.
    expect(rich).toBe('苏州某');
    expect(rows[2].cells[0]).toEqual({ formula: 'A2', result: '某公司' });
  });

  it('reads a workbook written by exceljs streaming writer (inline strings)', async () => {
    const path = join(dir, 'streamed.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true });
    const sheet = writer.addWorksheet('S');
    sheet.addRow(['名称', '日期']).commit();
    const row = sheet.addRow(['某公司', new Date(Date.UTC(2026, 0, 31))]);
    row.getCell(2).numFmt = 'yyyy-mm-dd';
    row.commit();
    sheet.commit();
    await writer.commit();
    const rows = await collect(xlsxRows(pieces(readFileSync(path), 512)));
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['名称', '日期'] },
      { rowNumber: 2, cells: ['某公司', new Date(Date.UTC(2026, 0, 31))] },
    ]);
  });

  it('refuses a zip that is no workbook, and a damaged one', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('S').getCell('A1').value = 'x';
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const damaged = await refusal(
      collect(xlsxRows(pieces(Buffer.concat([bytes.subarray(0, 200), Buffer.alloc(300, 7)]), 100))),
    );
    expect(damaged.status).toBeGreaterThanOrEqual(400);
  });
});

describe('shared strings on disk', () => {
  it('gives back every string by its index, in any order, across blocks', () => {
    const strings = new SharedStrings(
      tmpdir(),
      new Budget(Number.MAX_SAFE_INTEGER, () => new IngestError(413, 'PAYLOAD_TOO_LARGE', 'disk')),
    );
    const texts = Array.from({ length: 5000 }, (_, i) => (i % 7 === 0 ? `行政处罚"${i}"\n\u0000` : `值${i}`));
    texts.forEach((text) => strings.add(text));
    expect(strings.size).toBe(5000);
    for (const i of [0, 1023, 1024, 4999, 3, 2048, 7, 4096, 0, 4998]) expect(strings.get(i)).toBe(texts[i]);
    for (let i = 0; i < texts.length; i += 1) expect(strings.get(i)).toBe(texts[i]);
    expect(strings.get(5000)).toBeNull();
    expect(strings.get(-1)).toBeNull();
    strings.close();
  });
});

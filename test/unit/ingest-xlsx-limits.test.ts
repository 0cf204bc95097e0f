import { tmpdir } from 'node:os';
import { workbook, zipOf } from '../../bench/support/crafted-xlsx';
import { IngestError } from '../../ingest/files/errors';
import type { SheetRow } from '../../ingest/files/records';
import { SharedStrings } from '../../ingest/files/shared-strings';
import {
  Budget,
  DEFAULT_XLSX_LIMITS,
  MAX_CELL_CHARS,
  MAX_ROW_CHARS,
  tempBudget,
  unzippedAllowance,
  unzippedBudget,
} from '../../ingest/files/xlsx-limits';
import { columnOf, xlsxRows } from '../../ingest/files/xlsx-rows';
import { isDateFormat } from '../../ingest/files/xlsx-styles';
import { XmlEvent, xmlEvents } from '../../ingest/files/xml-events';

async function* bytes(text: string | Buffer, size = 5): AsyncGenerator<Buffer> {
  const all = Buffer.from(text);
  for (let i = 0; i < all.length; i += size) yield all.subarray(i, i + size);
}

async function events(xml: string | Buffer, piece = 5): Promise<XmlEvent[]> {
  const all: XmlEvent[] = [];
  for await (const batch of xmlEvents(bytes(xml, piece), 'part.xml')) all.push(...batch);
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

/** Read with the ratio opened wide: these files are small and compress well. */
async function rows(file: Buffer): Promise<SheetRow[]> {
  const all: SheetRow[] = [];
  for await (const row of xlsxRows(bytes(file, 1000), {
    limits: { ...DEFAULT_XLSX_LIMITS, maxRatio: 1_000_000 },
    tempDir: tmpdir(),
  }))
    all.push({ rowNumber: row.rowNumber, cells: [...row.cells] });
  return all;
}

function* once(text: string): Iterable<string> {
  yield text;
}

const SHEET = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';

describe('size budgets', () => {
  it('allows the absolute cap or the ratio to the upload, whichever is lower', () => {
    expect(unzippedAllowance(1_000, DEFAULT_XLSX_LIMITS)).toBe(100_000);
    expect(unzippedAllowance(100 * 1024 * 1024, DEFAULT_XLSX_LIMITS)).toBe(512 * 1024 * 1024);
  });

  it('refuses the byte that passes the cap, naming the limit that binds', () => {
    const byRatio = unzippedBudget(1_000, DEFAULT_XLSX_LIMITS);
    byRatio.take(100_000);
    const ratio = (() => {
      try {
        byRatio.take(1);
      } catch (error) {
        return error as IngestError;
      }
      throw new Error('not refused');
    })();
    expect(ratio).toMatchObject({
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      extensions: { limit: 'unzippedRatio', max: 100 },
    });
    const absolute = unzippedBudget(1024 * 1024 * 1024, DEFAULT_XLSX_LIMITS);
    expect(() => absolute.check(512 * 1024 * 1024 + 1)).toThrow(
      expect.objectContaining({ extensions: { limit: 'unzippedBytes', max: 512 * 1024 * 1024 } }),
    );
    absolute.check(512 * 1024 * 1024);
    expect(absolute.spent).toBe(0);
    expect(() => tempBudget({ ...DEFAULT_XLSX_LIMITS, maxTempBytes: 10 }).take(11)).toThrow(
      expect.objectContaining({ status: 413, extensions: { limit: 'tempBytes', max: 10 } }),
    );
  });
});

describe('bounded XML events', () => {
  it('gives the events of a part cut anywhere, element names without their prefix', async () => {
    expect(await events('<?xml version="1.0"?><x:a k="v&amp;w">苏州<b/>&#x4E2D;</x:a>')).toEqual([
      { kind: 'open', name: 'a', attributes: { k: 'v&w' } },
      { kind: 'text', text: '苏州' },
      { kind: 'open', name: 'b', attributes: {} },
      { kind: 'close', name: 'b' },
      { kind: 'text', text: '中' },
      { kind: 'close', name: 'a' },
    ]);
  });

  it('refuses nesting beyond 32, a text or tag of more than 1,000,000 characters, a declared entity, and what is not XML', async () => {
    expect((await refusal(events(`${'<a>'.repeat(33)}${'</a>'.repeat(33)}`))).extensions).toMatchObject({
      limit: 'xmlDepth',
      max: 32,
      part: 'part.xml',
    });
    await events(`${'<a>'.repeat(32)}${'</a>'.repeat(32)}`);
    expect((await refusal(events(`<a>${'x'.repeat(1_100_000)}</a>`, 4096))).extensions).toMatchObject({
      limit: 'markupChars',
      max: 1_000_000,
    });
    expect((await refusal(events(`<a b="${'x'.repeat(1_100_000)}"/>`, 4096))).extensions).toMatchObject({
      limit: 'markupChars',
    });
    expect((await refusal(events(`<a><!--${'<'.repeat(1_100_000)}--></a>`, 4096))).extensions).toMatchObject({
      limit: 'markupChars',
    });
    const laughs = `<!DOCTYPE a [<!ENTITY e "${'x'.repeat(1000)}"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]><a>&f;</a>`;
    expect((await refusal(events(laughs))).message).toMatch(/undefined entity/);
    expect((await refusal(events('<a><b></a>'))).code).toBe('BAD_USER_INPUT');
    expect((await refusal(events(Buffer.from([0x3c, 0x61, 0x3e, 0xff, 0x3c, 0x2f, 0x61, 0x3e])))).code).toBe(
      'BAD_USER_INPUT',
    );
  });
});

describe('shared strings on disk, bounded by characters', () => {
  it('keeps blocks of long strings small and finds every string', () => {
    const strings = new SharedStrings(
      tmpdir(),
      new Budget(Number.MAX_SAFE_INTEGER, () => new IngestError(413, 'PAYLOAD_TOO_LARGE', 'disk')),
    );
    const texts = Array.from({ length: 400 }, (_, i) => `${i}`.padEnd(i % 3 === 0 ? MAX_CELL_CHARS : 5, '苏'));
    texts.forEach((text) => strings.add(text));
    for (const i of [399, 0, 200, 3, 398, 1, 201]) expect(strings.get(i)).toBe(texts[i]);
    texts.forEach((text, i) => expect(strings.get(i)).toBe(text));
    expect(strings.get(400)).toBeNull();
    expect(strings.get(1.5)).toBeNull();
    strings.close();
  });

  it('counts what it writes against the temporary-disk budget', () => {
    const strings = new SharedStrings(tmpdir(), tempBudget({ ...DEFAULT_XLSX_LIMITS, maxTempBytes: 100_000 }));
    expect(() => {
      for (let i = 0; i < 10_000; i += 1) strings.add(`值${i}`);
    }).toThrow(expect.objectContaining({ status: 413, extensions: { limit: 'tempBytes', max: 100_000 } }));
    strings.close();
  });
});

describe('XLSX cells', () => {
  it('reads cell references, number formats and cell types as exceljs did', () => {
    expect([
      columnOf('A1'),
      columnOf('Z9'),
      columnOf('AA1'),
      columnOf('XFD1048576'),
      columnOf(undefined),
      columnOf('1A'),
    ]).toEqual([1, 26, 27, 16_384, null, null]);
    for (const code of ['yyyy-mm-dd', 'yyyy"年"m"月"d"日"', '[$-804]yyyy/m/d', 'h:mm:ss', 'mm-dd-yy'])
      expect(isDateFormat(code)).toBe(true);
    for (const code of ['General', '0.00', '#,##0.00_);[Red](#,##0.00)', '"金额"0.00', '0.00E+00', '@'])
      expect(isDateFormat(code)).toBe(false);
  });

  it('takes the first sheet of the workbook, its types, the 1904 system, and leaves phonetic guides out', async () => {
    const parts = workbook(
      () =>
        once(`${SHEET}<row r="1"><c r="A1" t="inlineStr"><is><t>不是这张</t></is></c></row></sheetData></worksheet>`),
      { moreSheets: 1 },
    );
    // The workbook lists sheet2.xml first.
    parts[2] = {
      path: 'xl/workbook.xml',
      content: () =>
        once(
          '<workbook xmlns:r="r"><workbookPr date1904="1"/><sheets><sheet name="B" r:id="rId2"/><sheet name="A" r:id="rId1"/></sheets></workbook>',
        ),
    };
    parts[5] = {
      path: 'xl/worksheets/sheet2.xml',
      content: () =>
        once(
          `${SHEET}<row r="3"><c r="B3" t="b"><v>1</v></c><c r="C3" t="e"><v>#N/A</v></c><c r="D3" t="d"><v>2026-03-05</v></c><c r="E3" s="1"><v>0</v></c>` +
            `<c r="F3" t="s"><v>0</v></c><c t="inlineStr"><is><r><t>苏州</t></r><r><t>某</t></r><rPh><t>スー</t></rPh></is></c><c r="H3" t="str"><f>A1</f><v>x</v></c><c r="I3"/></row></sheetData></worksheet>`,
        ),
    };
    parts.push({
      path: 'xl/styles.xml',
      content: () =>
        once(
          '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><cellStyleXfs><xf numFmtId="0"/><xf numFmtId="0"/></cellStyleXfs><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>',
        ),
    });
    parts.push({
      path: 'xl/sharedStrings.xml',
      content: () => once('<sst><si><r><t>富</t></r><r><t>文本</t></r><rPh><t>フ</t></rPh></si></sst>'),
    });
    const [row] = await rows(await zipOf(parts));
    expect(row.rowNumber).toBe(3);
    expect(row.cells.slice(1)).toEqual([
      true,
      { error: '#N/A' },
      new Date(Date.UTC(2026, 2, 5)),
      new Date(Date.UTC(1904, 0, 1)),
      '富文本',
      '苏州某',
      { formula: 'A1', result: 'x' },
    ]);
  });

  it('refuses a row of more than 200,000 characters (as a CSV row), a value beyond column AMJ, a row beyond 1,048,576, rows or cells out of order', async () => {
    const cell = 'a'.repeat(30_000);
    const wide = `${SHEET}<row r="2">${Array.from({ length: 7 }, () => `<c t="inlineStr"><is><t>${cell}</t></is></c>`).join('')}</row></sheetData></worksheet>`;
    expect(await refusal(rows(await zipOf(workbook(() => once(wide)))))).toMatchObject({
      status: 400,
      extensions: { limit: 'rowChars', max: MAX_ROW_CHARS, rowNumber: 2 },
    });
    const right = `${SHEET}<row r="2"><c r="AMJ2"><v>1</v></c><c r="XFD2" s="1"/></row><row r="3"><c r="AMK3"><v>1</v></c></row></sheetData></worksheet>`;
    // An empty cell far right (formatting) is passed over; a value beyond AMJ is refused.
    expect(await refusal(rows(await zipOf(workbook(() => once(right)))))).toMatchObject({
      status: 400,
      extensions: { limit: 'valueColumns', max: 1024, rowNumber: 3 },
    });
    const disorder = `${SHEET}<row r="2"><c r="A2"><v>1</v></c></row><row r="2"/></sheetData></worksheet>`;
    expect(await refusal(rows(await zipOf(workbook(() => once(disorder)))))).toMatchObject({
      status: 400,
      message: expect.stringMatching(/out of order/),
      extensions: { rowNumber: 2 },
    });
    const cellDisorder = `${SHEET}<row r="2"><c r="B2"><v>1</v></c><c r="A2"><v>1</v></c></row></sheetData></worksheet>`;
    expect(await refusal(rows(await zipOf(workbook(() => once(cellDisorder)))))).toMatchObject({
      status: 400,
      message: expect.stringMatching(/out of order/),
    });
    const far = `${SHEET}<row r="1048577"><c r="A1048577"><v>1</v></c></row></sheetData></worksheet>`;
    expect(await refusal(rows(await zipOf(workbook(() => once(far)))))).toMatchObject({
      status: 400,
      extensions: { limit: 'rows', rowNumber: 1_048_577 },
    });
  });
});

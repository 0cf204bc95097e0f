import { cellText, plainDecimal } from '../../ingest/files/cells';
import { matchColumns } from '../../ingest/files/columns';
import type { SheetRow } from '../../ingest/files/records';
import { isBlankRow, toRecord } from '../../ingest/files/records';
import { REPORT_FIELDS } from '../../shared/reporting/fields';

const decidedAt = REPORT_FIELDS.penalties.find((f) => f.field === 'decidedAt')!;
const fineAmount = REPORT_FIELDS.penalties.find((f) => f.field === 'fineAmount')!;

describe('cell → the text a person sees', () => {
  it('trims text; a blank cell is null', () => {
    expect(cellText('  苏市监罚〔2026〕1号 ')).toBe('苏市监罚〔2026〕1号');
    expect(cellText('   ')).toBeNull();
    expect(cellText(null)).toBeNull();
    expect(cellText(undefined)).toBeNull();
  });

  it('writes numbers in plain decimals, as Excel shows them', () => {
    expect(cellText(0.5, fineAmount)).toBe('0.5');
    expect(cellText(0.1 + 0.2)).toBe('0.3');
    expect(cellText(12)).toBe('12');
    expect(plainDecimal(1e-7)).toBe('0.0000001');
    expect(plainDecimal(-2.5e-8)).toBe('-0.000000025');
    expect(plainDecimal(1.5e21)).toBe('1500000000000000000000');
    // eslint-disable-next-line no-loss-of-precision -- an 18-digit number arrives from a spreadsheet already rounded
    expect(plainDecimal(320502199001011234)).toBe('320502199001011000');
  });

  it('reads a date as its calendar date, whatever the time zone', () => {
    // exceljs gives a date cell as the instant whose UTC fields are the cell's wall-clock value.
    expect(cellText(new Date(Date.UTC(2026, 2, 5)), decidedAt)).toBe('2026-03-05');
    expect(cellText(new Date(Date.UTC(2026, 2, 5, 23, 30)), decidedAt)).toBe('2026-03-05');
    expect(cellText(new Date(Date.UTC(2026, 2, 5)))).toBe('2026-03-05');
    expect(cellText(new Date(Date.UTC(2026, 2, 5, 9, 30)))).toBe('2026-03-05 09:30');
    expect(cellText(new Date(Date.UTC(2026, 2, 5, 9, 30, 15)))).toBe('2026-03-05 09:30:15');
  });

  it('takes a number in a date field as an Excel day serial, but not a number written as 20260305', () => {
    expect(cellText(46086, decidedAt)).toBe('2026-03-05');
    expect(cellText(46086.75, decidedAt)).toBe('2026-03-05');
    expect(cellText(20260305, decidedAt)).toBe('20260305');
  });

  it('joins rich text, takes formula results and link texts', () => {
    expect(cellText({ richText: [{ text: '苏州' }, { font: { bold: true }, text: '某公司' }] })).toBe('苏州某公司');
    expect(cellText({ formula: 'B2*2', result: 3 })).toBe('3');
    expect(cellText({ formula: 'TODAY()' })).toBeNull();
    expect(cellText({ sharedFormula: 'A1', result: 'x' })).toBe('x');
    expect(cellText({ text: '链接', hyperlink: 'https://example.org' })).toBe('链接');
    expect(cellText({ error: '#N/A' })).toBe('#N/A');
    expect(cellText(true)).toBe('TRUE');
  });
});

describe('row → record', () => {
  const headers = REPORT_FIELDS.penalties.map((f) => f.header);
  const columns = matchColumns('penalties', [...headers, null]);
  const cells = (values: Record<string, unknown>) => [...headers.map((h) => values[h] ?? null), 'ignored'];

  it('keeps the row number, leaves blank cells out and splits list cells', () => {
    const row: SheetRow = {
      rowNumber: 7,
      cells: cells({
        行政相对人名称: ' 某公司 ',
        处罚类别: '警告；罚款、 没收违法所得,',
        '罚款金额（万元）': 0.5,
        处罚决定日期: new Date(Date.UTC(2026, 0, 2)),
      }),
    };
    expect(toRecord(row, columns)).toEqual({
      rowNumber: 7,
      partyName: '某公司',
      categories: ['警告', '罚款', '没收违法所得'],
      fineAmount: '0.5',
      decidedAt: '2026-01-02',
    });
  });

  it('has no record for a row with nothing in it', () => {
    const row: SheetRow = { rowNumber: 3, cells: cells({ 处罚类别: ' ；' }) };
    expect(toRecord(row, columns)).toBeNull();
    expect(isBlankRow({ rowNumber: 4, cells: ['', null, '  '] })).toBe(true);
  });
});

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { templateHeader } from '../../ingest/files/columns';
import { completeUscc } from '../../shared/identifiers/uscc';
import { REPORT_FIELDS } from '../../shared/reporting/fields';

/** One row in 50 is rejected (a fine that is not a number), so rejections stream too. */
export const BAD_EVERY = 50;
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** `value` in the code's 31 characters, `width` of them (the demo's codes are numbered this way). */
export function base31(value: number, width: number): string {
  let text = '';
  for (let rest = value; text.length < width; rest = Math.floor(rest / 31)) text = USCC_ALPHABET[rest % 31] + text;
  return text;
}

export function daysFrom(today: string, days: number): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Row i of a file: a penalty of a subject of its own; decision numbers unique per file. */
export function penaltyRow(
  file: string,
  i: number,
  today: string,
  authority: { name: string; uscc: string },
): Record<string, string> {
  return {
    partyName: `苏州基准测试第${i}贸易有限公司`,
    partyClass: '法人及非法人组织',
    uscc: completeUscc(`91320508${base31(i, 9)}`),
    legalRepresentative: '张三',
    decisionNo: `姑市监罚〔2026〕${file}-${i}号`,
    violationType: '未按规定公示年度报告',
    facts: `当事人未按规定期限公示${2025}年度报告，经责令限期改正逾期未改正。编号${i}。`,
    legalBasis: '《企业信息公示暂行条例》第十八条',
    categories: '警告；罚款',
    content: '警告，罚款人民币五千元',
    fineAmount: i % BAD_EVERY === 0 ? '五千元' : '0.5',
    decidedAt: daysFrom(today, -3),
    validUntil: daysFrom(today, 365),
    severity: '一般',
    authorityName: authority.name,
    authorityUscc: authority.uscc,
  };
}

export async function writeCsv(path: string, rows: number, row: (i: number) => Record<string, string>): Promise<void> {
  const out = createWriteStream(path);
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain');
  };
  await write(`\uFEFF${REPORT_FIELDS.penalties.map(templateHeader).join(',')}\r\n`);
  for (let i = 0; i < rows; i += 1) {
    const values = row(i);
    await write(`${REPORT_FIELDS.penalties.map((f) => values[f.field] ?? '').join(',')}\r\n`);
  }
  out.end();
  await once(out, 'finish');
}

export async function writeXlsx(path: string, rows: number, row: (i: number) => Record<string, string>): Promise<void> {
  // As Excel saves a workbook: strings shared, the worksheet stored before them.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet('行政处罚');
  sheet.addRow(REPORT_FIELDS.penalties.map(templateHeader)).commit();
  for (let i = 0; i < rows; i += 1) {
    const values = row(i);
    sheet
      .addRow(
        REPORT_FIELDS.penalties.map((f) =>
          f.field === 'fineAmount' && values[f.field] === '0.5' ? 0.5 : values[f.field],
        ),
      )
      .commit();
  }
  sheet.commit();
  await workbook.commit();
}

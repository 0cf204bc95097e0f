import { once as eventOnce } from 'node:events';
import { crc32, createDeflateRaw } from 'node:zlib';
import { templateHeader } from '../../ingest/files/columns';
import { REPORT_FIELDS } from '../../shared/reporting/fields';

/**
 * Hand-made XLSX files for the upload attacks (test/e2e/adversarial/uploads.test.ts,
 * npm run bench:uploads): a minimal zip writer whose parts are generated
 * piece by piece and deflated as they go, so that a part of gigabytes is
 * written without ever being held. A part may declare a size it does not have.
 */
export interface CraftedPart {
  path: string;
  /** The part's text, piece by piece (called once). */
  content: () => Iterable<string>;
  /** What the zip's headers claim the part unzips to; the real size when absent. */
  declaredSize?: number;
}

async function deflated(content: () => Iterable<string>): Promise<{ data: Buffer; crc: number; size: number }> {
  const deflater = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflater.on('data', (chunk: Buffer) => out.push(chunk));
  let crc = 0;
  let size = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = async (): Promise<void> => {
    const piece = Buffer.concat(pending);
    pending = [];
    pendingBytes = 0;
    crc = crc32(piece, crc);
    size += piece.length;
    if (!deflater.write(piece)) await new Promise((resolve) => deflater.once('drain', resolve));
  };
  for (const text of content()) {
    const bytes = Buffer.from(text);
    pending.push(bytes);
    pendingBytes += bytes.length;
    if (pendingBytes >= 1 << 20) await flush();
  }
  await flush();
  const ended = eventOnce(deflater, 'end');
  deflater.end();
  await ended;
  if (size > 0xffffffff) throw new Error('a crafted part must stay below 4 GB (no zip64 here)');
  return { data: Buffer.concat(out), crc: crc >>> 0, size };
}

/** The parts as a zip (deflate, no data descriptors, no zip64). */
export async function zipOf(parts: CraftedPart[]): Promise<Buffer> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const { data, crc, size } = await deflated(part.content);
    const name = Buffer.from(part.path);
    const declared = part.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function* once(text: string): Iterable<string> {
  yield text;
}

/** `head`, `piece` `times` over (in blocks of about 64 KB), `tail`. */
function* repeat(head: string, piece: string, times: number, tail: string): Iterable<string> {
  yield head;
  const perBlock = Math.max(1, Math.floor(65_536 / piece.length));
  const block = piece.repeat(perBlock);
  let left = times;
  for (; left >= perBlock; left -= perBlock) yield block;
  yield piece.repeat(left);
  yield tail;
}

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><sheetData>`;
const SHEET_TAIL = '</sheetData></worksheet>';

function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function columnLetters(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26))
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** Row 1: the penalties template's header, as inline strings. */
export function headerRow(): string {
  const cells = REPORT_FIELDS.penalties.map(
    (field, i) => `<c r="${columnLetters(i + 1)}1" t="inlineStr"><is><t>${xmlText(templateHeader(field))}</t></is></c>`,
  );
  return `<row r="1">${cells.join('')}</row>`;
}

/** A workbook of one sheet (as Excel orders the parts: the sheet, then styles and shared strings). */
export function workbook(
  sheet: () => Iterable<string>,
  extra: {
    sharedStrings?: () => Iterable<string>;
    styles?: () => Iterable<string>;
    sheetDeclared?: number;
    moreSheets?: number;
  } = {},
): CraftedPart[] {
  const sheets = 1 + (extra.moreSheets ?? 0);
  const sheetList = Array.from(
    { length: sheets },
    (_, i) => `<sheet name="S${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
  ).join('');
  const rels = Array.from(
    { length: sheets },
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join('');
  const parts: CraftedPart[] = [
    {
      path: '[Content_Types].xml',
      content: () =>
        once(
          '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
        ),
    },
    {
      path: '_rels/.rels',
      content: () =>
        once(
          '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        ),
    },
    {
      path: 'xl/workbook.xml',
      content: () => once(`<?xml version="1.0"?><workbook ${NS}><sheets>${sheetList}</sheets></workbook>`),
    },
    {
      path: 'xl/_rels/workbook.xml.rels',
      content: () =>
        once(
          `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
        ),
    },
    { path: 'xl/worksheets/sheet1.xml', content: sheet, declaredSize: extra.sheetDeclared },
  ];
  for (let i = 2; i <= sheets; i += 1)
    parts.push({
      path: `xl/worksheets/sheet${i}.xml`,
      content: () => once(`${SHEET_HEAD}${headerRow()}${SHEET_TAIL}`),
    });
  if (extra.styles) parts.push({ path: 'xl/styles.xml', content: extra.styles });
  if (extra.sharedStrings) parts.push({ path: 'xl/sharedStrings.xml', content: extra.sharedStrings });
  return parts;
}

/** The attacks, by name, each a small file; `scale` multiplies what each repeats (1 = the sizes named). */
export const ATTACKS = {
  /** A zip bomb: ≈ 1 GB of identical rows (without numbers, as the format allows), deflated ≈ 300 : 1. */
  zipBomb: (scale = 1) =>
    workbook(() =>
      repeat(
        `${SHEET_HEAD}${headerRow()}`,
        '<row><c t="inlineStr"><is><t>x</t></is></c></row>',
        Math.round(20_000_000 * scale),
        SHEET_TAIL,
      ),
    ),
  /** ≈ 480 MB of empty rows all numbered 2: within the absolute cap, refused by the ratio (and, opened, by their order). */
  emptyRows: (scale = 1) =>
    workbook(() => repeat(`${SHEET_HEAD}${headerRow()}`, '<row r="2"/>', Math.round(40_000_000 * scale), SHEET_TAIL)),
  /** ≈ 500 MB of one row's empty cells, without references: what the ratio opened and the column limit leave, parsed to the end. */
  emptyWithinLimits: (scale = 1) =>
    workbook(() =>
      repeat(
        `${SHEET_HEAD}${headerRow()}`,
        `<row>${'<c/>'.repeat(16_000)}</row>`,
        Math.round(8_000 * scale),
        SHEET_TAIL,
      ),
    ),
  /** The same bomb, its directory claiming the sheet unzips to 1 KB. */
  lyingSize: (scale = 1) =>
    workbook(
      () =>
        repeat(
          `${SHEET_HEAD}${headerRow()}`,
          '<row><c t="inlineStr"><is><t>x</t></is></c></row>',
          Math.round(20_000_000 * scale),
          SHEET_TAIL,
        ),
      { sheetDeclared: 1024 },
    ),
  /** One row of millions of empty cells (without references, as the format allows). */
  emptyCells: (scale = 1) =>
    workbook(() =>
      repeat(`${SHEET_HEAD}${headerRow()}<row r="2">`, '<c/>', Math.round(5_000_000 * scale), `</row>${SHEET_TAIL}`),
    ),
  /** 100,000 rows whose one value is in the last column (XFD). */
  lastColumn: (scale = 1) =>
    workbook(() =>
      (function* () {
        yield `${SHEET_HEAD}${headerRow()}`;
        for (let r = 2; r < 2 + 100_000 * scale; r += 1)
          yield `<row r="${r}"><c r="XFD${r}" t="inlineStr"><is><t>x</t></is></c></row>`;
        yield SHEET_TAIL;
      })(),
    ),
  /** One shared string of 100 MB. */
  hugeSharedString: (scale = 1) =>
    workbook(() => once(`${SHEET_HEAD}${headerRow()}<row r="2"><c r="A2" t="s"><v>0</v></c></row>${SHEET_TAIL}`), {
      sharedStrings: () =>
        repeat(
          '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>',
          '苏',
          Math.round(33_000_000 * scale),
          '</t></si></sst>',
        ),
    }),
  /** One inline cell of 100 MB. */
  hugeCell: (scale = 1) =>
    workbook(() =>
      repeat(
        `${SHEET_HEAD}${headerRow()}<row r="2"><c r="A2" t="inlineStr"><is><t>`,
        'a',
        Math.round(100_000_000 * scale),
        `</t></is></c></row>${SHEET_TAIL}`,
      ),
    ),
  /** Elements nested a million deep inside a cell. */
  deepNesting: (scale = 1) =>
    workbook(() =>
      (function* () {
        const depth = Math.round(1_000_000 * scale);
        yield* repeat(`${SHEET_HEAD}${headerRow()}<row r="2"><c r="A2" t="inlineStr"><is>`, '<r>', depth, '');
        yield* repeat('', '</r>', depth, `</is></c></row>${SHEET_TAIL}`);
      })(),
    ),
  /** 5,000 worksheets (the report reads the first). */
  manySheets: (scale = 1) =>
    workbook(() => once(`${SHEET_HEAD}${headerRow()}${SHEET_TAIL}`), { moreSheets: Math.round(5_000 * scale) }),
  /** A styles.xml of 5 million cell formats. */
  bigStyles: (scale = 1) =>
    workbook(() => once(`${SHEET_HEAD}${headerRow()}${SHEET_TAIL}`), {
      styles: () =>
        repeat(
          `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="5000000">`,
          '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
          Math.round(5_000_000 * scale),
          '</cellXfs></styleSheet>',
        ),
    }),
} satisfies Record<string, (scale?: number) => CraftedPart[]>;

export type Attack = keyof typeof ATTACKS;

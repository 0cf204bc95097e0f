import { unsupportedMediaType } from './errors';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What a file is read as: XLSX (its first worksheet), or CSV in a text encoding. */
export type FileFormat = { kind: 'xlsx' } | { kind: 'csv'; encoding: 'utf-8' | 'gb18030' };

/** Bytes looked at to tell the format and the encoding: the header row, in Chinese, tells UTF-8 from GB18030. */
export const SNIFF_BYTES = 4096;

/** Content types a spreadsheet or CSV arrives with (Excel and browsers label CSV in several ways). */
const ACCEPTED_TYPES = new Set([
  'text/csv',
  'text/plain',
  'text/comma-separated-values',
  'application/csv',
  'application/vnd.ms-excel',
  'application/octet-stream',
  'application/zip',
  XLSX_MEDIA_TYPE,
]);

const CHINESE_CHARSETS = new Set(['gb18030', 'gbk', 'gb2312', 'x-gbk', 'cp936']);

const FORMATS_TEXT = 'send CSV (UTF-8 or GB18030) or XLSX: 请上传 CSV 或 XLSX 文件';

/** Signatures of files that are certainly not a CSV: PDF, legacy Office (.xls, .doc), images, archives. */
const NOT_A_SHEET: [string, number[]][] = [
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
  ['legacy Office (.xls); 请另存为 .xlsx 或 CSV', [0xd0, 0xcf, 0x11, 0xe0]],
  ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['gzip', [0x1f, 0x8b]],
  ['RAR', [0x52, 0x61, 0x72, 0x21]],
  ['7z', [0x37, 0x7a, 0xbc, 0xaf]],
];

function startsWith(head: Buffer, bytes: number[]): boolean {
  return head.length >= bytes.length && bytes.every((byte, i) => head[i] === byte);
}

/** Valid UTF-8 as far as it goes (a character cut at the end of the sample does not count against it). */
function looksLikeUtf8(head: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Tells the format by content, not by name: a zip is XLSX; text is CSV, in
 * the charset the Content-Type names, else UTF-8 when the start is valid UTF-8
 * (with or without BOM), else GB18030 (what Chinese Excel saves as "CSV").
 * Anything else is 415.
 */
export function detectFormat(head: Buffer, contentType: string | undefined): FileFormat {
  const [mediaType = '', ...parameters] = (contentType ?? '').split(';').map((part) => part.trim().toLowerCase());
  if (mediaType !== '' && !ACCEPTED_TYPES.has(mediaType))
    throw unsupportedMediaType(`${mediaType} is not accepted; ${FORMATS_TEXT}`);
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return { kind: 'xlsx' };
  if (mediaType === XLSX_MEDIA_TYPE || mediaType === 'application/zip')
    throw unsupportedMediaType(`the body is not an XLSX (zip) file; ${FORMATS_TEXT}`);
  const known = NOT_A_SHEET.find(([, signature]) => startsWith(head, signature));
  if (known) throw unsupportedMediaType(`the file is ${known[0]}; ${FORMATS_TEXT}`);
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff]))
    throw unsupportedMediaType(`UTF-16 text is not accepted; ${FORMATS_TEXT}`);
  if (head.includes(0)) throw unsupportedMediaType(`the file is binary, not text; ${FORMATS_TEXT}`);
  const charset = parameters
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/"/g, '');
  if (charset === 'utf-8' || charset === 'utf8') return { kind: 'csv', encoding: 'utf-8' };
  if (charset && CHINESE_CHARSETS.has(charset)) return { kind: 'csv', encoding: 'gb18030' };
  if (charset && charset !== 'us-ascii')
    throw unsupportedMediaType(`charset ${charset} is not accepted; use UTF-8 or GB18030`);
  return { kind: 'csv', encoding: looksLikeUtf8(head) ? 'utf-8' : 'gb18030' };
}

import { contentLimit, MAX_CELL_FORMATS } from './xlsx-limits';
import type { XmlEvent } from './xml-events';

/** Built-in number formats that show a date or time (ECMA-376 18.8.30, with the CJK date formats 27–36 and 50–58). */
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/**
 * True when a number format code shows a date or time: after dropping what
 * is not a code (quoted text, [colour]/[$-locale] brackets, escaped and
 * padding characters), a date or time letter remains.
 */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*]/g, '')
    .replace(/[\\_*]./g, '');
  return /[ymdhsb]/i.test(bare);
}

/**
 * From styles.xml, the one thing the report needs: which cell formats
 * (`<c s="…">`) show a date, so that their numbers are read as dates. At
 * most MAX_CELL_FORMATS formats are kept (one flag each).
 */
export async function dateStylesOf(events: AsyncIterable<XmlEvent[]>): Promise<boolean[]> {
  const customDates = new Map<number, boolean>();
  const dates: boolean[] = [];
  let inCellXfs = false;
  for await (const batch of events) {
    for (const event of batch) {
      if (event.kind === 'open') {
        if (event.name === 'numFmt') {
          if (customDates.size >= MAX_CELL_FORMATS)
            throw contentLimit(
              'cellFormats',
              MAX_CELL_FORMATS,
              `xl/styles.xml: more than ${MAX_CELL_FORMATS} number formats`,
              { part: 'xl/styles.xml' },
            );
          customDates.set(Number(event.attributes.numFmtId), isDateFormat(event.attributes.formatCode ?? ''));
        } else if (event.name === 'cellXfs') inCellXfs = true;
        else if (event.name === 'xf' && inCellXfs) {
          if (dates.length >= MAX_CELL_FORMATS)
            throw contentLimit(
              'cellFormats',
              MAX_CELL_FORMATS,
              `xl/styles.xml: more than ${MAX_CELL_FORMATS} cell formats`,
              { part: 'xl/styles.xml' },
            );
          const id = Number(event.attributes.numFmtId ?? 0);
          dates.push(customDates.get(id) ?? BUILT_IN_DATES.has(id));
        }
      } else if (event.kind === 'close' && event.name === 'cellXfs') inCellXfs = false;
    }
  }
  return dates;
}

import { columnOf, headerKey, matchColumns, templateHeader } from '../../ingest/files/columns';
import { IngestError } from '../../ingest/files/errors';
import { REPORT_FIELDS } from '../../shared/reporting/fields';

const PENALTY_HEADERS = REPORT_FIELDS.penalties.map(templateHeader);

function refusal(headers: (string | null)[]): IngestError {
  try {
    matchColumns('penalties', headers);
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
  throw new Error('the headers were accepted');
}

describe('header row → fields', () => {
  it('maps the template headers, in any order, to their fields', () => {
    const columns = matchColumns('penalties', [...PENALTY_HEADERS].reverse());
    expect(columns.map((f) => f?.field)).toEqual(REPORT_FIELDS.penalties.map((f) => f.field).reverse());
  });

  it('tolerates spaces, the required mark at either end, and full- or half-width brackets', () => {
    expect(headerKey(' 罚款金额(万元) ')).toBe(headerKey('罚款金额（万元）'));
    expect(headerKey('＊行政相对人名称')).toBe('行政相对人名称');
    expect(headerKey('行政相对人名称 *')).toBe('行政相对人名称');
    expect(headerKey('行政相对人\u3000名称\n')).toBe('行政相对人名称');
    const headers = REPORT_FIELDS.penalties.map((f, i) =>
      i % 2 === 0 ? ` *${f.header.replace('（', '(').replace('）', ')')} ` : `${f.header}＊`,
    );
    expect(matchColumns('penalties', headers).every((f) => f !== null)).toBe(true);
  });

  it('lets optional columns be left out and skips columns without a header', () => {
    const required = REPORT_FIELDS.penalties.filter((f) => f.required).map((f) => f.header);
    const columns = matchColumns('penalties', [null, ...required, '  ']);
    expect(columns[0]).toBeNull();
    expect(columns.at(-1)).toBeNull();
    expect(columns.filter(Boolean)).toHaveLength(required.length);
  });

  it('names missing required, unknown and repeated columns, with the expected headers', () => {
    const error = refusal([
      ...PENALTY_HEADERS.filter((h) => !h.startsWith('违法事实') && !h.startsWith('处罚机关*')),
      '附注',
      '处罚内容',
    ]);
    expect(error.status).toBe(400);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.extensions).toEqual({
      missingColumns: ['违法事实*', '处罚机关*'],
      unknownColumns: ['附注'],
      duplicateColumns: ['处罚内容'],
      expectedColumns: PENALTY_HEADERS,
    });
    expect(error.message).toMatch(/违法事实\*/);
  });

  it('names the column of a field, for the rejections', () => {
    expect(columnOf('penalties', 'uscc')).toBe('统一社会信用代码');
    expect(columnOf('licenses', 'authorityName')).toBe('许可机关');
    expect(columnOf('penalties', 'record')).toBeNull();
  });
});

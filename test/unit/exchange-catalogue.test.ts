import type { RecordSnapshot } from '../../shared/exchange/record-snapshot';
import { ReceiverKind } from '../../subgraphs/exchange/entities/enums';
import { filterSnapshot, lineMatches, LineSpec, outcomeFor } from '../../subgraphs/exchange/rules/catalogue';
import { DEFAULT_CATALOGUE_LINES } from '../../subgraphs/exchange/rules/catalogue-defaults';
import {
  holding,
  latestSnapshots,
  planRecordEntries,
  planScreeningEntries,
} from '../../subgraphs/exchange/rules/feed-plan';
import { isReceiverOwner, receiverProblem } from '../../subgraphs/exchange/rules/receiver';
import { catalogueProblem } from '../../subgraphs/exchange/rules/validate-catalogue';

function snapshot(overrides: Partial<RecordSnapshot> & { fields?: RecordSnapshot['fields'] } = {}): RecordSnapshot {
  return {
    kind: 'PENALTY',
    key: 'p-1',
    version: 3,
    state: 'ACTIVE',
    withdrawalReason: null,
    subject: { id: 's-1', uscc: '91320508MA1XXXXXXX', name: '测试公司', kind: 'LEGAL_PERSON' },
    changedAt: '2026-12-03T10:00:00.000Z',
    ...overrides,
    fields: {
      decisionNumber: '姑市监罚〔2026〕1号',
      severity: 'GENERAL',
      published: true,
      idNumber: '320508199001011234',
      ...overrides.fields,
    },
  };
}

const city = (kind: LineSpec['kind']): LineSpec => {
  const line = DEFAULT_CATALOGUE_LINES.find((l) => l.receiverCode === 'suzhou-city' && l.kind === kind);
  if (!line) throw new Error(`no default ${kind} line`);
  return line;
};

describe('the default sharing catalogue (version 1)', () => {
  it('has the three kinds for the city and the province, pull-only, no ID numbers', () => {
    expect(DEFAULT_CATALOGUE_LINES.map((l) => `${l.receiverCode}:${l.kind}`).sort()).toEqual([
      'jiangsu-province:LICENSE',
      'jiangsu-province:LIST_ENTRY',
      'jiangsu-province:PENALTY',
      'suzhou-city:LICENSE',
      'suzhou-city:LIST_ENTRY',
      'suzhou-city:PENALTY',
    ]);
    expect(DEFAULT_CATALOGUE_LINES.every((l) => l.rules.includeIdNumber === false && l.fields === null)).toBe(true);
    expect(catalogueProblem(DEFAULT_CATALOGUE_LINES, new Set(['suzhou-city', 'jiangsu-province']))).toBeNull();
  });

  it('shares a published penalty, and a minor one only while published (令第36号: 原则上不予公示)', () => {
    expect(lineMatches(city('PENALTY'), snapshot())).toBe(true);
    expect(lineMatches(city('PENALTY'), snapshot({ fields: { severity: 'MINOR', published: false } }))).toBe(false);
    // 确有必要公示: the department marked it, subjects' rule table publishes it.
    expect(lineMatches(city('PENALTY'), snapshot({ fields: { severity: 'MINOR', published: true } }))).toBe(true);
    // One the rule table does not publish (before 2019-07-01: NONE_IN_FORCE) does not go, whatever its severity.
    expect(lineMatches(city('PENALTY'), snapshot({ fields: { severity: 'SERIOUS', published: false } }))).toBe(false);
    const takesMinor: LineSpec = { ...city('PENALTY'), rules: { includeMinor: true } };
    expect(lineMatches(takesMinor, snapshot({ fields: { severity: 'MINOR', published: false } }))).toBe(true);
  });

  it('shares RED and BLACK entries the district designated, not WATCH nor upper-level or court ones', () => {
    const entry = (list: string, authority: string) =>
      snapshot({ kind: 'LIST_ENTRY', fields: { list, designatingAuthorityKind: authority } });
    expect(lineMatches(city('LIST_ENTRY'), entry('BLACK', 'LOCAL_DEPARTMENT'))).toBe(true);
    expect(lineMatches(city('LIST_ENTRY'), entry('RED', 'CREDIT_OFFICE'))).toBe(true);
    expect(lineMatches(city('LIST_ENTRY'), entry('WATCH', 'LOCAL_DEPARTMENT'))).toBe(false);
    expect(lineMatches(city('LIST_ENTRY'), entry('BLACK', 'UPPER_PLATFORM'))).toBe(false);
    expect(lineMatches(city('LIST_ENTRY'), entry('BLACK', 'COURT'))).toBe(false);
    // A line's kind takes only its own kind.
    expect(lineMatches(city('LICENSE'), entry('BLACK', 'LOCAL_DEPARTMENT'))).toBe(false);
  });
});

describe('field filtering', () => {
  it('removes idNumber unless the line allows it, and keeps only the whitelisted fields', () => {
    expect(filterSnapshot(city('PENALTY'), snapshot()).fields).toEqual({
      decisionNumber: '姑市监罚〔2026〕1号',
      severity: 'GENERAL',
      published: true,
    });
    const narrow: LineSpec = {
      ...city('PENALTY'),
      fields: ['decisionNumber', 'idNumber'],
      rules: { includeIdNumber: true },
    };
    expect(filterSnapshot(narrow, snapshot()).fields).toEqual({
      decisionNumber: '姑市监罚〔2026〕1号',
      idNumber: '320508199001011234',
    });
    const listedButNotAllowed: LineSpec = { ...narrow, rules: {} };
    expect(filterSnapshot(listedButNotAllowed, snapshot()).fields).toEqual({ decisionNumber: '姑市监罚〔2026〕1号' });
  });
});

describe('withdrawals', () => {
  it('sends a WITHDRAW to a receiver that had the record when it is withdrawn or stops matching, nothing to one that never had it', () => {
    const repaired = snapshot({ version: 4, state: 'WITHDRAWN', withdrawalReason: 'REPAIRED' });
    expect(outcomeFor(city('PENALTY'), repaired, true)).toMatchObject({
      operation: 'WITHDRAW',
      record: { state: 'WITHDRAWN', withdrawalReason: 'REPAIRED', version: 4 },
    });
    expect(outcomeFor(city('PENALTY'), repaired, true)?.record.fields.idNumber).toBeUndefined();
    expect(outcomeFor(city('PENALTY'), repaired, false)).toBeNull();
    // Became not public (a minor penalty, no longer published): withdrawn as NOT_PUBLIC.
    const hidden = snapshot({ version: 5, fields: { severity: 'MINOR', published: false } });
    expect(outcomeFor(city('PENALTY'), hidden, true)).toMatchObject({
      operation: 'WITHDRAW',
      record: { withdrawalReason: 'NOT_PUBLIC' },
    });
    // The receiver's line is gone from the catalogue: it keeps no copy, the fields go out empty.
    expect(outcomeFor(undefined, snapshot(), true)).toMatchObject({ operation: 'WITHDRAW', record: { fields: {} } });
    expect(outcomeFor(city('PENALTY'), snapshot(), false)).toMatchObject({ operation: 'UPSERT' });
  });

  it('plans per receiver: an upsert where a line matches, a withdrawal where a holder must drop it', () => {
    const lines = DEFAULT_CATALOGUE_LINES;
    const held = new Set([holding('jiangsu-province', 'PENALTY', 'p-2'), holding('old-receiver', 'PENALTY', 'p-2')]);
    const planned = planRecordEntries(
      [snapshot(), snapshot({ key: 'p-2', state: 'WITHDRAWN', withdrawalReason: 'REVOKED' })],
      lines,
      held,
      1,
    );
    expect(planned.map((p) => `${p.receiverCode}:${p.key}:${p.operation}`)).toEqual([
      'jiangsu-province:p-1:UPSERT',
      'suzhou-city:p-1:UPSERT',
      'jiangsu-province:p-2:WITHDRAW',
      'old-receiver:p-2:WITHDRAW',
    ]);
  });

  it('keeps the highest version of a record a fetch carries twice', () => {
    const latest = latestSnapshots([snapshot({ version: 7 }), snapshot({ version: 5 }), snapshot({ key: 'p-2' })]);
    expect(latest.map((s) => `${s.key}@${s.version}`)).toEqual(['p-1@7', 'p-2@3']);
  });
});

describe('screening entries', () => {
  it('go to each receiver watching the code, versioned by the change time', () => {
    const change = {
      subjectId: 's-1',
      uscc: '91320508MA1XXXXXXX',
      name: '测试公司',
      verdict: 'RESTRICT',
      previousVerdict: 'CLEAR',
      entries: [],
      changedAt: '2026-12-03T10:00:00.000Z',
    };
    const planned = planScreeningEntries(
      [change],
      [
        { receiverCode: 'gusu.scjgj', uscc: change.uscc },
        { receiverCode: 'gusu.zjw', uscc: change.uscc },
        { receiverCode: 'gusu.zjw', uscc: 'OTHER' },
      ],
    );
    expect(planned.map((p) => [p.receiverCode, p.operation, p.version])).toEqual([
      ['gusu.scjgj', 'SCREENING', Date.parse(change.changedAt)],
      ['gusu.zjw', 'SCREENING', Date.parse(change.changedAt)],
    ]);
  });
});

describe('catalogue validation', () => {
  const receivers = new Set(['suzhou-city']);
  const line = (over: Partial<LineSpec>): LineSpec => ({
    receiverCode: 'suzhou-city',
    kind: 'PENALTY',
    fields: null,
    rules: {},
    ...over,
  });
  it('names the offending field', () => {
    expect(catalogueProblem([], receivers)?.field).toBe('lines');
    expect(
      catalogueProblem(
        Array.from({ length: 201 }, () => line({})),
        receivers,
      )?.field,
    ).toBe('lines');
    expect(catalogueProblem([line({ receiverCode: 'nobody' })], receivers)?.field).toBe('lines[0].receiverCode');
    expect(catalogueProblem([line({}), line({})], receivers)?.field).toBe('lines[1]');
    expect(catalogueProblem([line({ fields: ['decision number'] })], receivers)?.field).toBe('lines[0].fields');
    expect(catalogueProblem([line({ fields: Array.from({ length: 65 }, (_, i) => `f${i}`) })], receivers)?.field).toBe(
      'lines[0].fields',
    );
    expect(catalogueProblem([line({ rules: { lists: ['RED'] } })], receivers)?.field).toBe('lines[0].lists');
    expect(catalogueProblem([line({ kind: 'LIST_ENTRY', rules: { lists: ['GREY'] } })], receivers)?.field).toBe(
      'lines[0].lists',
    );
    expect(
      catalogueProblem([line({ kind: 'LIST_ENTRY', rules: { authorityKinds: ['DISTRICT'] } })], receivers)?.field,
    ).toBe('lines[0].authorityKinds');
    expect(catalogueProblem([line({ kind: 'LICENSE', rules: { includeMinor: true } })], receivers)?.field).toBe(
      'lines[0].includeMinor',
    );
  });
});

describe('receivers', () => {
  const draft = {
    code: 'wuxi-city',
    name: '无锡市公共信用信息平台',
    kind: ReceiverKind.PLATFORM,
    clientId: 'wuxi-city',
    departmentCode: null,
    pushUrl: null,
    pushSecret: null,
    hasPushSecret: false,
    reconcileUrl: null,
  };
  it('checks code, the account of its kind, URLs and the push secret', () => {
    expect(receiverProblem(draft)).toBeNull();
    expect(receiverProblem({ ...draft, code: 'Wuxi City' })?.field).toBe('code');
    expect(receiverProblem({ ...draft, clientId: null })?.field).toBe('clientId');
    expect(receiverProblem({ ...draft, kind: ReceiverKind.DEPARTMENT })?.field).toBe('departmentCode');
    expect(receiverProblem({ ...draft, pushUrl: 'ftp://x' })?.field).toBe('pushUrl');
    expect(receiverProblem({ ...draft, pushUrl: 'https://wuxi.example/feed' })?.field).toBe('pushSecret');
    expect(receiverProblem({ ...draft, pushSecret: 'short', hasPushSecret: true })?.field).toBe('pushSecret');
  });

  it('belongs to the platform client by sub, to the department by org', () => {
    const platform = { kind: ReceiverKind.PLATFORM, clientId: 'suzhou-city', departmentCode: null };
    expect(isReceiverOwner({ sub: 'suzhou-city', org: null }, platform)).toBe(true);
    expect(isReceiverOwner({ sub: 'jiangsu-province', org: null }, platform)).toBe(false);
    const department = { kind: ReceiverKind.DEPARTMENT, clientId: null, departmentCode: 'gusu.scjgj' };
    expect(isReceiverOwner({ sub: 'someone', org: 'gusu.scjgj' }, department)).toBe(true);
    expect(isReceiverOwner({ sub: 'gusu.scjgj', org: 'gusu.zjw' }, department)).toBe(false);
  });
});

import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { ormOptions } from '../../shared/db/orm';
import { countSqlStatements } from '../../shared/db/sql-counter';
import { startEventBus, stopEventBus } from '../../shared/events/bus';
import type { CreditEvent, EventCatalogue } from '../../shared/events/catalogue';
import { applyBatchOnce } from '../../shared/events/consume';
import { publishEvent } from '../../shared/events/publish';
import type { RecordSnapshot, ScreeningChange } from '../../shared/exchange/record-snapshot';
import { completeUscc } from '../../shared/identifiers/uscc';
import { createLogger } from '../../shared/logging/logger';
import { sqlStatements as statementCounter } from '../../shared/metrics/sql-statements';
import { exchangeConsumers } from '../../subgraphs/exchange/events/consumers';
import { database as exchangeDatabase } from '../../subgraphs/exchange/server';
import { expectData } from '../support/expect-data';
import { graphql, systemDatabaseUrl } from '../support/gateway';
import { as, tokenFor } from '../support/tokens';
import { until } from '../support/until';

/**
 * The exchange subgraph on the real system: the credit office registers receivers and publishes the sharing
 * catalogue; records arrive as the producers send them ('records.changed' written to the bus in a transaction,
 * through pg-boss to exchange.records-changed: the consumer's real path); receivers pull their feeds.
 */
const logger = createLogger('exchange-feed-test');
const stamp = String(Date.now() % 1e6).padStart(6, '0');
const PLATFORM = `e2e-platform-${stamp}`;
const OTHER_PLATFORM = `e2e-other-${stamp}`;
const DEPARTMENT = `e2e-dept-${stamp}`;
const DEPARTMENT_ORG = 'gusu.scjgj';
const code = (n: number) => completeUscc(`91320508MB${stamp}${n}`);

let sql: Client;
let orm: MikroORM;
let office: Record<string, string>;
let platform: Record<string, string>;

interface Entry {
  seq: string;
  entryId: string;
  topic: string;
  kind: string | null;
  key: string;
  version: string;
  operation: string;
  record: RecordSnapshot | null;
  screening: ScreeningChange | null;
}
interface Page {
  entries: Entry[];
  lastSeq: string;
  hasMore: boolean;
}

const CHANGES = `query($r: String!, $a: String, $f: Int) { changes(receiver: $r, after: $a, first: $f) {
  entries { seq entryId topic kind key version operation record screening } lastSeq hasMore } }`;

async function pull(receiver: string, after: string, first: number, headers = platform): Promise<Page> {
  return expectData(await graphql<{ changes: Page }>(CHANGES, { r: receiver, a: after, f: first }, headers)).changes;
}

/** Every entry of a receiver's feed, page by page. */
async function pullAll(receiver: string, headers = platform, first = 1000): Promise<Entry[]> {
  const entries: Entry[] = [];
  let after = '0';
  for (;;) {
    const page = await pull(receiver, after, first, headers);
    entries.push(...page.entries);
    if (!page.hasMore) return entries;
    after = page.lastSeq;
  }
}

function penalty(key: string, version: number, overrides: Partial<RecordSnapshot> = {}): RecordSnapshot {
  return {
    kind: 'PENALTY',
    key,
    version,
    state: 'ACTIVE',
    withdrawalReason: null,
    subject: { id: randomUUID(), uscc: code(1), name: '交换测试有限公司', kind: 'LEGAL_PERSON' },
    fields: {
      decisionNumber: `姑市监罚〔2026〕${key}号`,
      severity: 'GENERAL',
      published: true,
      idNumber: '320508199001011234',
      authorityName: '苏州市姑苏区市场监督管理局',
    },
    changedAt: new Date().toISOString(),
    ...overrides,
  };
}

/** As a producer sends it: in a transaction, to every queue of the event (shared/events/publish.ts). */
async function send<T extends 'records.changed' | 'screening.changed'>(type: T, payload: EventCatalogue[T]) {
  return orm.em.fork().transactional((em) => publishEvent(em, type, payload));
}

async function counted(): Promise<number> {
  return (await statementCounter.get()).values.reduce((sum, v) => sum + v.value, 0);
}

async function applied(eventId: string): Promise<boolean> {
  const { rows } = await sql.query('select 1 from exchange.applied_event where id = $1', [eventId]);
  return rows.length === 1;
}

async function lastSeq(receiver: string): Promise<number> {
  const { rows } = await sql.query<{ last_seq: string }>('select last_seq from exchange.receiver where code = $1', [
    receiver,
  ]);
  return Number(rows[0].last_seq);
}

beforeAll(async () => {
  const url = systemDatabaseUrl();
  sql = new Client({ connectionString: url });
  await sql.connect();
  await startEventBus(url, logger);
  orm = await MikroORM.init(ormOptions(exchangeDatabase, url));
  office = await as('credit_office');
  platform = { authorization: `Bearer ${await tokenFor('platform', { sub: PLATFORM })}` };

  const register = 'mutation($i: RegisterReceiverInput!) { registerReceiver(input: $i) { code kind lastSeq } }';
  for (const input of [
    { code: PLATFORM, name: '测试市平台', kind: 'PLATFORM', clientId: PLATFORM },
    { code: OTHER_PLATFORM, name: '测试另一平台', kind: 'PLATFORM', clientId: OTHER_PLATFORM },
    { code: DEPARTMENT, name: '测试部门', kind: 'DEPARTMENT', departmentCode: DEPARTMENT_ORG },
  ])
    expectData(await graphql(register, { i: input }, office));

  // The catalogue in force, plus lines for the test's receivers: published whole, as a new version.
  const current = expectData(
    await graphql<{
      sharingCatalogue: {
        version: number;
        lines: { receiverCode: string; kind: string; fields: string[] | null; rules: Record<string, unknown> }[];
      };
    }>('{ sharingCatalogue { version lines { receiverCode kind fields rules } } }', {}, office),
  ).sharingCatalogue;
  const lines = [
    ...current.lines.map((l) => ({ receiverCode: l.receiverCode, kind: l.kind, fields: l.fields, ...l.rules })),
    { receiverCode: PLATFORM, kind: 'PENALTY', fields: ['decisionNumber', 'severity', 'published', 'idNumber'] },
    {
      receiverCode: PLATFORM,
      kind: 'LIST_ENTRY',
      lists: ['RED', 'BLACK'],
      authorityKinds: ['LOCAL_DEPARTMENT', 'CREDIT_OFFICE'],
    },
    { receiverCode: OTHER_PLATFORM, kind: 'LICENSE' },
    { receiverCode: DEPARTMENT, kind: 'LIST_ENTRY', lists: ['BLACK'] },
  ];
  const published = expectData(
    await graphql<{ publishSharingCatalogue: { version: number; lines: unknown[] } }>(
      'mutation($l: [CatalogueLineInput!]!, $n: String!) { publishSharingCatalogue(lines: $l, note: $n) { version lines { receiverCode } } }',
      { l: lines, n: `e2e ${stamp}: 测试接收方` },
      office,
    ),
  ).publishSharingCatalogue;
  expect(published.version).toBe(current.version + 1);
  expect(published.lines).toHaveLength(lines.length);
});

afterAll(async () => {
  await orm?.close();
  await stopEventBus();
  await sql?.end();
});

describe('the feed', () => {
  const keys = Array.from({ length: 5 }, (_, i) => `e2e-${stamp}-p${i}`);

  it('feeds catalogued records in order, gap-free, filtered; pages with hasMore; a re-read from 0 gives the same', async () => {
    const minor = penalty(`e2e-${stamp}-minor`, 1, {
      fields: { decisionNumber: 'x', severity: 'MINOR', published: false },
    });
    const entry: RecordSnapshot = {
      ...penalty(`e2e-${stamp}-black`, 1),
      kind: 'LIST_ENTRY',
      fields: { list: 'BLACK', designatingAuthorityKind: 'LOCAL_DEPARTMENT', decisionNumber: '姑市监黑〔2026〕1号' },
    };
    const upper: RecordSnapshot = {
      ...entry,
      key: `e2e-${stamp}-upper`,
      fields: { list: 'BLACK', designatingAuthorityKind: 'UPPER_PLATFORM' },
    };
    const id = await send('records.changed', {
      records: [...keys.map((k) => penalty(k, 10)), minor, entry, upper],
    });
    await until('the exchange applies the records', () => applied(id), Boolean);

    const all = await pullAll(PLATFORM);
    // Five penalties and the district's black entry; not the unpublished minor penalty, not the upper-level entry.
    // One fetch goes in kind-and-key order (LIST_ENTRY before PENALTY).
    expect(all.map((e) => e.key)).toEqual([entry.key, ...keys]);
    expect(all.map((e) => Number(e.seq))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(all.every((e) => e.operation === 'UPSERT' && e.topic === 'RECORD')).toBe(true);
    // The line's fields, and no ID number (the line does not allow it, though it lists it).
    expect(all[1].record?.fields).toEqual({
      decisionNumber: `姑市监罚〔2026〕${keys[0]}号`,
      severity: 'GENERAL',
      published: true,
    });
    expect(all[1]).toMatchObject({ kind: 'PENALTY', version: '10' });
    expect(new Set(all.map((e) => e.entryId)).size).toBe(6);

    const first = await pull(PLATFORM, '0', 4);
    expect(first).toMatchObject({ lastSeq: '4', hasMore: true });
    const second = await pull(PLATFORM, first.lastSeq, 4);
    expect(second).toMatchObject({ lastSeq: '6', hasMore: false });
    expect([...first.entries, ...second.entries]).toEqual(all);
    const end = await pull(PLATFORM, '6', 4);
    expect(end).toEqual({ entries: [], lastSeq: '6', hasMore: false });
    // Re-read from the start: the same entries, the same ids (the idempotency keys).
    expect(await pullAll(PLATFORM, platform, 2)).toEqual(all);

    // The department's line: BLACK entries, the upper-level one too (§16: 上级下发名单 嵌入部门业务系统).
    const department = { authorization: `Bearer ${await tokenFor('department', { org: DEPARTMENT_ORG })}` };
    expect((await pullAll(DEPARTMENT, department)).map((e) => e.key)).toEqual([entry.key, upper.key]);
  });

  it('ignores an older version, and sends a withdrawal to the receivers that had the record', async () => {
    const before = await lastSeq(PLATFORM);
    const stale = await send('records.changed', { records: [penalty(keys[0], 9)] });
    await until('the stale version applied', () => applied(stale), Boolean);
    expect(await lastSeq(PLATFORM)).toBe(before);

    const repaired = penalty(keys[1], 11, { state: 'WITHDRAWN', withdrawalReason: 'REPAIRED' });
    const never = penalty(`e2e-${stamp}-never`, 2, { state: 'WITHDRAWN', withdrawalReason: 'REVOKED' });
    const id = await send('records.changed', { records: [repaired, never] });
    await until('the withdrawal applied', () => applied(id), Boolean);
    const entries = (await pull(PLATFORM, String(before), 100)).entries;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      seq: String(before + 1),
      key: keys[1],
      version: '11',
      operation: 'WITHDRAW',
      record: { state: 'WITHDRAWN', withdrawalReason: 'REPAIRED' },
    });
    expect(entries[0].record?.fields.idNumber).toBeUndefined();
    // The city platform's default line carried the record too: it is withdrawn there as well.
    const city = (await pullAll('suzhou-city', office)).filter((e) => e.key === keys[1]);
    expect(city.map((e) => e.operation)).toEqual(['UPSERT', 'WITHDRAW']);
  });

  it('counts the same SQL statements for 1 record and for 1,000', async () => {
    // The subgraph counts only request SQL (its consumers' connections are the bus's): the consumer's own
    // handler runs here, on a connection of this process, through applyBatchOnce as startConsumers runs it.
    countSqlStatements();
    const [recordsConsumer] = exchangeConsumers;
    const statements = async (n: number) => {
      const event: CreditEvent<'records.changed'> = {
        id: randomUUID(),
        type: 'records.changed',
        payload: { records: Array.from({ length: n }, (_, i) => penalty(`e2e-${stamp}-n${n}-${i}`, 1)) },
        occurredAt: new Date().toISOString(),
      };
      const before = await counted();
      const started = performance.now();
      await applyBatchOnce(orm.em.fork(), 'exchange', [event], recordsConsumer.handleBatch!, logger);
      const ms = performance.now() - started;
      return { statements: (await counted()) - before, ms };
    };
    const seqBefore = await lastSeq(PLATFORM);
    const one = await statements(1);
    const thousand = await statements(1000);
    process.stdout.write(
      `exchange consumer: ${one.statements} statements (${one.ms.toFixed(0)} ms) for 1 record, ${thousand.statements} (${thousand.ms.toFixed(0)} ms) for 1,000\n`,
    );
    expect(one.statements).toBeGreaterThan(0);
    expect(thousand.statements).toBe(one.statements);
    expect(await lastSeq(PLATFORM)).toBe(seqBefore + 1001);
  });
});

describe('access to a feed', () => {
  it('refuses another platform, another department and a platform reading a department feed, naming the receiver', async () => {
    const other = { authorization: `Bearer ${await tokenFor('platform', { sub: OTHER_PLATFORM })}` };
    const otherDepartment = { authorization: `Bearer ${await tokenFor('department', { org: 'gusu.zjw' })}` };
    for (const [receiver, headers] of [
      [PLATFORM, other],
      [PLATFORM, otherDepartment],
      [DEPARTMENT, otherDepartment],
      [DEPARTMENT, platform],
      ['no-such-receiver', platform],
    ] as const) {
      const result = await graphql(CHANGES, { r: receiver, a: '0', f: 1 }, headers);
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      expect(result.errors?.[0].message).toContain(`receiver ${receiver}`);
    }
    // Its own feed, the other platform reads (empty: no licence was fed).
    expect(await pull(OTHER_PLATFORM, '0', 10, other)).toEqual({ entries: [], lastSeq: '0', hasMore: false });
    // The public and the hall have no exchange:pull at all.
    const hall = await graphql(CHANGES, { r: PLATFORM, a: '0', f: 1 }, await as('hall'));
    expect(hall.errors?.[0].extensions?.code).toBe('UNAUTHORIZED_FIELD_OR_TYPE');
  });

  it('names the bad argument', async () => {
    for (const [variables, argument] of [
      [{ r: PLATFORM, a: 'x', f: 1 }, 'after'],
      [{ r: PLATFORM, a: '0', f: 1001 }, 'first'],
      [{ r: PLATFORM, a: '0', f: 0 }, 'first'],
    ] as const) {
      const result = await graphql(CHANGES, variables, platform);
      expect(result.errors?.map((e) => [e.extensions?.code, e.extensions?.argument])).toEqual([
        ['BAD_USER_INPUT', argument],
      ]);
    }
  });
});

describe('watches', () => {
  const department = async () => ({ authorization: `Bearer ${await tokenFor('department', { org: DEPARTMENT_ORG })}` });
  const WATCH = 'mutation($r: String!, $u: [String!]!) { watchSubjects(receiver: $r, usccs: $u) { changed watched } }';
  const UNWATCH =
    'mutation($r: String!, $u: [String!]!) { unwatchSubjects(receiver: $r, usccs: $u) { changed watched } }';
  const WATCHES =
    'query($r: String!, $f: Int, $a: String) { watches(receiver: $r, first: $f, after: $a) { subjects { uscc } endCursor hasMore } }';

  it('lets the department watch codes, page them, and be told of their screening changes', async () => {
    const headers = await department();
    const codes = [code(3), code(4), code(5)];
    expect(expectData(await graphql(WATCH, { r: DEPARTMENT, u: [...codes, codes[0]] }, headers))).toEqual({
      watchSubjects: { changed: 3, watched: 3 },
    });
    expect(expectData(await graphql(WATCH, { r: DEPARTMENT, u: [codes[0]] }, headers))).toEqual({
      watchSubjects: { changed: 0, watched: 3 },
    });
    const page = expectData(
      await graphql<{ watches: { subjects: { uscc: string }[]; endCursor: string; hasMore: boolean } }>(
        WATCHES,
        { r: DEPARTMENT, f: 2 },
        headers,
      ),
    ).watches;
    expect(page.subjects.map((s) => s.uscc)).toEqual([...codes].sort().slice(0, 2));
    expect(page.hasMore).toBe(true);
    const rest = expectData(
      await graphql<{ watches: { subjects: { uscc: string }[]; hasMore: boolean } }>(
        WATCHES,
        { r: DEPARTMENT, f: 2, a: page.endCursor },
        office,
      ),
    ).watches;
    expect(rest).toEqual({
      subjects: [{ uscc: [...codes].sort()[2] }],
      endCursor: [...codes].sort()[2],
      hasMore: false,
    });
    expect(expectData(await graphql(UNWATCH, { r: DEPARTMENT, u: [codes[2]] }, headers))).toEqual({
      unwatchSubjects: { changed: 1, watched: 2 },
    });

    const before = await lastSeq(DEPARTMENT);
    const change = (uscc: string): ScreeningChange => ({
      subjectId: randomUUID(),
      uscc,
      name: '交换测试有限公司',
      verdict: 'RESTRICT',
      previousVerdict: 'CLEAR',
      entries: [{ entryId: randomUUID(), list: 'BLACK', listKind: 'SERIOUS_ILLEGAL_DISHONEST' }],
      changedAt: new Date().toISOString(),
    });
    // A watched code, and the one unwatched: only the first reaches the feed.
    const id = await send('screening.changed', { changes: [change(codes[0]), change(codes[2])] });
    await until('the exchange applies the screening change', () => applied(id), Boolean);
    const entries = (await pull(DEPARTMENT, String(before), 10, headers)).entries;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      topic: 'SCREENING',
      operation: 'SCREENING',
      key: codes[0],
      kind: null,
      record: null,
      screening: { uscc: codes[0], verdict: 'RESTRICT', previousVerdict: 'CLEAR' },
    });
  });

  it('refuses bad codes naming usccs, a platform receiver, and another department', async () => {
    const headers = await department();
    const bad = await graphql(WATCH, { r: DEPARTMENT, u: [code(6), '91320508MA1234567X'] }, headers);
    expect(bad.errors?.map((e) => [e.extensions?.code, e.extensions?.argument])).toEqual([['BAD_USER_INPUT', 'usccs']]);
    expect(bad.errors?.[0].message).toContain('usccs[1]');
    const none = await graphql(WATCH, { r: DEPARTMENT, u: [] }, headers);
    expect(none.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'usccs' });
    const onPlatform = await graphql(WATCH, { r: PLATFORM, u: [code(6)] }, platform);
    expect(onPlatform.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'receiver' });
    const otherDepartment = { authorization: `Bearer ${await tokenFor('department', { org: 'gusu.zjw' })}` };
    const refused = await graphql(WATCH, { r: DEPARTMENT, u: [code(6)] }, otherDepartment);
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(refused.errors?.[0].message).toContain(`receiver ${DEPARTMENT}`);
  });
});

describe('the catalogue and the receivers', () => {
  it('refuses a catalogue naming an unknown receiver or a bad field, and keeps the push secret write-only', async () => {
    const publish =
      'mutation($l: [CatalogueLineInput!]!) { publishSharingCatalogue(lines: $l, note: "x") { version } }';
    const unknown = await graphql(publish, { l: [{ receiverCode: 'nobody', kind: 'PENALTY' }] }, office);
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'lines[0].receiverCode' });
    const field = await graphql(publish, { l: [{ receiverCode: PLATFORM, kind: 'PENALTY', fields: ['a b'] }] }, office);
    expect(field.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'lines[0].fields' });

    const secret = 's'.repeat(40);
    const updated = expectData(
      await graphql<{ updateReceiver: Record<string, unknown> }>(
        'mutation($i: UpdateReceiverInput!) { updateReceiver(input: $i) { code name pushUrl } }',
        { i: { code: OTHER_PLATFORM, name: '测试另一平台 (改名)', pushSecret: secret } },
        office,
      ),
    ).updateReceiver;
    expect(updated).toEqual({ code: OTHER_PLATFORM, name: '测试另一平台 (改名)', pushUrl: null });
    const noSecretField = await graphql('{ receivers { pushSecret } }', {}, office);
    expect(noSecretField.errors?.[0].message).toContain('pushSecret');
    const changes = expectData(
      await graphql<{ exchangeChanges: { action: string; detail: Record<string, unknown> }[] }>(
        'query($r: String) { exchangeChanges(receiver: $r, first: 5) { action detail } }',
        { r: OTHER_PLATFORM },
        office,
      ),
    ).exchangeChanges;
    expect(changes.map((c) => c.action)).toEqual(['RECEIVER_UPDATED', 'RECEIVER_REGISTERED']);
    expect(changes[0].detail.pushSecret).toBe('SET');
    expect(JSON.stringify(changes)).not.toContain(secret);
    const { rows } = await sql.query('select detail from exchange.exchange_change where detail::text like $1', [
      `%${secret}%`,
    ]);
    expect(rows).toHaveLength(0);
  });
});

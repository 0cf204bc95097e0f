import { randomUUID } from 'node:crypto';
import { ROLE_SCOPES } from '../../shared/auth/policy';
import { MikroORM, openDatabase } from '../../shared/db/orm';
import { CommitmentKind, CommitmentStatus } from '../../shared/domain/vocabulary';
import { createLogger } from '../../shared/logging/logger';
import { Commitment as CommitmentRow } from '../../subgraphs/commitments/entities/commitment';
import { CommitmentEvent } from '../../subgraphs/commitments/entities/commitment-event';
import { createLoaders } from '../../subgraphs/commitments/loaders';
import { CommitmentTransitionsResolver } from '../../subgraphs/commitments/resolvers/transitions.resolver';
import { database } from '../../subgraphs/commitments/server';
import { chinaToday, daysFromToday } from '../support/dates';
import { expectData, expectPartialData } from '../support/expect-data';
import { graphql, GraphQLResponse } from '../support/gateway';
import { ownDatabase } from '../support/own-database';
import { as, tokenFor } from '../support/tokens';

/** Credit commitments (§8) through the gateway: signing with contract terms, the workflow, template versions, the public column. */
const FIELDS = `id status kind matter signedAt validUntil publicized signatoryName signatoryUscc reference
  contract { obligations breachConsequence termEndsOn }
  templateVersion { version text effectiveFrom }
  history { action fromStatus toStatus actorOrg note evidence }`;
const today = daysFromToday(0);

interface Commitment {
  id: string;
  status: string;
  matter: string;
  signatoryName: string;
  reference: string | null;
  contract: { obligations: string; breachConsequence: string; termEndsOn: string | null } | null;
  templateVersion: { version: number; text: string; effectiveFrom: string };
  history: {
    action: string;
    fromStatus: string | null;
    toStatus: string;
    actorOrg: string | null;
    note: string | null;
    evidence: string | null;
  }[];
}

interface SubjectRow {
  id: string;
  uscc: string | null;
  name: string;
  kind: string;
}

let company: SubjectRow;
let person: SubjectRow;

async function department(org = 'gusu.scjgj') {
  return { authorization: `Bearer ${await tokenFor('department', { org })}` };
}

function sign(input: Record<string, unknown>, headers: Record<string, string>) {
  return graphql<{ signCommitment: Commitment }>(
    `mutation($input: SignCommitmentInput!) { signCommitment(input: $input) { ${FIELDS} } }`,
    { input },
    headers,
  );
}

function companyInput(extra: Record<string, unknown> = {}) {
  return {
    subjectId: company.id,
    signatoryName: company.name,
    signatoryUscc: company.uscc,
    templateCode: 'GS-CN-ZL-03',
    ...extra,
  };
}

async function signed(input: Record<string, unknown>, headers?: Record<string, string>): Promise<Commitment> {
  const result = await sign(input, headers ?? (await department()));
  expect(result.errors).toBeUndefined();
  return expectData(result).signCommitment;
}

async function step(
  mutation: string,
  args: string,
  headers: Record<string, string>,
): Promise<GraphQLResponse<{ result: Commitment }>> {
  return graphql<{ result: Commitment }>(`mutation { result: ${mutation}(${args}) { ${FIELDS} } }`, {}, headers);
}

async function read(id: string): Promise<Commitment> {
  const result = await graphql<{ commitment: Commitment }>(
    `{ commitment(id: "${id}") { ${FIELDS} } }`,
    {},
    await as('credit_office'),
  );
  expect(result.errors).toBeUndefined();
  return expectData(result).commitment;
}

function expectError(result: GraphQLResponse, extensions: Record<string, unknown>): void {
  expect(result.errors?.[0]?.extensions).toMatchObject(extensions);
}

beforeAll(async () => {
  const result = await graphql<{ subjects: { nodes: SubjectRow[] } }>(
    '{ subjects(first: 100, search: "") { nodes { id uscc name kind } } }',
    {},
    await as('credit_office'),
  );
  const nodes = expectData(result).subjects.nodes;
  company = nodes.find((n) => n.kind === 'ENTERPRISE' && n.uscc !== null)!;
  let found = nodes.find((n) => n.kind === 'NATURAL_PERSON');
  for (const surname of ['张', '王', '李', '刘', '陈']) {
    if (found) break;
    const more = await graphql<{ subjects: { nodes: SubjectRow[] } }>(
      `{ subjects(first: 100, search: "${surname}") { nodes { id uscc name kind } } }`,
      {},
      await as('credit_office'),
    );
    found = expectData(more).subjects.nodes.find((n) => n.kind === 'NATURAL_PERSON');
  }
  expect(company).toBeDefined();
  expect(found).toBeDefined();
  person = found!;
});

describe('commitment templates', () => {
  it('lists templates by kind and industry, each with its current version', async () => {
    const result = await graphql<{
      commitmentTemplates: {
        code: string;
        kind: string;
        industry: string | null;
        version: number;
        text: string;
        versions: { version: number }[];
      }[];
    }>(
      '{ commitmentTemplates(kind: INDUSTRY_SELF_DISCIPLINE, industry: "住宿和餐饮业") { code kind industry version text versions { version } } }',
    );
    expect(result.errors).toBeUndefined();
    const templates = expectData(result).commitmentTemplates;
    expect(templates.map((t) => t.code)).toEqual(expect.arrayContaining(['GS-CN-ZL-01', 'GS-CN-ZL-03']));
    expect(templates.map((t) => t.code)).not.toContain('GS-CN-ZL-02');
    expect(
      templates.every(
        (t) => t.kind === 'INDUSTRY_SELF_DISCIPLINE' && (t.industry === null || t.industry === '住宿和餐饮业'),
      ),
    ).toBe(true);
    expect(templates.every((t) => t.version >= 1 && t.text.length > 0 && t.versions.length === t.version)).toBe(true);
  });

  it('adds a new version for the issuing department only; commitments already signed keep theirs', async () => {
    const template = 'GS-CN-ZL-02'; // issued by gusu.zjw
    const zjw = await department('gusu.zjw');
    const before = await signed({ ...companyInput({ templateCode: template }) }, zjw);
    expect(before.templateVersion.version).toBe(1);
    const oldText = before.templateVersion.text;

    const text = `物业服务企业诚信自律承诺书（${today} 修订）：本单位郑重承诺依法依规提供物业服务。`;
    const refused = await graphql(
      `mutation { publishTemplateVersion(templateCode: "${template}", text: "${text}") { version } }`,
      {},
      await department('gusu.scjgj'),
    );
    expectError(refused, { code: 'FORBIDDEN' });

    const publish = () =>
      graphql<{ publishTemplateVersion: { id: string; version: number; text: string; effectiveFrom: string } }>(
        `mutation { publishTemplateVersion(templateCode: "${template}", text: "${text}") { id version text effectiveFrom } }`,
        {},
        zjw,
      );
    const published = await publish();
    expect(published.errors).toBeUndefined();
    expect(expectData(published).publishTemplateVersion).toMatchObject({ version: 2, text, effectiveFrom: today });
    // Publishing the same text again is a retry: the same version, no third one.
    expect(expectData(await publish()).publishTemplateVersion.id).toBe(expectData(published).publishTemplateVersion.id);

    expect((await read(before.id)).templateVersion).toMatchObject({ version: 1, text: oldText });
    const after = await signed({ ...companyInput({ templateCode: template }) }, zjw);
    expect(after.templateVersion).toMatchObject({ version: 2, text });

    const unknown = await graphql(
      'mutation { publishTemplateVersion(templateCode: "NO-SUCH", text: "x") { id } }',
      {},
      await as('credit_office'),
    );
    expectError(unknown, { code: 'NOT_FOUND', argument: 'templateCode' });
  });
});

describe('commitment workflow', () => {
  it('signs a commitment with contract terms (承诺+契约) and fulfils it; a retry changes nothing', async () => {
    const commitment = await signed(
      companyInput({
        matter: '诚信经营、公平竞争 (契约)',
        validUntil: daysFromToday(365),
        obligations: '一年内不发生食品安全违法行为',
        breachConsequence: '自愿列入重点关注名单并接受加强检查',
        termEndsOn: daysFromToday(180),
      }),
    );
    expect(commitment).toMatchObject({
      status: 'IN_EFFECT',
      matter: '诚信经营、公平竞争 (契约)',
      signatoryName: company.name,
      contract: {
        obligations: '一年内不发生食品安全违法行为',
        breachConsequence: '自愿列入重点关注名单并接受加强检查',
        termEndsOn: daysFromToday(180),
      },
    });
    expect(commitment.history).toEqual([
      { action: 'SIGN', fromStatus: null, toStatus: 'IN_EFFECT', actorOrg: 'gusu.scjgj', note: null, evidence: null },
    ]);

    const fulfil = async () =>
      step('fulfilCommitment', `id: "${commitment.id}", note: "契约期内无违法记录"`, await department());
    const fulfilled = await fulfil();
    expect(fulfilled.errors).toBeUndefined();
    expect(expectData(fulfilled).result.status).toBe('FULFILLED');
    expect(expectData(fulfilled).result.history.map((h) => [h.action, h.fromStatus, h.toStatus, h.note])).toEqual([
      ['SIGN', null, 'IN_EFFECT', null],
      ['FULFIL', 'IN_EFFECT', 'FULFILLED', '契约期内无违法记录'],
    ]);
    const again = await fulfil();
    expect(again.errors).toBeUndefined();
    expect(expectData(again).result.history).toHaveLength(2);
    // The same action with other data is not a retry.
    const other = await step('fulfilCommitment', `id: "${commitment.id}", note: "另一说明"`, await department());
    expectError(other, { code: 'CONFLICT', reason: 'INVALID_STATUS', status: 'FULFILLED' });
  });

  it('records a breach with its evidence: the commitment reads BREACHED with its history', async () => {
    const commitment = await signed(companyInput({ reference: `GSSJ-${randomUUID().slice(0, 8)}` }));
    const future = await step(
      'recordCommitmentBreach',
      `id: "${commitment.id}", evidence: "姑市监罚〔2026〕1号", breachedOn: "${daysFromToday(1)}"`,
      await department(),
    );
    expectError(future, { code: 'BAD_USER_INPUT', argument: 'breachedOn' });
    const early = await step(
      'recordCommitmentBreach',
      `id: "${commitment.id}", evidence: "姑市监罚〔2026〕1号", breachedOn: "${daysFromToday(-1)}"`,
      await department(),
    );
    expectError(early, { code: 'BAD_USER_INPUT', argument: 'breachedOn' });
    const blank = await step(
      'recordCommitmentBreach',
      `id: "${commitment.id}", evidence: "  ", breachedOn: "${today}"`,
      await department(),
    );
    expectError(blank, { code: 'BAD_USER_INPUT', argument: 'evidence' });
    // Nothing of the refused attempts was written.
    expect((await read(commitment.id)).history).toHaveLength(1);

    const breach = async () =>
      step(
        'recordCommitmentBreach',
        `id: "${commitment.id}", evidence: "姑市监罚〔2026〕1号", breachedOn: "${today}"`,
        await department(),
      );
    expect((await breach()).errors).toBeUndefined();
    const stored = await read(commitment.id);
    expect(stored.status).toBe('BREACHED');
    expect(stored.history.map((h) => [h.action, h.fromStatus, h.toStatus, h.evidence, h.actorOrg])).toEqual([
      ['SIGN', null, 'IN_EFFECT', null, 'gusu.scjgj'],
      ['BREACH', 'IN_EFFECT', 'BREACHED', '姑市监罚〔2026〕1号', 'gusu.scjgj'],
    ]);
    // A retry with the same evidence and date answers the same and records nothing more.
    expect(expectData(await breach()).result.status).toBe('BREACHED');
    expect((await read(commitment.id)).history).toHaveLength(2);

    const withdraw = await step('withdrawCommitment', `id: "${commitment.id}", reason: "申请撤回"`, await department());
    expectError(withdraw, { code: 'CONFLICT', reason: 'INVALID_STATUS', status: 'BREACHED' });
    const fulfil = await step('fulfilCommitment', `id: "${commitment.id}", note: "x"`, await department());
    expectError(fulfil, { code: 'CONFLICT', reason: 'INVALID_STATUS', status: 'BREACHED' });
  });

  it('lets only the accepting department or the credit office change a commitment', async () => {
    const commitment = await signed(companyInput());
    const other = await step(
      'withdrawCommitment',
      `id: "${commitment.id}", reason: "撤回"`,
      await department('gusu.swj'),
    );
    expectError(other, { code: 'FORBIDDEN' });
    expect(other.data?.result ?? null).toBeNull();
    expect((await read(commitment.id)).status).toBe('IN_EFFECT');

    const office = await step(
      'withdrawCommitment',
      `id: "${commitment.id}", reason: "主体申请撤回"`,
      await as('credit_office'),
    );
    expect(office.errors).toBeUndefined();
    expect(expectData(office).result.status).toBe('WITHDRAWN');
    expect(expectData(office).result.history[1]).toMatchObject({
      action: 'WITHDRAW',
      toStatus: 'WITHDRAWN',
      actorOrg: 'gusu.xyb',
      note: '主体申请撤回',
    });

    const unknown = await step('fulfilCommitment', `id: "${randomUUID()}", note: "x"`, await department());
    expectError(unknown, { code: 'NOT_FOUND', argument: 'id' });
  });

  it('needs a department to sign, and a token with commitments:write', async () => {
    const orgless = { authorization: `Bearer ${await tokenFor('department', { org: '' })}` };
    const refused = await graphql(
      'mutation($input: SignCommitmentInput!) { signCommitment(input: $input) { id } }',
      { input: companyInput() },
      orgless,
    );
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const hall = await sign(companyInput(), await as('hall'));
    expectError(hall, { code: 'UNAUTHORIZED_FIELD_OR_TYPE' });
  });

  it('returns the first commitment when a department signs again with the same reference', async () => {
    const reference = `GSSJ-${randomUUID().slice(0, 8)}`;
    const first = await signed(companyInput({ reference }));
    expect(first.reference).toBe(reference);
    const second = await signed(companyInput({ reference }));
    expect(second.id).toBe(first.id);
    expect(second.history).toHaveLength(1);
    // Another department may use the same number for its own commitment.
    const elsewhere = await signed(companyInput({ reference }), await department('gusu.swj'));
    expect(elsewhere.id).not.toBe(first.id);
    // The same reference for another commitment is refused.
    const reused = await sign(companyInput({ reference, templateCode: 'GS-CN-ZD-01' }), await department());
    expectError(reused, { code: 'CONFLICT', reason: 'DUPLICATE_REFERENCE', argument: 'input.reference' });
  });

  it('makes one commitment and one closing step of retries that race', async () => {
    const reference = `GSSJ-${randomUUID().slice(0, 8)}`;
    const headers = await department();
    const signs = await Promise.all([1, 2, 3].map(() => sign(companyInput({ reference }), headers)));
    expect(signs.map((r) => r.errors)).toEqual([undefined, undefined, undefined]);
    expect(new Set(signs.map((r) => expectData(r).signCommitment.id)).size).toBe(1);

    const id = expectData(signs[0]).signCommitment.id;
    const fulfils = await Promise.all(
      [1, 2, 3].map(() => step('fulfilCommitment', `id: "${id}", note: "按期履约"`, headers)),
    );
    expect(fulfils.map((r) => r.errors)).toEqual([undefined, undefined, undefined]);
    expect((await read(id)).history.map((h) => h.action)).toEqual(['SIGN', 'FULFIL']);
  });

  it('checks what it is given, naming the argument', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [companyInput({ validUntil: daysFromToday(-1) }), 'BAD_USER_INPUT', 'input.validUntil'],
      [
        companyInput({ obligations: '按期整改', breachConsequence: '列入重点关注', termEndsOn: daysFromToday(-1) }),
        'BAD_USER_INPUT',
        'input.termEndsOn',
      ],
      [companyInput({ obligations: '按期整改' }), 'BAD_USER_INPUT', 'input.breachConsequence'],
      [companyInput({ signatoryUscc: 'NOT-A-CODE' }), 'BAD_USER_INPUT', 'input.signatoryUscc'],
      [companyInput({ subjectId: 'not-an-id' }), 'BAD_USER_INPUT', 'input.subjectId'],
      [companyInput({ signatoryName: ' ' }), 'BAD_USER_INPUT', 'input.signatoryName'],
      [companyInput({ templateCode: 'GS-CN-XF-01', publicized: false }), 'BAD_USER_INPUT', 'input.publicized'],
      [companyInput({ templateCode: 'NO-SUCH' }), 'NOT_FOUND', 'input.templateCode'],
    ];
    for (const [input, code, argument] of cases) {
      const result = await sign(input, await department());
      expect([argument, result.errors?.[0]?.extensions]).toEqual([
        argument,
        expect.objectContaining({ code, argument }),
      ]);
    }
  });
});

describe('the public column (信用承诺专栏)', () => {
  it('masks a natural person’s name, does not search by it, and hides contract terms', async () => {
    const matter = `个人诚信承诺 ${randomUUID().slice(0, 8)}`;
    const commitment = await signed({
      subjectId: person.id,
      signatoryName: person.name,
      templateCode: 'GS-CN-ZD-01',
      matter,
      obligations: '按时履行法定义务',
      breachConsequence: '接受失信记录',
    });
    expect(commitment.signatoryName).toBe(person.name);
    const masked = `${Array.from(person.name)[0]}${'*'.repeat(Array.from(person.name).length - 1)}`;

    const query =
      '($s: String) { publicCommitments(search: $s, first: 5) { totalCount nodes { id signatoryName signatoryUscc matter contract { obligations } } } }';
    const shown = await graphql<{
      publicCommitments: {
        totalCount: number;
        nodes: { id: string; signatoryName: string; signatoryUscc: string | null; contract: unknown }[];
      };
    }>(`query${query}`, { s: matter }, await as('public'));
    expect(expectPartialData(shown).publicCommitments.nodes).toEqual([
      { id: commitment.id, signatoryName: masked, signatoryUscc: null, matter, contract: null },
    ]);
    expect(shown.errors?.map((e) => [e.extensions?.code, e.path])).toEqual([
      ['UNAUTHORIZED_FIELD_OR_TYPE', ['publicCommitments', 'nodes', 'contract']],
    ]);
    expect(JSON.stringify(shown.data)).not.toContain(person.name);

    // The public cannot find a person by name; a reader with credit:read can, and sees it whole.
    const byName = `query${query.replace(' contract { obligations }', '')}`;
    const publicSearch = await graphql<{ publicCommitments: { nodes: { id: string }[] } }>(
      byName,
      { s: person.name },
      await as('public'),
    );
    expect(expectData(publicSearch).publicCommitments.nodes.map((n) => n.id)).not.toContain(commitment.id);
    const officeSearch = await graphql<{ publicCommitments: { nodes: { id: string; signatoryName: string }[] } }>(
      byName,
      { s: person.name },
      await as('credit_office'),
    );
    expect(expectData(officeSearch).publicCommitments.nodes).toContainEqual(
      expect.objectContaining({ id: commitment.id, signatoryName: person.name }),
    );
  });

  it('shows only publicized commitments, and an enterprise by its name', async () => {
    const matter = `非公示承诺 ${randomUUID().slice(0, 8)}`;
    await signed(companyInput({ matter, publicized: false }));
    const hidden = await graphql<{ publicCommitments: { totalCount: number } }>(
      `{ publicCommitments(search: "${matter}") { totalCount } }`,
    );
    expect(expectData(hidden).publicCommitments.totalCount).toBe(0);

    const shownMatter = `公示承诺 ${randomUUID().slice(0, 8)}`;
    await signed(companyInput({ matter: shownMatter }));
    const shown = await graphql<{
      publicCommitments: { nodes: { signatoryName: string; subject: { uscc: string } }[] };
    }>(`{ publicCommitments(search: "${shownMatter}") { nodes { signatoryName subject { uscc } } } }`);
    expect(expectData(shown).publicCommitments.nodes).toEqual([
      { signatoryName: company.name, subject: { uscc: company.uscc } },
    ]);
  });
});

/**
 * A breach and its events are one transaction. In this process no event bus
 * runs, so publishing fails: the breach must leave nothing behind. Runs the
 * resolver in-process on a database of its own.
 */
describe('a breach whose event cannot be written', () => {
  let orm: MikroORM;
  let stop: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    const logger = createLogger('commitments-test');
    logger.level = 'warn';
    const own = await ownDatabase('gusu_commitments');
    stop = own.drop;
    orm = await openDatabase(database, own.url, logger);
  });

  afterAll(async () => {
    await orm?.close();
    await stop();
  });

  it('leaves the commitment in effect, with no history row', async () => {
    const id = randomUUID();
    await orm.em.fork().insert(CommitmentRow, {
      id,
      subjectId: randomUUID(),
      signatoryName: '苏州测试有限公司',
      signatoryUscc: null,
      templateId: randomUUID(),
      templateVersionId: randomUUID(),
      kind: CommitmentKind.PROACTIVE,
      matter: '测试事项',
      signedAt: chinaToday(),
      validUntil: null,
      status: CommitmentStatus.IN_EFFECT,
      publicized: true,
      departmentCode: 'gusu.scjgj',
      reference: null,
      obligations: null,
      breachConsequence: null,
      termEndsOn: null,
      breachedOn: null,
    });
    const em = orm.em.fork();
    const principal = {
      sub: 'test',
      name: '测试',
      org: 'gusu.scjgj',
      roles: ['department'],
      scopes: [...ROLE_SCOPES.department],
      authenticated: true,
    };
    const breach = new CommitmentTransitionsResolver().recordCommitmentBreach(
      {
        principal,
        em,
        loaders: createLoaders(em, chinaToday()),
        requestId: randomUUID(),
        today: chinaToday(),
        callerAuthorization: null,
      },
      id,
      '姑市监罚〔2026〕9号',
      chinaToday(),
    );
    await expect(breach).rejects.toThrow(/event bus/);

    const after = orm.em.fork();
    expect(await after.findOneOrFail(CommitmentRow, { id })).toMatchObject({
      status: CommitmentStatus.IN_EFFECT,
      breachedOn: null,
    });
    expect(await after.count(CommitmentEvent, { commitmentId: id })).toBe(0);
  });
});

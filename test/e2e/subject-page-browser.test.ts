import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import type { RunningSystem } from '../../scripts/system';
import { demoDataset } from '../../shared/demo/dataset';
import { maskPersonId } from '../../shared/identifiers/person-id';
import { daysAgo } from '../support/dates';
import { expectData } from '../support/expect-data';
import { OwnSystem, startOwnSystem } from '../support/own-system';
import { demoSubjectLogins, tokenFor } from '../support/tokens';
import { until } from '../support/until';

/**
 * /hall/my beyond one page, for a person, and with a repair decided (issue 18), in Chromium on a system of
 * this file's own with the development identity provider: the demo enterprise's penalties (205 of them made
 * here) are shown 20 a page with 共 N 条 and 上一页 / 下一页, every one reachable; its repair case, applied
 * for online and approved by the department, gives the 信用修复决定书 (pdftotext: title, case number); the
 * demo person sees its own page — name, 自然人, its ID number masked, no USCC, the penalty made for it — and
 * none of the enterprise's data, on the page or through the hall's proxy.
 */
jest.setTimeout(600_000);

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const [ENTERPRISE, PERSON] = demoSubjectLogins();
const AUTHORITY = demoDataset().departments[0];
const PAGE_SIZE = 20;
const MADE = 205;
const RUN = String(Date.now()).slice(-7);

let own: OwnSystem | undefined;
let system: RunningSystem;
let browser: Browser | undefined;
let enterprisePage: Page;
let work: string;
const pageErrors: string[] = [];

interface Answer<T> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

async function gql<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<Answer<T>> {
  const response = await fetch(`${system.gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as Omit<Answer<T>, 'status'>) };
}

async function data<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  return expectData(await gql<T>(query, variables, token));
}

const department = () => tokenFor('department', { org: AUTHORITY.code });
const enterpriseToken = () => tokenFor('subject', { subjectUscc: ENTERPRISE.self.uscc ?? '' });
const personToken = () => tokenFor('subject', { subjectIdNumber: PERSON.self.idNumber ?? '' });

/** A general penalty reported by the demo authority; `party` names whom it is about. */
function penalty(decisionNo: string, decidedAt: string, party: Record<string, unknown>): Record<string, unknown> {
  return {
    partyClass: '法人及非法人组织',
    decisionNo,
    violationType: '未按规定公示年度报告',
    facts: '当事人未按规定期限公示年度报告。',
    legalBasis: '《企业信息公示暂行条例》第十八条',
    categories: ['警告'],
    content: '警告',
    decidedAt,
    validUntil: daysAgo(-365),
    severity: '一般',
    authorityName: AUTHORITY.name,
    authorityUscc: AUTHORITY.uscc,
    ...party,
  };
}

const forEnterprise = { partyName: ENTERPRISE.name, uscc: ENTERPRISE.self.uscc, legalRepresentative: '周五' };

async function report(records: Record<string, unknown>[]): Promise<void> {
  const reported = await data<{ reportPenalties: { accepted: number } }>(
    'mutation R($r: [PenaltyReport!]!) { reportPenalties(records: $r) { accepted } }',
    { r: records },
    await department(),
  );
  expect(reported.reportPenalties.accepted).toBe(records.length);
}

/** Every penalty of the subject's own, in the API's order (newest first), read 100 a page. */
async function allPenalties(token: string): Promise<{ id: string; decisionNo: string }[]> {
  const all: { id: string; decisionNo: string }[] = [];
  let after: string | null = null;
  for (;;) {
    const page: {
      mySubject: {
        penalties: {
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
          nodes: { id: string; decisionNo: string }[];
        };
      };
    } = await data(
      'query($a: String) { mySubject { penalties(first: 100, after: $a) { pageInfo { hasNextPage endCursor } nodes { id decisionNo } } } }',
      { a: after },
      token,
    );
    all.push(...page.mySubject.penalties.nodes);
    if (!page.mySubject.penalties.pageInfo.hasNextPage) return all;
    after = page.mySubject.penalties.pageInfo.endCursor;
  }
}

async function signedIn(user: string): Promise<{ context: BrowserContext; page: Page }> {
  if (!browser) throw new Error('no browser');
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${system.gatewayUrl}/hall/my`);
  await page.locator('#sign-in-main').click();
  await page.locator(`input[name="user"][value="${user}"]`).check();
  await page.locator('button[type="submit"]', { hasText: '登录' }).click();
  await page.waitForURL((url) => url.pathname === '/hall/my');
  await page.locator('#penalties-count').waitFor({ timeout: 30_000 });
  return { context, page };
}

/** The penalty ids of the page shown, in order. */
async function shownIds(page: Page): Promise<string[]> {
  return page.locator('.penalty-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-penalty') ?? ''));
}

beforeAll(async () => {
  own = await startOwnSystem('subject-page-browser', { devIdentity: true });
  system = own.system;
  work = mkdtempSync(join(tmpdir(), 'gusu-subject-page-'));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
});

afterAll(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
  await own?.stop();
});

describe('/hall/my in Chromium: paging, a repair decision, a natural person (issue 18)', () => {
  it(`pages through more than ${MADE} penalties 20 at a time, every one reachable, 上一页 back to the same page`, async () => {
    // Newest first: each a day older than the one before, so the order is the API's and stable.
    await report(
      Array.from({ length: MADE }, (_, i) =>
        penalty(`姑苏分页测罚〔2026〕${RUN}-${String(i).padStart(3, '0')}号`, daysAgo(1 + i), forEnterprise),
      ),
    );
    const expected = await allPenalties(await enterpriseToken());
    expect(expected.length).toBeGreaterThan(MADE);
    const pages = Math.ceil(expected.length / PAGE_SIZE);

    const started = Date.now();
    const { page } = await signedIn(ENTERPRISE.sub);
    process.stdout.write(`/hall/my signed in and shown (${expected.length} penalties): ${Date.now() - started} ms\n`);
    enterprisePage = page;
    const loadStarted = Date.now();
    await page.reload();
    await page.locator('#penalties-count').waitFor({ timeout: 30_000 });
    const loadMs = Date.now() - loadStarted;
    await expect(page.locator('#penalties-count').textContent()).resolves.toBe(
      `共 ${expected.length} 条，第 1 / ${pages} 页`,
    );
    await expect(page.locator('#penalties-previous').isDisabled()).resolves.toBe(true);
    await expect(page.locator('#penalties-next').textContent()).resolves.toBe('下一页');

    const seen: string[] = [];
    const turns: number[] = [];
    for (let n = 1; n <= pages; n += 1) {
      const ids = await shownIds(page);
      expect(ids).toEqual(expected.slice((n - 1) * PAGE_SIZE, n * PAGE_SIZE).map((p) => p.id));
      seen.push(...ids);
      if (n === pages) break;
      const turnStarted = Date.now();
      await page.locator('#penalties-next').click();
      await page.locator('#penalties-count', { hasText: `第 ${n + 1} / ${pages} 页` }).waitFor({ timeout: 30_000 });
      turns.push(Date.now() - turnStarted);
    }
    expect(seen).toEqual(expected.map((p) => p.id));
    await expect(page.locator('#penalties-next').isDisabled()).resolves.toBe(true);
    await expect(page.locator('.penalty-card').count()).resolves.toBe(expected.length - (pages - 1) * PAGE_SIZE);
    // The focus follows the turn, for a keyboard user.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('penalties-count');

    await page.locator('#penalties-previous').click();
    await page.locator('#penalties-count', { hasText: `第 ${pages - 1} / ${pages} 页` }).waitFor({ timeout: 30_000 });
    await expect(shownIds(page)).resolves.toEqual(
      expected.slice((pages - 2) * PAGE_SIZE, (pages - 1) * PAGE_SIZE).map((p) => p.id),
    );
    const mean = Math.round(turns.reduce((a, b) => a + b, 0) / turns.length);
    process.stdout.write(
      `/hall/my with ${expected.length} penalties: load ${loadMs} ms, ${turns.length} page turns mean ${mean} ms, max ${Math.max(...turns)} ms\n`,
    );
    await page.screenshot({ path: '/tmp/subject-page-paged.png', fullPage: true });
  });

  it('downloads the 信用修复决定书 of a repair the department approved', async () => {
    const decisionNo = `姑苏修复浏览器测罚〔2026〕${RUN}号`;
    // Decided 120 days ago: past the 3-month minimum of a general penalty, within its publicity.
    await report([penalty(decisionNo, daysAgo(120), forEnterprise)]);
    const subject = await enterpriseToken();
    const penaltyId = (await allPenalties(subject)).find((p) => p.decisionNo === decisionNo)?.id ?? '';
    const { mySubject } = await data<{ mySubject: { id: string } }>('{ mySubject { id } }', {}, subject);
    const template = (
      await data<{ commitmentTemplates: { code: string }[] }>('{ commitmentTemplates(kind: REPAIR) { code } }')
    ).commitmentTemplates[0];
    const commitment = (
      await data<{ signCommitment: { id: string } }>(
        'mutation($i: SignCommitmentInput!) { signCommitment(input: $i) { id } }',
        {
          i: {
            subjectId: mySubject.id,
            signatoryName: ENTERPRISE.name,
            signatoryUscc: ENTERPRISE.self.uscc,
            templateCode: template.code,
            reference: `RPB-${RUN}`,
          },
        },
        await department(),
      )
    ).signCommitment;
    const application = {
      target: { kind: 'PENALTY', id: penaltyId },
      reason: '已按期公示年度报告，整改到位',
      repairCommitmentId: commitment.id,
      fulfilmentEvidence: '警告处罚，无罚没款',
    };
    // Repairs learns of the penalty and the commitment by event: until then the application is refused.
    const applied = await until(
      'the online application accepted for judging',
      () =>
        gql<{ applyForRepairOnline: { caseId: string; caseNumber: string } | null }>(
          'mutation($i: RepairApplicationInput!) { applyForRepairOnline(input: $i) { caseId caseNumber } }',
          { i: application },
          subject,
        ),
      (answer) => Boolean(answer.data?.applyForRepairOnline),
      30_000,
    );
    const { caseId, caseNumber } = applied.data?.applyForRepairOnline ?? { caseId: '', caseNumber: '' };
    const handler = await department();
    await data('mutation($id: ID!) { acceptRepairCase(id: $id) { status } }', { id: caseId }, handler);
    const approved = await data<{ approveRepairCase: { status: string } }>(
      'mutation($id: ID!) { approveRepairCase(id: $id, note: "整改到位，准予信用修复") { status } }',
      { id: caseId },
      handler,
    );
    expect(approved.approveRepairCase.status).toBe('APPROVED');

    const page = enterprisePage;
    await page.reload();
    const row = page.locator(`#repair-cases tr[data-number="${caseNumber}"]`);
    await row.waitFor({ timeout: 30_000 });
    await expect(row.getAttribute('data-status')).resolves.toBe('APPROVED');
    const started = Date.now();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      row.locator('button.download-decision').click(),
    ]);
    const file = join(work, 'repair-decision.pdf');
    await download.saveAs(file);
    process.stdout.write(`repair decision (browser): click → PDF saved ${Date.now() - started} ms\n`);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('信用修复决定书');
    expect(text).toContain(caseNumber);
    expect(text).toContain('准予信用修复');
    await page.locator('#download-status', { hasText: '已下载' }).waitFor({ timeout: 10_000 });
  });

  it('the demo person sees its own page — masked ID number, no USCC, its penalty — and none of the enterprise’s', async () => {
    const idNumber = PERSON.self.idNumber ?? '';
    const decisionNo = `姑苏个人浏览器测罚〔2026〕${RUN}号`;
    await report([
      penalty(decisionNo, daysAgo(4), {
        partyClass: '自然人',
        partyName: PERSON.name,
        idType: '身份证',
        idNumber,
      }),
    ]);
    const mine = await until(
      'the penalty on the person’s own subject',
      async () => allPenalties(await personToken()),
      (list) => list.some((p) => p.decisionNo === decisionNo),
    );
    const enterprise = await allPenalties(await enterpriseToken());

    const { context, page } = await signedIn(PERSON.sub);
    try {
      await expect(page.locator('dd[data-term="名称"]').textContent()).resolves.toBe(PERSON.name);
      await expect(page.locator('dd[data-term="主体类别"]').textContent()).resolves.toBe('自然人');
      await expect(page.locator('dd[data-term="证件号码"]').textContent()).resolves.toBe(maskPersonId(idNumber));
      await expect(page.locator('dd[data-term="代码"]').count()).resolves.toBe(0);
      await expect(page.locator('#penalties-count').textContent()).resolves.toBe(`共 ${mine.length} 条`);
      await expect(shownIds(page)).resolves.toEqual(mine.map((p) => p.id));
      await expect(page.locator('.penalty-card h3').first().textContent()).resolves.toContain(decisionNo);
      await expect(page.locator('#penalties-pager').count()).resolves.toBe(0);
      await page.locator('#my-repairs .none').waitFor({ timeout: 10_000 });
      const shown = (await page.locator('main').textContent()) ?? '';
      expect(shown).not.toContain(idNumber);
      expect(shown).not.toContain('统一社会信用代码');
      for (const text of [ENTERPRISE.name, ENTERPRISE.self.uscc ?? '', enterprise[0].decisionNo])
        expect(shown).not.toContain(text);
      await page.screenshot({ path: '/tmp/subject-page-person.png', fullPage: true });

      // Through the hall's proxy, as the person: the enterprise's own-only fields are refused at their paths.
      const asked = await page.evaluate(async (uscc) => {
        const response = await fetch('/hall/api/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-hall-request': '1' },
          body: JSON.stringify({
            query: 'query($u: String!) { subject(uscc: $u) { name registeredAddress creditStatus } }',
            variables: { u: uscc },
          }),
        });
        return (await response.json()) as Answer<{
          subject: { name: string; registeredAddress: string | null; creditStatus: string | null };
        }>;
      }, ENTERPRISE.self.uscc ?? '');
      expect(asked.data?.subject).toEqual({ name: ENTERPRISE.name, registeredAddress: null, creditStatus: null });
      expect(asked.errors?.map((e) => `${(e.path ?? []).join('.')} ${String(e.extensions?.code)}`).sort()).toEqual([
        'subject.creditStatus UNAUTHORIZED_FIELD_OR_TYPE',
        'subject.registeredAddress UNAUTHORIZED_FIELD_OR_TYPE',
      ]);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

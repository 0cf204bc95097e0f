import { Browser, chromium, Page } from 'playwright-core';
import type { RunningSystem } from '../../../scripts/system';
import { demoDataset } from '../../../shared/demo/dataset';
import { daysAgo } from '../../support/dates';
import { expectData, expectPartialData } from '../../support/expect-data';
import { OwnSystem, startOwnSystem } from '../../support/own-system';
import { demoSubjectLogins, tokenFor } from '../../support/tokens';
import { until } from '../../support/until';

/**
 * /hall/my with the repairs subgraph killed (SIGKILL), in Chromium on a system of this file's own: the
 * subject's profile and penalties are shown, each case section says 暂时无法显示 (not "none"), no script
 * error; fileObjection answers at once with SUBGRAPH_UNAVAILABLE (HTTP 503, Retry-After), and the page's
 * form says the objection was not filed. Started again, the cases come back and the objection is filed.
 */
jest.setTimeout(300_000);

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const [ENTERPRISE] = demoSubjectLogins();
const AUTHORITY = demoDataset().departments[0];
const DECISION_NO = `姑苏故障浏览器测罚〔2026〕${String(Date.now()).slice(-7)}号`;
const FILE_OBJECTION = `mutation($i: ObjectionInput!) { fileObjection(input: $i) { caseNumber } }`;

let own: OwnSystem | undefined;
let system: RunningSystem;
let browser: Browser | undefined;
let page: Page;
let penaltyId: string;
const pageErrors: string[] = [];

interface Answer<T> {
  status: number;
  retryAfter: string | null;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

async function gql<T>(query: string, variables: Record<string, unknown>, token: string): Promise<Answer<T>> {
  const response = await fetch(`${system.gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    ...((await response.json()) as Omit<Answer<T>, 'status' | 'retryAfter'>),
  };
}

const subject = () => tokenFor('subject', { subjectUscc: ENTERPRISE.self.uscc ?? '' });
const objection = (id: string) => ({ i: { target: { kind: 'PENALTY', id }, grounds: '该处罚已被复议撤销' } });
const card = () => page.locator(`.penalty-card[data-penalty="${penaltyId}"]`);

async function showPage(): Promise<void> {
  await page.reload();
  await page.locator('#penalties-count').waitFor({ timeout: 30_000 });
}

beforeAll(async () => {
  own = await startOwnSystem('subject-page-repairs-down', { devIdentity: true });
  system = own.system;
  // The penalty the test asserts on, made here (as its authority).
  const reported = await gql<{ reportPenalties: { accepted: number } }>(
    'mutation R($r: [PenaltyReport!]!) { reportPenalties(records: $r) { accepted } }',
    {
      r: [
        {
          partyName: ENTERPRISE.name,
          partyClass: '法人及非法人组织',
          uscc: ENTERPRISE.self.uscc,
          decisionNo: DECISION_NO,
          violationType: '未按规定公示年度报告',
          facts: '当事人未按规定期限公示年度报告。',
          legalBasis: '《企业信息公示暂行条例》第十八条',
          categories: ['警告'],
          content: '警告',
          decidedAt: daysAgo(3),
          validUntil: daysAgo(-365),
          severity: '一般',
          authorityName: AUTHORITY.name,
          authorityUscc: AUTHORITY.uscc,
        },
      ],
    },
    await tokenFor('department', { org: AUTHORITY.code }),
  );
  expect(expectData(reported).reportPenalties.accepted).toBe(1);
  const mine = await gql<{ mySubject: { penalties: { nodes: { id: string; decisionNo: string }[] } } }>(
    '{ mySubject { penalties(first: 100) { nodes { id decisionNo } } } }',
    {},
    await subject(),
  );
  penaltyId = expectData(mine).mySubject.penalties.nodes.find((p) => p.decisionNo === DECISION_NO)?.id ?? '';
  // Repairs learns of the penalty by event: known there before it is killed, so the objection after its restart is judged.
  await until(
    'repairs knows the penalty',
    async () =>
      expectData(
        await gql<{ repairEligibility: { failures: { condition: string }[] } }>(
          'query($t: RepairTargetInput!) { repairEligibility(target: $t) { failures { condition } } }',
          { t: { kind: 'PENALTY', id: penaltyId } },
          await tokenFor('department', { org: AUTHORITY.code }),
        ),
      ).repairEligibility.failures,
    (failures) => !failures.some((f) => f.condition === 'TARGET_UNKNOWN'),
  );

  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })).newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${system.gatewayUrl}/hall/my`);
  await page.locator('#sign-in-main').click();
  await page.locator(`input[name="user"][value="${ENTERPRISE.sub}"]`).check();
  await page.locator('button[type="submit"]', { hasText: '登录' }).click();
  await page.waitForURL((url) => url.pathname === '/hall/my');
});

afterAll(async () => {
  await browser?.close();
  await own?.stop();
});

describe('/hall/my with the repairs subgraph down (部分数据源不可用)', () => {
  it('shows the profile and penalties, says the cases cannot be shown, and refuses fileObjection clearly', async () => {
    await system.kill('repairs');
    try {
      // The page's own query: the profile answered, each case list null with its own error.
      const cases = await gql<{ mySubject: { name: string; objectionCases: null; repairCases: null } }>(
        '{ mySubject { name objectionCases { id } repairCases { id } } }',
        {},
        await subject(),
      );
      expect(cases.status).toBe(200);
      expect(expectPartialData(cases).mySubject).toEqual({
        name: ENTERPRISE.name,
        objectionCases: null,
        repairCases: null,
      });
      expect(cases.errors?.map((e) => `${(e.path ?? []).join('.')} ${String(e.extensions?.code)}`).sort()).toEqual([
        'mySubject.objectionCases SUBGRAPH_UNAVAILABLE',
        'mySubject.repairCases SUBGRAPH_UNAVAILABLE',
      ]);

      const started = Date.now();
      await showPage();
      const loadMs = Date.now() - started;
      await expect(page.locator('dd[data-term="名称"]').textContent()).resolves.toBe(ENTERPRISE.name);
      await expect(page.locator('dd[data-term="代码"]').textContent()).resolves.toBe(ENTERPRISE.self.uscc);
      await expect(card().locator('h3').textContent()).resolves.toContain(DECISION_NO);
      for (const [slot, what] of [
        ['#my-objections', '异议案件'],
        ['#my-repairs', '信用修复案件'],
      ]) {
        const message = page.locator(`${slot} .unavailable`);
        await expect(message.textContent()).resolves.toContain(`暂时无法显示${what}`);
        await expect(message.textContent()).resolves.toContain('数据服务暂时无法访问');
        await expect(page.locator(`${slot} .none`).count()).resolves.toBe(0);
      }
      await page.screenshot({ path: '/tmp/subject-page-repairs-down.png', fullPage: true });

      // fileObjection: at once, with a code a client can act on (retry later), not a 500 or a stall.
      const askedAt = Date.now();
      const refused = await gql<{ fileObjection: unknown }>(FILE_OBJECTION, objection(penaltyId), await subject());
      const refusedMs = Date.now() - askedAt;
      expect(refused.status).toBe(503);
      expect(refused.retryAfter).not.toBeNull();
      expect(refused.data?.fileObjection ?? null).toBeNull();
      expect(refused.errors?.map((e) => e.extensions)).toEqual([{ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'repairs' }]);
      expect(refused.errors?.[0].message).not.toMatch(/https?:\/\/|127\.0\.0\.1|localhost|ECONNREFUSED/);
      expect(refusedMs).toBeLessThan(5_000);

      // The page's form says so, in Chinese; the receipt never shows.
      await card().locator('summary', { hasText: '提出异议' }).click();
      await card().locator('textarea[name="grounds"]').fill('该处罚已被复议撤销');
      const submittedAt = Date.now();
      await card().locator('button[type="submit"]').click();
      const error = card().locator('.form-message.error');
      await error.waitFor({ timeout: 10_000 });
      const formMs = Date.now() - submittedAt;
      await expect(error.textContent()).resolves.toContain('异议受理服务暂时无法访问，本次异议未提交');
      await expect(page.locator('#objection-receipt').isVisible()).resolves.toBe(false);
      process.stdout.write(
        `repairs down: /hall/my shown in ${loadMs} ms; fileObjection HTTP ${refused.status} in ${refusedMs} ms, the form's message in ${formMs} ms\n`,
      );
    } finally {
      await system.restart('repairs');
    }

    // Started again: the cases are back on the page, and the same form files the objection.
    await showPage();
    await page.locator('#my-repairs .none').waitFor({ timeout: 30_000 });
    await expect(page.locator('#my-objections .unavailable').count()).resolves.toBe(0);
    await card().locator('summary', { hasText: '提出异议' }).click();
    await card().locator('textarea[name="grounds"]').fill('该处罚已被复议撤销');
    await card().locator('button[type="submit"]').click();
    await page.locator('#objection-receipt dd[data-term="受理编号"]').waitFor({ timeout: 30_000 });
    await expect(page.locator('#objection-receipt dd[data-term="受理编号"]').textContent()).resolves.toMatch(
      /^GSYY-\d{4}-\d{8}$/,
    );
    expect(pageErrors).toEqual([]);
  });
});

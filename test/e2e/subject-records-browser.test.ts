import { Browser, chromium, Locator, Page } from 'playwright-core';
import type { RunningSystem } from '../../scripts/system';
import { demoDataset } from '../../shared/demo/dataset';
import { daysAgo } from '../support/dates';
import { expectData } from '../support/expect-data';
import { OwnSystem, startOwnSystem } from '../support/own-system';
import { demoSubjectLogins, tokenFor } from '../support/tokens';
import { until } from '../support/until';

/**
 * /hall/my beyond penalties (issue 18), in Chromium on a system of this file's own with the development
 * identity provider: the demo enterprise's licences, other actions, list entries and its district
 * evaluation, each in its own section with the penalties' 提出异议 form. A department reports two licences
 * (one then revoked: 无效, shown with its reason and no form) and an action for it; once it is evaluated the
 * enterprise signs in, objects on the page to the valid licence and to its evaluation (each receipt shown,
 * the focus on 打印回执), both are marked 异议处理中; the credit office upholds the evaluation objection
 * (CORRECTED, evaluated again) and after a reload the mark is gone, the case 异议成立（更正信息）.
 */
jest.setTimeout(600_000);

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const [ENTERPRISE] = demoSubjectLogins();
const AUTHORITY = demoDataset().departments[0];
const RUN = String(Date.now()).slice(-7);
const LICENSE_NO = `姑苏主体页测许〔2026〕${RUN}号`;
const REVOKED_NO = `姑苏主体页测许〔2026〕${RUN}-2号`;
const ACTION_NO = `姑苏主体页测强〔2026〕${RUN}号`;
const REVOCATION = `姑苏许撤〔2026〕${RUN}号`;

let own: OwnSystem | undefined;
let system: RunningSystem;
let browser: Browser | undefined;
let page: Page;
const pageErrors: string[] = [];
const cspViolations: string[] = [];

interface Answer<T> {
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

async function data<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await fetch(`${system.gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return expectData((await response.json()) as Answer<T>);
}

const uscc = ENTERPRISE.self.uscc ?? '';
const department = () => tokenFor('department', { org: AUTHORITY.code });
const subject = () => tokenFor('subject', { subjectUscc: uscc });
const party = { partyName: ENTERPRISE.name, partyClass: '法人及非法人组织', uscc, legalRepresentative: '周五' };
const authority = { authorityName: AUTHORITY.name, authorityUscc: AUTHORITY.uscc };

function licenseReport(licenseNo: string): Record<string, unknown> {
  return {
    ...party,
    ...authority,
    documentName: '食品经营许可决定书',
    licenseNo,
    category: '核准',
    title: '食品经营许可证',
    content: '准予食品经营许可',
    decidedAt: daysAgo(2),
    validFrom: daysAgo(2),
    validUntil: daysAgo(-1825),
  };
}

interface OwnRecords {
  id: string;
  licenses: { totalCount: number; nodes: { id: string; licenseNo: string; status: string }[] };
  actions: { totalCount: number; nodes: { id: string; documentNo: string }[] };
  creditEvaluation: { grade: string; gradeLabel: string; evaluatedAt: string; objectionPending: boolean } | null;
}

async function ownRecords(): Promise<OwnRecords> {
  const read = await data<{ mySubject: OwnRecords }>(
    `{ mySubject { id
        licenses(first: 100) { totalCount nodes { id licenseNo status } }
        actions(first: 100) { totalCount nodes { id documentNo } }
        creditEvaluation { grade gradeLabel evaluatedAt objectionPending } } }`,
    {},
    await subject(),
  );
  return read.mySubject;
}

/** 提出异议 on one card: repairs learns of a record by event, so a NOT_FOUND meanwhile is tried again. */
async function objectOnPage(card: Locator, grounds: string): Promise<{ caseNumber: string; elapsed: number }> {
  await card.locator('summary', { hasText: '提出异议' }).click();
  await card.locator('textarea[name="grounds"]').fill(grounds);
  const started = Date.now();
  await until(
    'the objection filed in the page',
    async () => {
      await card.locator('button[type="submit"]').click();
      await page.waitForFunction(
        () =>
          !document.getElementById('objection-receipt')?.hidden ||
          document.querySelector('.objection-form .form-message.error') !== null,
        undefined,
        { timeout: 30_000 },
      );
      return page.locator('#objection-receipt').isVisible();
    },
    (shown) => shown,
    30_000,
  );
  const elapsed = Date.now() - started;
  const caseNumber = (await page.locator('#objection-receipt dd[data-term="受理编号"]').textContent()) ?? '';
  expect(caseNumber).toMatch(/^GSYY-\d{4}-\d{8}$/);
  await expect(page.locator('#objection-receipt dd[data-term="查询码"]').textContent()).resolves.toMatch(
    /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/,
  );
  // The focus goes to 打印回执, for a keyboard or screen-reader user.
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('receipt-print');
  return { caseNumber, elapsed };
}

/** Reloads until `done` holds of the page (a mark travels by event). */
async function reloadUntil(what: string, done: () => Promise<boolean>): Promise<void> {
  await until(
    what,
    async () => {
      await page.reload();
      await page.locator('#subject-facts').waitFor({ timeout: 30_000 });
      await page.locator('#my-evaluation .evaluation-card, #my-evaluation .unavailable').waitFor({ timeout: 30_000 });
      return done();
    },
    (ok) => ok,
    30_000,
  );
}

beforeAll(async () => {
  own = await startOwnSystem('subject-records-browser', { devIdentity: true });
  system = own.system;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
});

afterAll(async () => {
  await browser?.close();
  await own?.stop();
});

describe('/hall/my: licences, actions, list entries and the evaluation, each with 提出异议 (issue 18)', () => {
  it('objects to a licence and to the evaluation on the page; the credit office corrects the evaluation', async () => {
    // The records asserted on, made here as their department; one licence then revoked (无效).
    const reported = await data<{ reportLicenses: { accepted: number } }>(
      'mutation($r: [LicenseReport!]!) { reportLicenses(records: $r) { accepted } }',
      { r: [licenseReport(LICENSE_NO), licenseReport(REVOKED_NO)] },
      await department(),
    );
    expect(reported.reportLicenses.accepted).toBe(2);
    const actions = await data<{ reportActions: { accepted: number } }>(
      'mutation($r: [ActionReport!]!) { reportActions(records: $r) { accepted } }',
      {
        r: [
          {
            ...party,
            ...authority,
            actionKind: '行政强制',
            documentNo: ACTION_NO,
            title: '查封经营场所',
            content: '查封涉案经营场所',
            decidedAt: daysAgo(2),
          },
        ],
      },
      await department(),
    );
    expect(actions.reportActions.accepted).toBe(1);
    await data(
      'mutation($r: String!, $n: String!, $a: String!) { revokeLicense(reason: $r, licenseNo: $n, authorityUscc: $a) { status } }',
      { r: REVOCATION, n: REVOKED_NO, a: AUTHORITY.uscc },
      await department(),
    );
    const records = await until(
      'the records and the evaluation of the enterprise',
      () => ownRecords(),
      (r) =>
        r.creditEvaluation !== null &&
        r.licenses.nodes.some((l) => l.licenseNo === REVOKED_NO && l.status === 'INVALID') &&
        r.actions.nodes.some((a) => a.documentNo === ACTION_NO),
      30_000,
    );
    const licenseId = records.licenses.nodes.find((l) => l.licenseNo === LICENSE_NO)?.id ?? '';
    const revokedId = records.licenses.nodes.find((l) => l.licenseNo === REVOKED_NO)?.id ?? '';
    const actionId = records.actions.nodes.find((a) => a.documentNo === ACTION_NO)?.id ?? '';
    const evaluation = records.creditEvaluation!;
    expect(evaluation.objectionPending).toBe(false);

    // Sign-in on the provider's page, then every section on its own.
    const signInStarted = Date.now();
    await page.goto(`${system.gatewayUrl}/hall/my`);
    await page.locator('#sign-in-main').click();
    await page.locator(`input[name="user"][value="${ENTERPRISE.sub}"]`).check();
    await page.locator('button[type="submit"]', { hasText: '登录' }).click();
    await page.waitForURL((url) => url.pathname === '/hall/my');
    const licenseCard = page.locator(`.license-card[data-license="${licenseId}"]`);
    const evaluationCard = page.locator(`#my-evaluation .evaluation-card[data-evaluation="${records.id}"]`);
    await licenseCard.waitFor({ timeout: 30_000 });
    await evaluationCard.waitFor({ timeout: 30_000 });
    process.stdout.write(
      `/hall/my with its records: sign-in click → sections shown ${Date.now() - signInStarted} ms\n`,
    );
    for (const section of ['#my-evaluation', '#my-list-entries', '#my-penalties', '#my-licenses', '#my-actions'])
      expect([section, await page.locator(`${section} .unavailable`).count()]).toEqual([section, 0]);
    await page.locator('#my-list-entries .none, #my-list-entries .list-entry-card').first().waitFor();
    await expect(page.locator('#licenses-count').textContent()).resolves.toMatch(
      new RegExp(`^共 ${records.licenses.totalCount} 条`),
    );
    await expect(page.locator('#actions-count').textContent()).resolves.toMatch(
      new RegExp(`^共 ${records.actions.totalCount} 条`),
    );

    // The licence in force offers the form; the revoked one shows 无效 with its reason and none.
    await expect(licenseCard.locator('h3').textContent()).resolves.toContain(LICENSE_NO);
    await expect(licenseCard.locator('dd[data-term="状态"]').textContent()).resolves.toBe('有效');
    await expect(licenseCard.locator('.objection-form').count()).resolves.toBe(1);
    const revokedCard = page.locator(`.license-card[data-license="${revokedId}"]`);
    await expect(revokedCard.getAttribute('data-status')).resolves.toBe('INVALID');
    await expect(revokedCard.locator('dd[data-term="状态"]').textContent()).resolves.toContain(REVOCATION);
    await expect(revokedCard.locator('[data-badge="closed"]').textContent()).resolves.toBe('无效');
    await expect(revokedCard.locator('.objection, .objection-form').count()).resolves.toBe(0);
    const actionCard = page.locator(`.action-card[data-action="${actionId}"]`);
    await expect(actionCard.locator('dd[data-term="类别"]').textContent()).resolves.toBe('行政强制');
    await expect(actionCard.locator('.objection-form').count()).resolves.toBe(1);
    // The evaluation: grade with its label, never by colour alone.
    await expect(evaluationCard.getAttribute('data-grade')).resolves.toBe(evaluation.grade);
    await expect(evaluationCard.locator('.grade-letter').textContent()).resolves.toBe(
      `${evaluation.grade} ${evaluation.gradeLabel}`,
    );
    await expect(evaluationCard.locator('[data-badge="objection"]').count()).resolves.toBe(0);
    // Every field of every form has its label.
    await expect(
      page.evaluate(
        () =>
          [...document.querySelectorAll('textarea')].filter((t) => t.labels === null || t.labels.length === 0).length,
      ),
    ).resolves.toBe(0);

    // 提出异议 to the licence, then to the evaluation.
    const onLicense = await objectOnPage(licenseCard, '该许可已于上月变更，平台信息未更新');
    await page.locator(`#objection-cases tr[data-number="${onLicense.caseNumber}"]`).waitFor({ timeout: 30_000 });
    await expect(
      page.locator(`#objection-cases tr[data-number="${onLicense.caseNumber}"] [data-term="对象"]`).textContent(),
    ).resolves.toBe(`行政许可 ${LICENSE_NO}`);
    await page.locator('#receipt-close').click();
    const onEvaluation = await objectOnPage(evaluationCard, '已撤销的行政处罚仍计入评价');
    const evaluationRow = page.locator(`#objection-cases tr[data-number="${onEvaluation.caseNumber}"]`);
    await evaluationRow.waitFor({ timeout: 30_000 });
    await expect(evaluationRow.locator('[data-term="对象"]').textContent()).resolves.toBe('公共信用综合评价');
    await page.screenshot({ path: '/tmp/subject-records-receipt.png' });

    // 异议处理中 on both (the marks travel by event); the open cases' numbers where the forms were.
    await reloadUntil(
      'both marks on the page',
      async () =>
        (await licenseCard.locator('[data-badge="objection"]').isVisible()) &&
        (await evaluationCard.locator('[data-badge="objection"]').isVisible()),
    );
    await expect(page.locator('#objection-receipt').isVisible()).resolves.toBe(false);
    await expect(licenseCard.locator('[data-badge="objection"]').textContent()).resolves.toBe('异议处理中');
    await expect(licenseCard.locator('.objection-form').count()).resolves.toBe(0);
    await expect(licenseCard.locator('.note').textContent()).resolves.toContain(onLicense.caseNumber);
    await expect(evaluationCard.locator('.objection-form').count()).resolves.toBe(0);
    await expect(evaluationCard.locator('.note').textContent()).resolves.toContain(onEvaluation.caseNumber);
    await expect(evaluationCard.locator('.note').textContent()).resolves.toContain('区信用办');
    await page.screenshot({ path: '/tmp/subject-records-page.png', fullPage: true });

    // The credit office accepts and upholds the evaluation objection: CORRECTED, evaluated again.
    const office = await tokenFor('credit_office');
    const caseId = (await evaluationRow.getAttribute('data-case')) ?? '';
    await data('mutation($id: ID!) { acceptObjection(id: $id) { status } }', { id: caseId }, office);
    const decidedAt = Date.now();
    const decided = await data<{ decideObjection: { status: string; outcome: string } }>(
      'mutation($i: ObjectionDecisionInput!) { decideObjection(input: $i) { status outcome } }',
      { i: { id: caseId, upheld: true, outcome: 'CORRECTED', note: '经核查，按更正后的信息重新评价' } },
      office,
    );
    expect(decided.decideObjection).toEqual({ status: 'UPHELD', outcome: 'CORRECTED' });
    const again = await until(
      'the evaluation no longer marked',
      () => ownRecords(),
      (r) => r.creditEvaluation?.objectionPending === false,
      30_000,
    );
    expect(new Date(again.creditEvaluation!.evaluatedAt).getTime()).toBeGreaterThan(
      new Date(evaluation.evaluatedAt).getTime(),
    );
    process.stdout.write(
      `/hall/my records (browser): licence objection submit → receipt ${onLicense.elapsed} ms, evaluation ${onEvaluation.elapsed} ms; decided → mark gone (API) ${Date.now() - decidedAt} ms\n`,
    );

    await page.reload();
    await evaluationRow.waitFor({ timeout: 30_000 });
    await evaluationCard.waitFor({ timeout: 30_000 });
    await expect(evaluationCard.locator('[data-badge="objection"]').count()).resolves.toBe(0);
    await expect(evaluationCard.locator('.objection-form').count()).resolves.toBe(1);
    await expect(evaluationRow.getAttribute('data-status')).resolves.toBe('UPHELD');
    await expect(evaluationRow.locator('[data-term="状态"]').textContent()).resolves.toBe('异议成立（更正信息）');
    // The licence objection is still open: its mark stays.
    await expect(licenseCard.locator('[data-badge="objection"]').isVisible()).resolves.toBe(true);
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});

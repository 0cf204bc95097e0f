import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { signDevToken } from '../../gateway/auth/dev-token';
import type { RunningSystem } from '../../scripts/system';
import { chinaToday } from '../support/dates';
import { OwnSystem, startOwnSystem } from '../support/own-system';

/**
 * Issue 18's window in Chromium, on a system of this file's own with the development identity
 * provider: the demo hall clerk signs in, takes a repair application in person (an agent with a
 * 授权委托书), the printable receipt shows the case number and query code once, and the public
 * progress page answers by number and code (and a wrong code as a wrong number).
 */
jest.setTimeout(600_000);

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const EVIDENCE = '罚款已缴清，见缴款书 3205000012345';

let own: OwnSystem | undefined;
let system: RunningSystem;
let context: BrowserContext | undefined;
let page: Page;
let profileDir: string;
let target: { penaltyId: string; commitmentId: string };

async function asHall<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const secret = process.env.GUSU_JWT_SECRET;
  if (!secret) throw new Error('the e2e global setup did not provide the development secret');
  const token = await signDevToken(secret, {
    sub: 'browser-test-setup',
    name: '测试',
    org: 'gusu.xzspj',
    roles: ['hall'],
    ttl: '10m',
  });
  const response = await fetch(`${system.gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data;
}

beforeAll(async () => {
  own = await startOwnSystem('repair-intake-browser', { devIdentity: true });
  system = own.system;
  const today = chinaToday();
  const found = await asHall<{
    publicCommitments: {
      nodes: {
        id: string;
        kind: string;
        status: string;
        validUntil: string | null;
        subject: { penalties: { nodes: { id: string; severity: string }[] } };
      }[];
    };
  }>(
    '{ publicCommitments(search: "信用修复", first: 100) { nodes { id kind status validUntil subject { penalties(first: 50) { nodes { id severity } } } } } }',
  );
  for (const node of found.publicCommitments.nodes) {
    if (node.kind !== 'REPAIR' || node.status !== 'IN_EFFECT' || (node.validUntil !== null && node.validUntil < today))
      continue;
    for (const penalty of node.subject.penalties.nodes.filter((p) => p.severity !== 'MINOR')) {
      const judged = await asHall<{ repairEligibility: { eligible: boolean } }>(
        'query($t: RepairTargetInput!, $c: ID, $e: String) { repairEligibility(target: $t, repairCommitmentId: $c, fulfilmentEvidence: $e) { eligible } }',
        { t: { kind: 'PENALTY', id: penalty.id }, c: node.id, e: EVIDENCE },
      );
      if (judged.repairEligibility.eligible) {
        target = { penaltyId: penalty.id, commitmentId: node.id };
        break;
      }
    }
    if (target) break;
  }
  expect(target).toBeDefined();
  profileDir = mkdtempSync(join(tmpdir(), 'gusu-repair-browser-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    viewport: { width: 1280, height: 1000 },
    locale: 'zh-CN',
  });
  page = context.pages()[0] ?? (await context.newPage());
});

afterAll(async () => {
  await context?.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  await own?.stop();
});

describe('repair at the window in Chromium', () => {
  it('the clerk takes an application in person and prints the receipt; the public page shows it by query code', async () => {
    await page.goto(`${system.gatewayUrl}/hall`);
    await page.locator('#sign-in-main').click();
    await page.locator('input[name="user"][value="dev-hall-clerk"]').check();
    await page.locator('button[type="submit"]', { hasText: '登录' }).click();
    await page.waitForURL(/\/hall$/);
    const started = Date.now();
    await page.locator('#repair-intake-link').click();
    await page.waitForURL(/\/hall\/repair-intake$/);

    await page.locator('#intake-target').fill(target.penaltyId);
    await page.locator('#intake-reason').fill('已完成整改，申请终止公示');
    await page.locator('#intake-commitment').fill(target.commitmentId);
    await page.locator('#intake-fulfilment').fill(EVIDENCE);
    await page.locator('#intake-capacity').selectOption('AGENT');
    await page.locator('#intake-name').fill('李小四');
    await page.locator('#intake-doc-number').fill('11010519491231002X');
    // An agent without the 授权委托书 is refused at once, by field.
    await page.locator('#intake-form button[type="submit"]').click();
    await page.locator('#intake-result .error').waitFor({ timeout: 30_000 });
    await expect(page.locator('#intake-result').textContent()).resolves.toContain('授权委托书');

    await page.locator('#intake-poa').fill('WT-2026-0031');
    await page.locator('#intake-form button[type="submit"]').click();
    await page.waitForURL(/\/hall\/repair-receipt$/, { timeout: 30_000 });
    const number = (await page.locator('dd[data-term="受理编号"]').textContent()) ?? '';
    const code = (await page.locator('dd[data-term="查询码"]').textContent()) ?? '';
    expect(number).toMatch(/^GSXF-\d{4}-\d{8}$/);
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    await expect(page.locator('dd[data-term="受理期限"]').textContent()).resolves.toContain('2 个工作日');
    // Printed as a document: the receipt, not the site's header or buttons.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('#receipt-print').isVisible()).resolves.toBe(false);
    await expect(page.locator('#receipt-facts').isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: 'screen' });
    // Shown once: the receipt is not there again on reload.
    await page.reload();
    await expect(page.locator('#receipt').textContent()).resolves.toContain('没有待打印的受理回执');

    // The public page, in a fresh context with no session.
    const publicContext = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox'] });
    try {
      const publicPage = await publicContext.newPage();
      await publicPage.goto(`${system.gatewayUrl}/hall/repair-progress`);
      await publicPage.locator('#progress-number').fill(number);
      await publicPage.locator('#progress-code').fill(code);
      await publicPage.locator('#progress-form button[type="submit"]').click();
      await publicPage.locator('#progress-facts').waitFor({ timeout: 30_000 });
      await expect(publicPage.locator('#progress-facts').getAttribute('data-status')).resolves.toBe('SUBMITTED');
      await expect(publicPage.locator('dd[data-term="受理期限"]').textContent()).resolves.toMatch(
        /^\d{4}-\d{2}-\d{2}$/,
      );
      const shown = (await publicPage.locator('#progress-facts').textContent()) ?? '';
      expect(shown).not.toContain('李');
      await publicPage.locator('#progress-code').fill('2222-2222');
      await publicPage.locator('#progress-form button[type="submit"]').click();
      await publicPage.locator('#progress-result .error').waitFor({ timeout: 30_000 });
      await expect(publicPage.locator('#progress-result').textContent()).resolves.toContain('受理编号或查询码不正确');
    } finally {
      await publicContext.close();
    }
    process.stdout.write(
      `repair at the window (browser): intake page → receipt → public progress ${Date.now() - started} ms\n`,
    );
  });
});

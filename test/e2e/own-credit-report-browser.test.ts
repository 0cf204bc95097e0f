import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { OwnSystem, startOwnSystem } from '../support/own-system';
import { demoSubjectLogins } from '../support/tokens';

/**
 * /hall/my's 下载我的信用报告 in Chromium, on a system of this file's own with the development identity
 * provider: the demo enterprise signs in as itself, gives a purpose, presses the button, and the
 * browser saves its own 公共信用信息报告 (pdftotext: the title, its name and code, the purpose, the
 * number the page shows), with no Content Security Policy violation.
 */
jest.setTimeout(600_000);

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const [ENTERPRISE] = demoSubjectLogins();
const PURPOSE = '投标资格预审';

let own: OwnSystem | undefined;
let context: BrowserContext | undefined;
let page: Page;
let profileDir: string;
const cspViolations: string[] = [];

beforeAll(async () => {
  own = await startOwnSystem('own-credit-report-browser', { devIdentity: true });
  profileDir = mkdtempSync(join(tmpdir(), 'gusu-own-report-browser-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
});

afterAll(async () => {
  await context?.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  await own?.stop();
});

it('signs in as the enterprise, presses 下载我的信用报告 and saves its own report', async () => {
  const base = own!.system.gatewayUrl;
  await page.goto(`${base}/hall/my`);
  await page.locator('#sign-in-main').click();
  await page.locator(`input[name="user"][value="${ENTERPRISE.sub}"]`).check();
  await page.locator('button[type="submit"]', { hasText: '登录' }).click();
  await page.waitForURL((url) => url.pathname === '/hall/my');

  await page.locator('#my-report-purpose').fill(PURPOSE);
  const started = Date.now();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByRole('button', { name: '下载我的信用报告' }).click(),
  ]);
  const file = join(profileDir, 'report.pdf');
  await download.saveAs(file);
  const elapsed = Date.now() - started;
  const status = page.locator('#my-report-status', { hasText: '已出具并下载' });
  await status.waitFor({ timeout: 10_000 });
  const number = await status.getAttribute('data-number');
  expect(number).toMatch(/^GSXY-\d{4}-\d{6}$/);
  expect(download.suggestedFilename()).toBe(`${number}.pdf`);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  for (const expected of ['公共信用信息报告', number!, ENTERPRISE.name, ENTERPRISE.self.uscc ?? '-', PURPOSE, '申请人'])
    expect([expected, text.includes(expected)]).toEqual([expected, true]);
  expect(cspViolations).toEqual([]);
  process.stdout.write(`own credit report (browser): pressed → PDF saved ${elapsed} ms\n`);
});

import { readFileSync } from 'node:fs';
import type { AxeResults, Result } from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { DashboardRole } from '../../../src/domain/access/dashboard-user';
import type { TestLotse } from '../../support/start-test-lotse';
import { startTestLotse } from '../../support/start-test-lotse';
import type { PageGlobals } from './page-globals';

/**
 * Why the browser suites do not run here (set by the e2e globalSetup when Chromium is missing
 * outside CI), or undefined. Use {@link describeBrowser} instead of `describe`.
 */
export const browserSkipReason: string | undefined = process.env.LOTSE_E2E_SKIP_REASON || undefined;

/** `describe` when Chromium is available, else `describe.skip` (the globalSetup printed why; in CI it failed instead). */
export const describeBrowser: typeof describe = browserSkipReason ? describe.skip : describe;

/** A running Lotse with a headless Chromium pointed at it. */
export interface DashboardBrowser {
  readonly app: TestLotse;
  /** Lotse's base URL, e.g. http://127.0.0.1:40123; also the pages' baseURL (`page.goto('/dashboard')`). */
  readonly url: string;
  readonly browser: Browser;
  readonly context: BrowserContext;
  /** A first page, ready to use. */
  readonly page: Page;
  /**
   * Console errors of all pages of all contexts (a CSP violation shows up here as "Refused to …"),
   * and failed loads of the dashboard's assets. Error pages themselves (404, 403, 422) are not listed.
   */
  readonly consoleErrors: string[];
  /** A further page in the same context (same cookies). */
  newPage(): Promise<Page>;
  /** A fresh context (no cookies) with its own page: another user. */
  newUser(): Promise<Page>;
  /** Closes the browser and stops Lotse. */
  close(): Promise<void>;
}

export interface DashboardBrowserOptions {
  /** Extra environment for Lotse (over the defaults: development sign-in on, cookies without Secure for http). */
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Starts Lotse (own data directory, development sign-in on) and headless Chromium (Debian's
 * package, see the e2e globalSetup). HTTPS errors are ignored in the browser only for the local
 * OIDC provider's self-signed certificate; Lotse's CSP stays in force (nothing bypasses it).
 */
export async function startDashboardBrowser(options: DashboardBrowserOptions = {}): Promise<DashboardBrowser> {
  const app = await startTestLotse({
    DASHBOARD_DEV_SIGN_IN: 'true',
    DASHBOARD_COOKIE_SECURE: 'false',
    DASHBOARD_SIGN_IN_LIMIT_PER_MINUTE: '1000',
    ...options.env,
  });
  let browser: Browser | undefined;
  try {
    await app.lotse.ready;
    browser = await chromium.launch({ executablePath: process.env.LOTSE_CHROMIUM_PATH, headless: true });
    const consoleErrors: string[] = [];
    const openContext = async () => {
      const context = await browser!.newContext({ baseURL: app.url, locale: 'de-DE', ignoreHTTPSErrors: true });
      context.on('console', (message) => {
        // Chromium logs every error status of a document; error pages are on purpose.
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource: the server responded with a status')) {
          consoleErrors.push(message.text());
        }
      });
      context.on('response', (response) => {
        if (response.url().includes('/dashboard/assets/') && response.status() >= 400) consoleErrors.push(`${response.status()} ${response.url()}`);
      });
      return context;
    };
    const context = await openContext();
    const page = await context.newPage();
    const opened = browser;
    return {
      app,
      url: app.url,
      browser: opened,
      context,
      page,
      consoleErrors,
      newPage: () => context.newPage(),
      newUser: async () => (await openContext()).newPage(),
      async close() {
        await opened.close();
        await app.dispose();
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await app.dispose();
    throw error;
  }
}

/**
 * Signs in through the development sign-in form (as a user would: fill in, tick, click). With
 * roles the page ends on the return path (default the home page); without, on "Kein Zugriff".
 */
export async function signInAs(
  page: Page,
  user: { readonly name: string; readonly roles: readonly DashboardRole[] },
  returnTo = '/dashboard',
): Promise<void> {
  await page.goto(`/dashboard/dev-sign-in?returnTo=${encodeURIComponent(returnTo)}`);
  await page.locator('#name').fill(user.name);
  for (const role of user.roles) await page.locator(`#role-${role}`).check();
  const posted = page.waitForResponse((response) => response.url().endsWith('/dashboard/dev-sign-in') && response.request().method() === 'POST');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  const response = await posted;
  await page.waitForLoadState('load');
  if (user.roles.length > 0 && response.status() !== 303) throw new Error(`development sign-in failed with status ${response.status()}`);
}

let axeSource: string | undefined;

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page and fails with a readable list when it
 * finds serious or critical violations. axe is evaluated through the DevTools protocol, which the
 * page's CSP does not govern, so the page keeps its real CSP.
 */
export async function expectNoSeriousAxeViolations(page: Page): Promise<AxeResults> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource);
  const results = await page.evaluate(async () => {
    const window = globalThis as unknown as Required<PageGlobals>;
    return window.axe.run(window.document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
  });
  const serious = results.violations.filter((violation: Result) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious.map(describeViolation)).toEqual([]);
  return results;
}

function describeViolation(violation: Result): string {
  const targets = violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(' | ');
  return `${violation.impact}: ${violation.id} – ${violation.help} (${targets})`;
}

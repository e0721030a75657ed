import type { Page } from 'playwright-core';
import { CONTENT_SECURITY_POLICY } from '../../src/http/dashboard/security-headers';
import type { DashboardBrowser } from './support/dashboard-browser';
import type { PageGlobals } from './support/page-globals';
import { describeBrowser, expectNoSeriousAxeViolations, signInAs, startDashboardBrowser } from './support/dashboard-browser';

const activeElement = (page: Page) =>
  page.evaluate(() => {
    const window = globalThis as unknown as PageGlobals;
    const element = window.document.activeElement;
    const style = element ? window.getComputedStyle(element) : null;
    const box = element?.getBoundingClientRect();
    return {
      tag: element?.tagName.toLowerCase(),
      id: element?.id,
      text: element?.textContent?.trim(),
      outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : '',
      visible: box ? box.bottom > 0 && box.top < window.innerHeight && box.width > 0 : false,
    };
  });

describeBrowser('dashboard accessibility in Chromium (keyboard, axe-core, CSP)', () => {
  let dashboard: DashboardBrowser;

  beforeAll(async () => {
    dashboard = await startDashboardBrowser();
  });
  afterAll(() => dashboard?.close());
  afterEach(() => {
    // Any inline script or style would be refused by the CSP and logged here.
    expect(dashboard.consoleErrors).toEqual([]);
  });

  it('signs in through the development form and shows the home page', async () => {
    const page = await dashboard.newUser();
    await signInAs(page, { name: 'Ada Beraterin', roles: ['advisor'] });
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    await expect(page.locator('h1').textContent()).resolves.toBe('Übersicht');
  });

  it('reaches the skip link with the first Tab; it shows and moves the focus to the main content', async () => {
    const page = await dashboard.newUser();
    await signInAs(page, { name: 'Ada Beraterin', roles: ['advisor', 'admin'] });
    await page.keyboard.press('Tab');
    const skip = await activeElement(page);
    expect(skip).toMatchObject({ tag: 'a', text: 'Zum Inhalt springen', visible: true, outline: 'solid 3px' });
    await page.keyboard.press('Enter');
    await expect(activeElement(page)).resolves.toMatchObject({ tag: 'main', id: 'inhalt' });
    // The next Tab continues inside the main content, not in the header.
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => Boolean((globalThis as unknown as PageGlobals).document.activeElement?.closest('main')));
    expect(next).toBe(true);
  });

  it('marks the focused navigation link with a visible outline', async () => {
    const page = await dashboard.newUser();
    await signInAs(page, { name: 'Grace Admin', roles: ['admin'] });
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Tickets', exact: true }).focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const focused = await activeElement(page);
    expect(focused).toMatchObject({ tag: 'a', text: 'Tickets', outline: 'solid 3px' });
  });

  it('has no serious or critical axe violations on the home page (advisor and admin)', async () => {
    for (const roles of [['advisor'], ['admin']] as const) {
      const page = await dashboard.newUser();
      await signInAs(page, { name: 'Ada Beraterin', roles });
      await expectNoSeriousAxeViolations(page);
    }
  });

  it('has no serious or critical axe violations on the sign-in pages and a 404 page', async () => {
    const page = await dashboard.newUser();
    for (const path of ['/dashboard/sign-in', '/dashboard/dev-sign-in', '/dashboard/sign-in?signedOut=1', '/dashboard/nicht-da']) {
      await page.goto(path);
      await expectNoSeriousAxeViolations(page);
    }
  });

  it('has no serious or critical axe violations on the "Kein Zugriff" page and the form with an error', async () => {
    const page = await dashboard.newUser();
    await signInAs(page, { name: 'Nora Niemand', roles: [] });
    await expect(page.locator('h1').textContent()).resolves.toBe('Kein Zugriff');
    await expectNoSeriousAxeViolations(page);
    await page.goto('/dashboard/dev-sign-in');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForSelector('.field-error');
    await expectNoSeriousAxeViolations(page);
  });

  it('signs out with the button in the header', async () => {
    const page = await dashboard.newUser();
    await signInAs(page, { name: 'Ada Beraterin', roles: ['advisor'] });
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.waitForURL('**/dashboard/sign-in?signedOut=1');
    await expect(page.getByRole('status').textContent()).resolves.toBe('Sie wurden abgemeldet.');
    await page.goto('/dashboard');
    await page.waitForURL('**/dashboard/sign-in');
  });

  describe('the checks themselves', () => {
    afterEach(() => {
      dashboard.consoleErrors.length = 0;
    });

    it('reports a serious axe violation', async () => {
      const page = await dashboard.newUser();
      await page.route('**/dashboard/planted', (route) =>
        route.fulfill({ contentType: 'text/html', body: '<!DOCTYPE html><html><head><title>x</title></head><body><img src="/x.png"><input type="text"></body></html>' }),
      );
      await page.goto('/dashboard/planted');
      await expect(expectNoSeriousAxeViolations(page)).rejects.toThrow(/image-alt/);
    });

    it('sees inline code refused by the dashboard CSP', async () => {
      const page = await dashboard.newUser();
      await page.route('**/dashboard/planted', (route) =>
        route.fulfill({
          contentType: 'text/html',
          headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
          body: '<!DOCTYPE html><html lang="de"><head><title>x</title><style>p{color:red}</style></head><body><p>x</p><script>document.title="y"</script></body></html>',
        }),
      );
      await page.goto('/dashboard/planted');
      expect(await page.title()).toBe('x');
      expect(dashboard.consoleErrors.join('\n')).toMatch(/Content Security Policy/);
    });
  });
});

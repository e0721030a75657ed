import type { Page } from 'playwright-core';
import { freePort } from '../support/dashboard-client';
import { mockClaims, oidcAuthority } from '../support/oidc/oidc-test-client';
import type { DashboardBrowser } from './support/dashboard-browser';
import { describeBrowser, expectNoSeriousAxeViolations, startDashboardBrowser } from './support/dashboard-browser';

const TENANT = '7e1f0a52-0000-4000-8000-00000000c0de';
const describeSignIn: typeof describe = oidcAuthority ? describeBrowser : describe.skip;

/**
 * Makes the local OIDC provider sign in an account with these claims (as if the user chose it
 * there): Lotse's redirect to the provider gets `mock_claims`. (Playwright does not route requests
 * reached by a redirect, so the redirect itself is rewritten.)
 */
async function chooseAccount(page: Page, claims: Record<string, unknown>): Promise<void> {
  await page.route('**/dashboard/auth/sign-in**', async (route) => {
    const response = await route.fetch({ maxRedirects: 0 });
    const location = new URL(response.headers().location!);
    expect(location.origin).toBe(oidcAuthority);
    location.searchParams.set('mock_claims', mockClaims(claims));
    await route.fulfill({ response, headers: { ...response.headers(), location: location.href } });
  });
}

describeSignIn('dashboard sign-in in Chromium through the OpenID Connect provider (msal-node)', () => {
  let dashboard: DashboardBrowser;

  beforeAll(async () => {
    const port = await freePort();
    dashboard = await startDashboardBrowser({
      env: {
        PORT: String(port),
        DASHBOARD_DEV_SIGN_IN: 'false',
        DASHBOARD_PUBLIC_URL: `http://127.0.0.1:${port}`,
        DASHBOARD_ENTRA_CLIENT_ID: 'lotse-dashboard-test',
        DASHBOARD_ENTRA_CLIENT_SECRET: 'test-client-secret',
        DASHBOARD_ENTRA_AUTHORITY: oidcAuthority,
        ALLOWED_TENANT_IDS: TENANT,
      },
    });
  });
  afterAll(() => dashboard?.close());

  it('ends on the dashboard home, on the page first asked for', async () => {
    const page = await dashboard.newUser();
    await chooseAccount(page, { tid: TENANT, oid: 'a0000000-0000-4000-8000-000000000001', name: 'Grace Admin', preferred_username: 'grace@kommune.example', roles: ['Lotse.Admin'] });
    await page.goto('/dashboard');
    await page.waitForURL('**/dashboard/sign-in');
    await page.getByRole('link', { name: 'Mit Microsoft-Konto anmelden' }).click();
    await page.waitForURL(`${dashboard.url}/dashboard`);
    await expectHeading(page, 'Übersicht');
    await expect(page.locator('.account__name').textContent()).resolves.toContain('Grace Admin');
    await expect(page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Auswertung' }).count()).resolves.toBe(1);
    expect(dashboard.consoleErrors).toEqual([]);
  });

  it('shows a user without a role "Kein Zugriff" with the account named', async () => {
    const page = await dashboard.newUser();
    await chooseAccount(page, { tid: TENANT, oid: 'a0000000-0000-4000-8000-000000000003', name: 'Nora Niemand', preferred_username: 'nora@kommune.example' });
    await page.goto('/dashboard/sign-in');
    await page.getByRole('link', { name: 'Mit Microsoft-Konto anmelden' }).click();
    await page.waitForURL('**/dashboard/auth/callback**');
    await expectHeading(page, 'Kein Zugriff');
    await expect(page.locator('main').textContent()).resolves.toContain('Nora Niemand (nora@kommune.example)');
    await expectNoSeriousAxeViolations(page);
    await page.goto('/dashboard');
    await page.waitForURL('**/dashboard/sign-in');
  });
});

async function expectHeading(page: Page, text: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(text);
}

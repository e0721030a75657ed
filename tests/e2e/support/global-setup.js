// Jest globalSetup of the `e2e` project (the dashboard in headless Chromium):
// - finds Chromium: LOTSE_CHROMIUM_PATH, else Debian's `chromium` package (installed by .ci/run;
//   never `npx playwright install`). With CI=true a missing browser fails the run; locally the
//   browser suites are skipped with a loud "BROWSER SUITE NOT RUN" notice.
// - starts the local OpenID Connect provider for the sign-in tests (see ../../support/oidc).
'use strict';

const fs = require('node:fs');
const { startTestOidcProvider } = require('../../support/oidc/oidc-global');

const CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

function findChromium() {
  const configured = process.env.LOTSE_CHROMIUM_PATH;
  if (configured) {
    if (fs.existsSync(configured)) return configured;
    throw new Error(`LOTSE_CHROMIUM_PATH=${configured} does not exist`);
  }
  const found = CANDIDATES.find((candidate) => fs.existsSync(candidate));
  if (!found) throw new Error(`Chromium not found (looked at ${CANDIDATES.join(', ')}); install it with: apt-get install -y chromium`);
  return found;
}

module.exports = async function globalSetup() {
  try {
    process.env.LOTSE_CHROMIUM_PATH = findChromium();
  } catch (error) {
    if (process.env.CI === 'true') throw new Error(`Chromium is required in CI for the dashboard browser tests: ${error.message}`);
    process.env.LOTSE_E2E_SKIP_REASON = error.message;
    const line = '='.repeat(78);
    console.warn(`\n${line}\nBROWSER SUITE NOT RUN: ${error.message}\n(the dashboard tests in tests/e2e are skipped)\n${line}\n`);
  }
  await startTestOidcProvider();
};

// Starts the local OpenID Connect provider (oidc-provider.mjs) once per jest run, from a project's
// globalSetup, before jest starts its workers:
// - exports LOTSE_TEST_OIDC_AUTHORITY (https://localhost:<port>) for the tests, and
// - NODE_EXTRA_CA_CERTS (the provider's self-signed certificate), which Node reads only when a
//   process starts: the workers, spawned after globalSetup, trust the provider; the jest main
//   process does not (jest.config.js sets workerIdleMemoryLimit so tests never run in band; with
//   --runInBand the sign-in suites fail with a message that says so).
// With CI=true a provider that cannot start (e.g. openssl missing) fails the run; locally the
// suites that need it are skipped with a loud "OIDC SUITE NOT RUN" notice.
'use strict';

const path = require('node:path');
const { pathToFileURL } = require('node:url');

async function startTestOidcProvider() {
  if (globalThis.__LOTSE_OIDC__) return;
  if (process.env.LOTSE_TEST_OIDC_AUTHORITY) return;
  try {
    const { startOidcProvider } = await import(pathToFileURL(path.join(__dirname, 'oidc-provider.mjs')).href);
    const provider = await startOidcProvider();
    globalThis.__LOTSE_OIDC__ = provider;
    process.env.LOTSE_TEST_OIDC_AUTHORITY = provider.authority;
    process.env.NODE_EXTRA_CA_CERTS = provider.caFile;
  } catch (error) {
    const reason = error && error.message ? error.message.split('\n')[0] : String(error);
    if (process.env.CI === 'true') throw new Error(`The local OIDC provider is required in CI but could not be started: ${reason}`);
    process.env.LOTSE_TEST_OIDC_UNAVAILABLE = reason;
    const line = '='.repeat(78);
    console.warn(`\n${line}\nOIDC SUITE NOT RUN: ${reason}\n(the Entra sign-in tests of the dashboard are skipped)\n${line}\n`);
  }
}

async function stopTestOidcProvider() {
  const provider = globalThis.__LOTSE_OIDC__;
  if (!provider) return;
  globalThis.__LOTSE_OIDC__ = undefined;
  await provider.stop();
}

module.exports = { startTestOidcProvider, stopTestOidcProvider };

// Jest globalTeardown of the `integration` project: stops the FerretDB started by global-setup.js
// and removes its temporary directory; stops the local OIDC provider.
'use strict';

const fs = require('node:fs');
const { stopTestOidcProvider } = require('./oidc/oidc-global');

function waitForExit(child, ms) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

async function stopFerretDb() {
  const state = globalThis.__LOTSE_FERRETDB__;
  if (!state) return;
  globalThis.__LOTSE_FERRETDB__ = undefined;
  const { child, dir, killOnExit } = state;
  process.removeListener('exit', killOnExit);
  child.kill('SIGTERM');
  await waitForExit(child, 5_000);
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await waitForExit(child, 2_000);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

module.exports = async function globalTeardown() {
  await stopTestOidcProvider();
  await stopFerretDb();
};
module.exports.stopFerretDb = stopFerretDb;

// Jest globalSetup of the `integration` project: starts FerretDB (MongoDB wire protocol on SQLite)
// through scripts/ferretdb.sh and exports LOTSE_TEST_MONGODB_URI for the test workers, so that the
// contract suites also run against the MongoDB backend. Also starts the local OpenID Connect
// provider of the dashboard sign-in tests (see oidc/oidc-global.js).
//
// - LOTSE_TEST_MONGODB_URI already set: used as is (e.g. a real MongoDB in CI); nothing is started.
// - CI=true: the binary is built if missing (scripts/ferretdb.sh ensure); any failure throws, so
//   the run fails instead of silently skipping the MongoDB suites. The one exception is
//   LOTSE_MONGODB_UNAVAILABLE_REASON, set by .ci/run when the FerretDB build itself failed.
// - otherwise: a missing binary or a server that does not come up prints
//   "MONGODB SUITE NOT RUN: <reason>" and the MongoDB suites are skipped.
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { startTestOidcProvider } = require('./oidc/oidc-global');

const ROOT = path.resolve(__dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'ferretdb.sh');
const START_TIMEOUT_MS = 30_000;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function tail(file) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '(no log)';
  }
}

async function waitUntilReady(uri, child, logFile) {
  const { MongoClient } = require('mongodb');
  const deadline = Date.now() + START_TIMEOUT_MS;
  let lastError;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`FerretDB exited (${child.exitCode ?? child.signalCode}) during start-up:\n${tail(logFile)}`);
    }
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 1_000, connectTimeoutMS: 1_000 });
    try {
      await client.connect();
      await client.db('admin').command({ ping: 1 });
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      await client.close().catch(() => undefined);
    }
  }
  throw new Error(`FerretDB did not answer within ${START_TIMEOUT_MS} ms (${lastError && lastError.message}):\n${tail(logFile)}`);
}

function binaryAvailable(ci) {
  const result = spawnSync('bash', [SCRIPT, ci ? 'ensure' : 'check'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status === 0) return { ok: true, bin: result.stdout.trim() };
  return { ok: false, reason: (result.stderr || result.error?.message || 'scripts/ferretdb.sh failed').trim() };
}

async function startFerretDb(ci) {
  const binary = binaryAvailable(ci);
  if (!binary.ok) throw new Error(binary.reason);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-ferretdb-'));
  const logFile = path.join(dir, 'ferretdb.log');
  const log = fs.openSync(logFile, 'a');
  const port = await freePort();
  const child = spawn('bash', [SCRIPT, 'start', String(port), path.join(dir, 'data')], {
    stdio: ['ignore', log, log],
    env: { ...process.env, FERRETDB_BIN: binary.bin },
  });
  fs.closeSync(log);
  // If jest dies without running the teardown, do not leave the server behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  globalThis.__LOTSE_FERRETDB__ = { child, dir, killOnExit };
  const uri = `mongodb://127.0.0.1:${port}/lotse_test`;
  await waitUntilReady(uri, child, logFile);
  return uri;
}

function warnNotRun(reason) {
  const line = '='.repeat(78);
  console.warn(`\n${line}\nMONGODB SUITE NOT RUN: ${reason}\n(the MongoDB backend of the contract suites is skipped)\n${line}\n`);
}

module.exports = async function globalSetup() {
  await startTestOidcProvider();
  if (process.env.LOTSE_TEST_MONGODB_URI) return;
  // Set by .ci/run only when the FerretDB build itself failed (a registry or toolchain limit of the
  // machine, not a bug of ours): the run goes on and says loudly what was not tested.
  if (process.env.LOTSE_MONGODB_UNAVAILABLE_REASON) {
    warnNotRun(process.env.LOTSE_MONGODB_UNAVAILABLE_REASON);
    return;
  }
  const ci = process.env.CI === 'true';
  try {
    process.env.LOTSE_TEST_MONGODB_URI = await startFerretDb(ci);
  } catch (error) {
    await require('./global-teardown').stopFerretDb();
    if (ci) throw new Error(`FerretDB is required in CI but could not be started: ${error.message}`);
    warnNotRun(error.message);
  }
};

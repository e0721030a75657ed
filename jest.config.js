/**
 * Jest projects: `unit` has no I/O; `integration` drives stores, HTTP and external test servers;
 * `e2e` drives the dashboard in headless Chromium (Debian's package; fails in CI when missing).
 */
const tsJest = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] };

/** @type {import('jest').Config} */
module.exports = {
  // Always run tests in worker processes, never in band: the workers start after the globalSetup and
  // so inherit NODE_EXTRA_CA_CERTS (the local OIDC provider's certificate), which Node reads only
  // at process start. The limit itself is generous; it only recycles a bloated worker.
  workerIdleMemoryLimit: '2GB',
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.js'],
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform: tsJest,
      setupFiles: ['<rootDir>/tests/support/quiet-logs.ts'],
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts', '<rootDir>/tests/dialogs/**/*.test.ts'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform: tsJest,
      setupFiles: ['<rootDir>/tests/support/quiet-logs.ts'],
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts', '<rootDir>/tests/contract/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.js',
      globalTeardown: '<rootDir>/tests/support/global-teardown.js',
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      transform: tsJest,
      setupFiles: ['<rootDir>/tests/support/quiet-logs.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/e2e/support/setup-timeout.ts'],
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/e2e/support/global-setup.js',
      globalTeardown: '<rootDir>/tests/e2e/support/global-teardown.js',
    },
  ],
};

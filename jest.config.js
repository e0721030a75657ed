/** Jest projects: `unit` has no I/O; `integration` drives stores, HTTP and external test servers. */
const tsJest = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] };

/** @type {import('jest').Config} */
module.exports = {
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
  ],
};

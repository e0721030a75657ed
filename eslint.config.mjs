// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const adapters = ['botbuilder', 'botbuilder-*', 'restify', 'restify-*', 'mongodb', '@azure/*', 'natural', 'natural/*', '@seald-io/*', 'mingo', 'mingo/*', 'pino'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
    },
  },
  {
    // Dependency rule: the domain imports nothing outside itself.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: adapters, message: 'src/domain must not depend on technology (see DESIGN.md dependency rule).' },
            { group: ['../../*', '!../../domain', '!../../domain/*'], message: 'src/domain imports nothing outside src/domain.' },
          ],
        },
      ],
    },
  },
  {
    // Application code throws AppError from the catalogue, never a bare Error.
    files: ['src/**/*.ts', 'dialogs/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "ThrowStatement > NewExpression[callee.name='Error']", message: 'Throw AppError with a code from src/domain/errors.ts.' },
      ],
    },
  },
  {
    // Adapters never reach into each other's technology except through the domain ports.
    files: ['dialogs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['mongodb', 'restify', '@seald-io/*', 'natural', 'natural/*', '**/storage/**', '**/http/**', '**/nlp/**'], message: 'Dialogs call domain services only.' }] },
      ],
    },
  },
  {
    files: ['scripts/**/*.ts', 'tests/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);

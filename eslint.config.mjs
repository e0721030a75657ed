// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const adapterPackages = ['botbuilder', 'botbuilder-*', 'restify', 'restify-*', 'mongodb', '@azure/*', 'natural', 'natural/*', '@seald-io/*', 'mingo', 'mingo/*', 'pino'];

/** Forbids imports of the given src folders (by relative path) and packages in the files of one layer. */
function layerRule(files, forbiddenFolders, forbiddenPackages) {
  return {
    files: [files],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^\\.{1,2}/(?:.*/)?(?:${forbiddenFolders.join('|')})(?:/|$)`,
              message: `${files.split('/**')[0]} must not import this layer (see the dependency rule in DESIGN.md).`,
            },
            { group: forbiddenPackages, message: `${files.split('/**')[0]} must not depend on this technology.` },
          ],
        },
      ],
    },
  };
}

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
  // Dependency rule (DESIGN.md): the domain imports nothing outside itself; the adapters (nlp, storage,
  // bot, http) depend on the domain, not on each other; dialogs call domain services only; only
  // src/main.ts knows every piece.
  layerRule('src/domain/**/*.ts', ['storage', 'nlp', 'bot', 'http', 'config', 'logging', 'main'], adapterPackages),
  layerRule('src/nlp/**/*.ts', ['storage', 'bot', 'http', 'main'], ['botbuilder', 'botbuilder-*', 'restify', 'mongodb', '@seald-io/*']),
  layerRule('src/storage/**/*.ts', ['nlp', 'bot', 'http', 'main'], ['restify', 'natural', 'natural/*']),
  layerRule('src/bot/**/*.ts', ['storage', 'nlp', 'http', 'main'], ['restify', 'mongodb', '@seald-io/*', 'natural', 'natural/*']),
  layerRule('src/http/**/*.ts', ['storage', 'nlp', 'bot', 'main'], ['botbuilder', 'botbuilder-*', 'mongodb', '@seald-io/*', 'natural', 'natural/*']),
  layerRule('dialogs/**/*.ts', ['storage', 'nlp', 'http', 'main'], ['restify', 'mongodb', '@seald-io/*', 'natural', 'natural/*']),
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
    files: ['scripts/**/*.ts', 'tests/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);

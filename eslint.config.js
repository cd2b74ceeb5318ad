// ESLint over the TypeScript: ESLint's and typescript-eslint's recommended rules. Without type
// information: the type-aware rules would take longer than `tsc`, which already checks types strictly.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // The tab's browser scripts and the build script are plain JavaScript for other globals; dist/ is compiled.
  { ignores: ['dist/', 'devTools/', 'test-results/', 'tab/', 'scripts/', '**/*.cjs', '**/*.js'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // A leading underscore marks a parameter kept for the signature's sake.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Matching control characters is the point where the bot refuses or strips them from input.
      'no-control-regex': 'off',
      // Tests match text laid out with runs of spaces: written as the text, they read as the text.
      'no-regex-spaces': 'off',
    },
  },
  {
    // The core and the features never depend on the Teams edge (see "Architecture" in the README).
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/bot/**', '**/bot'], message: 'src/ must not import bot/: the Teams edge depends on the core, not the other way.' },
            { group: ['botbuilder', 'botbuilder-*', 'botframework-*'], message: 'src/ must not import the Bot Framework SDK: it is kept inside bot/.' },
          ],
        },
      ],
    },
  },
);

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

// Lint rules: typescript-eslint's type-checked rules, plus import rules that keep the layers apart.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const FEATURES = [
  'actors',
  'auth',
  'citations',
  'deals',
  'node',
  'platforms',
  'records',
  'releases',
  'revisions',
  'search',
  'sources',
  'volumes',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'data/',
      'migrations/',
      'src/graphql/generated/',
      'tests/support/graphql/',
      'test-output/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'import-x/no-default-export': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-duplicates': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            // The database layer knows nothing of GraphQL or features.
            {
              target: './src/db',
              from: ['./src/graphql', './src/modules', './src/server.ts', './src/context.ts'],
            },
            // Features read each other through ctx.loaders, write through each other's
            // services and take each other's inputs (a deal's citations) through their input
            // schemas; nothing else crosses, but the deal filter: transferVolumes selects deals
            // by the same DealFilter, with the same validation and SQL.
            ...FEATURES.map((feature) => ({
              target: `./src/modules/${feature}`,
              from: './src/modules',
              except: [
                `./${feature}`,
                ...FEATURES.flatMap((other) => [
                  `./${other}/${other}.service.ts`,
                  `./${other}/${other}.input.ts`,
                ]),
                './deals/deal-filter.ts',
              ],
            })),
            // Only the test suite may import test support.
            { target: './src', from: './tests' },
          ],
        },
      ],
    },
  },
  {
    // Config files that tools load by default export.
    files: ['*.config.ts', '*.config.js', 'codegen.ts', 'tests/support/global-setup.ts'],
    rules: { 'import-x/no-default-export': 'off' },
  },
  {
    // Plain JavaScript: config, and npm's postinstall (it runs before tsx may be installed).
    files: ['eslint.config.js', 'scripts/postinstall.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  prettier,
);

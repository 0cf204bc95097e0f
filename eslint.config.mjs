// ESLint: typescript-eslint's recommended rules, three type-aware promise rules and the import boundaries the code
// keeps. Formatting is Prettier's (`npm run format`); nothing here checks layout.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;
const subgraphs = readdirSync(`${root}/subgraphs`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** Who may not import whom, by resolved path (relative `../` imports included); `allow` lifts named zones for a file. */
const boundaries = (allow = {}) => [
  { target: './gateway', from: './subgraphs', message: 'The gateway only routes: it never imports a subgraph.' },
  ...subgraphs.map((name) => ({
    target: `./subgraphs/${name}`,
    from: './subgraphs',
    except: [`./${name}`, ...(allow.subgraph?.[name] ?? [])],
    message: 'A subgraph never imports another subgraph: share through shared/ or the supergraph.',
  })),
  ...['./gateway', './hall', './ingest', './subgraphs', './scripts', './dev-identity', './bench', './test'].map(
    (from) => ({
      target: './shared',
      from,
      message: 'shared/ never imports upward.',
    }),
  ),
  ...subgraphs.map((name) => ({
    target: `./subgraphs/${name}/events`,
    from: `./subgraphs/${name}/resolvers`,
    message: 'Event consumers never import resolvers: call the domain operation where it lives.',
  })),
  ...['./hall', './ingest', './dev-identity'].flatMap((target) =>
    ['./subgraphs', './gateway'].map((from) => ({
      target,
      from,
      message: `${target.slice(2)}/ talks to the gateway over HTTP: it never imports the gateway or a subgraph.`,
    })),
  ),
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.data/', 'bench/results/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mjs'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.d.ts', '.js', '.json'] })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: boundaries() }],
      // A boundary is only checked where the import resolves: an unresolved one would pass unseen.
      'import-x/no-unresolved': ['error', { ignore: ['^node:'] }],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
      // Input checks match control characters on purpose (shared/text/control-characters.ts, the hall's return path).
      'no-control-regex': 'off',
      // Chinese text in page templates spaces with U+3000 on purpose.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true }],
      // Prettier's layout sets it off; Prettier never writes the ambiguous line it guards against.
      'no-unexpected-multiline': 'off',
      // Tracing's SDK loads lazily so a process without tracing never loads OpenTelemetry (shared/tracing/start-tracing.ts).
      '@typescript-eslint/no-require-imports': ['error', { allow: ['^\\./tracing-sdk$'] }],
    },
  },
  {
    files: ['**/*.ts'],
    ignores: ['hall/browser/**'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: root } },
  },
  {
    files: ['hall/browser/**/*.ts'],
    languageOptions: { parserOptions: { project: './tsconfig.browser.json', tsconfigRootDir: root } },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  // Known crossings, each lifted for the one file that has it.
  {
    // Demo only: the seed computes what subjects' events would carry with subjects' own rules.
    files: ['subgraphs/repairs/seed.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { basePath: root, zones: boundaries({ subgraph: { repairs: ['./subjects/rules'] } }) },
      ],
    },
  },
  {
    // Demo only: the seed computes what subjects' events would carry (publicity, street) with subjects' own rules.
    files: ['subgraphs/evaluations/seed.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { basePath: root, zones: boundaries({ subgraph: { evaluations: ['./subjects/rules'] } }) },
      ],
    },
  },
  {
    files: ['jest.config.js'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

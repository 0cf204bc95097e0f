// Measured on the tree before it was first formatted: single quotes, semicolons, trailing commas, two spaces, and
// hand-wrapped comments that stop at 120 columns (nine lines in ten are within 110). Imports: node's, then packages,
// then the repository's own, each sorted by path, names sorted inside the braces.
/** @type {import('prettier').Config} */
export default {
  printWidth: 120,
  singleQuote: true,
  trailingComma: 'all',
  overrides: [
    {
      files: ['*.ts', '*.js', '*.mjs'],
      // A subgraph's server imports its resolvers in the order type-graphql registers their fields, which is the
      // order of the fields in supergraph.graphql: sorting those imports would reorder the schema.
      excludeFiles: ['subgraphs/*/server.ts'],
      options: {
        plugins: ['@ianvs/prettier-plugin-sort-imports'],
        importOrder: ['<BUILTIN_MODULES>', '<THIRD_PARTY_MODULES>', '^[.]'],
        // type-graphql's decorators are the legacy (experimentalDecorators) kind.
        importOrderParserPlugins: ['typescript', 'decorators-legacy'],
      },
    },
  ],
};

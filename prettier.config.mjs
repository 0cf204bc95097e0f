// Measured on the tree before it was first formatted: single quotes, semicolons, trailing commas, two spaces, and
// hand-wrapped comments that stop at 120 columns (nine lines in ten are within 110). Imports: node's, then packages,
// then the repository's own, each sorted by path, names sorted inside the braces. A subgraph's server.ts is left
// alone (.prettierignore): the order of its imports is the order of the supergraph's fields.
/** @type {import('prettier').Config} */
export default {
  printWidth: 120,
  singleQuote: true,
  trailingComma: 'all',
  plugins: ['@ianvs/prettier-plugin-sort-imports'],
  importOrder: ['<BUILTIN_MODULES>', '<THIRD_PARTY_MODULES>', '^[.]'],
  // type-graphql's decorators are the legacy (experimentalDecorators) kind.
  importOrderParserPlugins: ['typescript', 'decorators-legacy'],
};

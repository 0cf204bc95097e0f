/**
 * SQL text with every literal value replaced by `?`, for spans. MikroORM inlines values into the statements it
 * sends (`where "uscc" in ('9132…')`), so the text alone would carry identifiers and names into the traces.
 * Quoted identifiers and `$1` placeholders stay; strings (also E'…' and $tag$…$tag$, and an unterminated one to
 * the end) and numbers (.5, 1., 1e3, 0x1F, 1_000) go; comments are dropped, so a quote in one shifts nothing.
 */
const TOKENS = new RegExp(
  [
    /"(?:[^"]|"")*"/.source,
    /--[^\n]*|\/\*[\s\S]*?\*\//.source,
    /(?<![\w$])[eE]'(?:[^'\\]|''|\\.)*'/.source,
    /'(?:[^']|'')*'/.source,
    /\$([A-Za-z_]\w*)?\$[\s\S]*?\$\1\$/.source,
    // Unterminated: everything after the opening quote is a value.
    /'[\s\S]*$|\$(?:[A-Za-z_]\w*)?\$[\s\S]*$/.source,
    /(?<![\w$.])(?:0[xX][\dA-Fa-f_]+|0[oO][0-7_]+|0[bB][01_]+|(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][-+]?\d+)?)(?![\w.])/
      .source,
  ].join('|'),
  'g',
);

export function withoutLiterals(sql: string): string {
  return sql.replace(TOKENS, (token) =>
    token.startsWith('"') ? token : token.startsWith('--') || token.startsWith('/*') ? '' : '?',
  );
}

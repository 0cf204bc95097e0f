/**
 * SQL text with every literal value replaced by `?`, for spans. MikroORM inlines values into the statements it
 * sends (`where "uscc" in ('9132…')`), so the text alone would carry identifiers and names into the traces.
 * Quoted identifiers and `$1` placeholders stay; strings (also E'…' and $tag$…$tag$) and numbers go.
 */
const TOKENS = /"(?:[^"]|"")*"|(?<![\w$])[eE]'(?:[^'\\]|''|\\.)*'|'(?:[^']|'')*'|\$([A-Za-z_]\w*)?\$[\s\S]*?\$\1\$|(?<![\w$.])\d+(?:\.\d+)?(?:[eE][-+]?\d+)?(?![\w.])/g;

export function withoutLiterals(sql: string): string {
  return sql.replace(TOKENS, (token) => (token.startsWith('"') ? token : '?'));
}

import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';

/**
 * Bounds on the document text, checked before Apollo Server parses it.
 *
 * Chosen over @escape.tech/graphql-armor: its Apollo adapter counts tokens by
 * parsing the document a second time in `parsingDidStart` (a failure there is
 * an unexpected error, not a 400), and its depth rule runs after the parse —
 * which is where graphql-js's recursive descent overflows the stack on a few
 * thousand nested brackets. One pass of graphql-js's own lexer counts tokens
 * and nesting and stops at the first breach; Apollo's `parseOptions.maxTokens`
 * keeps the same token limit on the parse itself. Depth of fields, aliases and
 * cost stay with our cost model (limits.ts), which knows list sizes.
 */
export interface DocumentLimits {
  /** Characters of document text; data belongs in variables (the largest client document is 1.4 KB). */
  maxLength: number;
  /** Tokens a document may have (Apollo Router's default is 15,000). */
  maxTokens: number;
  /** Brackets `{ [ (` open at once: selections, list and object values, arguments. */
  maxNesting: number;
}

const OPENING: ReadonlySet<TokenKind> = new Set([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const CLOSING: ReadonlySet<TokenKind> = new Set([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

function rejected(code: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

/** The first bound the document breaks; null when within both (or when it is not lexable: the parser says why). */
export function checkDocument(text: string, limits: DocumentLimits): GraphQLError | null {
  // Lexing costs ~25 ms per MB here, comments and whitespace included: the length is bounded first.
  if (text.length > limits.maxLength)
    return rejected(
      'DOCUMENT_TOO_LONG',
      `the document has ${text.length} characters; the limit is ${limits.maxLength} (send data as variables)`,
    );
  const lexer = new Lexer(new Source(text));
  let tokens = 0;
  let nesting = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      tokens += 1;
      if (tokens > limits.maxTokens)
        return rejected('TOO_MANY_TOKENS', `the document has more than ${limits.maxTokens} tokens`);
      if (OPENING.has(token.kind)) {
        nesting += 1;
        if (nesting > limits.maxNesting)
          return rejected('QUERY_TOO_DEEP', `the document nests more than ${limits.maxNesting} brackets deep`);
      } else if (CLOSING.has(token.kind)) nesting -= 1;
    }
  } catch {
    return null;
  }
  return null;
}

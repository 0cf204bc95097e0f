import { OperationDefinitionNode, parse } from 'graphql';
import { checkDocument } from '../../gateway/limits/document-limits';
import { formatErrorForClients, shortenEcho } from '../../shared/graphql/format-error';
import {
  checkOperationInputs,
  DEFAULT_STRING_LENGTH,
  FREE_TEXT_LENGTH,
  PER_REQUEST_LISTS,
  STRING_LENGTHS,
  stringLimit,
} from '../../shared/graphql/input-limits';
import { REPORT_FIELDS } from '../../shared/reporting/fields';
import { apiSchema } from '../support/operations';

const LIMITS = { maxLength: 100_000, maxTokens: 15_000, maxNesting: 64 };

function coordinateExists(coordinate: string): boolean {
  const schema = apiSchema();
  const argument = /^(\w+)\.(\w+)\((\w+):\)$/.exec(coordinate);
  if (argument) {
    const type = schema.getType(argument[1]) as
      { getFields?: () => Record<string, { args: { name: string }[] }> } | undefined;
    return Boolean(type?.getFields?.()[argument[2]]?.args.some((a) => a.name === argument[3]));
  }
  const [typeName, field] = coordinate.split('.');
  const type = schema.getType(typeName) as { getFields?: () => Record<string, unknown> } | undefined;
  return Boolean(type?.getFields?.()[field]);
}

function inputs(document: string, variables: Record<string, unknown> = {}) {
  const parsed = parse(document);
  const error = checkOperationInputs(
    apiSchema(),
    parsed,
    parsed.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode,
    variables,
  );
  return error && { message: error.message, ...error.extensions };
}

describe('input limits', () => {
  it('declares longer limits only for coordinates the supergraph has', () => {
    expect(
      [...STRING_LENGTHS.keys(), ...PER_REQUEST_LISTS.flatMap((g) => g.coordinates)].filter(
        (c) => !coordinateExists(c),
      ),
    ).toEqual([]);
  });

  it('lets an objection’s grounds and decision be as long as a repair application’s reason', () => {
    for (const coordinate of ['ObjectionInput.grounds', 'WindowObjectionInput.grounds', 'ObjectionDecisionInput.note'])
      expect([coordinate, stringLimit(coordinate, coordinate.split('.')[0])]).toEqual([coordinate, FREE_TEXT_LENGTH]);
    expect(stringLimit('RepairApplicationInput.reason', 'RepairApplicationInput')).toBe(FREE_TEXT_LENGTH);
  });

  it('applies the default to searches and leaves 双公示 record fields to the per-record validation (their own lengths)', () => {
    expect(stringLimit('Query.subjects(search:)', 'Query')).toBe(DEFAULT_STRING_LENGTH);
    expect(stringLimit('PenaltyReport.facts', 'PenaltyReport')).toBeNull();
    expect(REPORT_FIELDS.penalties.find((f) => f.field === 'facts')?.maxLength).toBe(4000);
  });

  it('names the argument, counts characters rather than UTF-16 units, follows fragments', () => {
    expect(inputs('{ subjects(search: "a\\u0000") { totalCount } }')).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'search',
    });
    expect(inputs('query($s: String) { subjects(search: $s) { totalCount } }', { s: '𠀀'.repeat(200) })).toBeNull();
    expect(inputs('query($s: String) { subjects(search: $s) { totalCount } }', { s: '𠀀'.repeat(201) })).toMatchObject({
      argument: 's',
    });
    expect(
      inputs(`query { ...F } fragment F on Query { subjects(search: "${'x'.repeat(201)}") { totalCount } }`),
    ).toMatchObject({ argument: 'search' });
    expect(inputs('{ publicityQuality(from: "2026-02-29", to: "2026-03-01") { kind } }')).toMatchObject({
      argument: 'from',
    });
    expect(inputs('{ publicityQuality(from: "2028-02-29", to: "2028-03-01") { kind } }')).toBeNull();
  });

  it('sums list limits over aliases', () => {
    const codes = (n: number) => Array.from({ length: n }, () => '9144030071526726XG');
    const two =
      'query($a: [String!]!, $b: [String!]!) { x: screen(usccs: $a, scenario: BIDDING) { uscc } y: screen(usccs: $b, scenario: BIDDING) { uscc } }';
    expect(inputs(two, { a: codes(5000), b: codes(5000) })).toBeNull();
    expect(inputs(two, { a: codes(5000), b: codes(5001) })).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'usccs',
    });
  });
});

describe('document limits', () => {
  it('counts tokens and nesting, comments aside, and bounds the length first', () => {
    expect(checkDocument(`{ ${'a '.repeat(14_990)}}`, LIMITS)).toBeNull();
    expect(checkDocument(`{ ${'a '.repeat(15_000)}}`, LIMITS)?.extensions.code).toBe('TOO_MANY_TOKENS');
    expect(checkDocument(`# ${'{'.repeat(1000)}\n{ a }`, LIMITS)).toBeNull();
    expect(checkDocument(`${'{ a '.repeat(64)}${'}'.repeat(64)}`, LIMITS)).toBeNull();
    expect(checkDocument(`${'{ a '.repeat(65)}${'}'.repeat(65)}`, LIMITS)?.extensions.code).toBe('QUERY_TOO_DEEP');
    expect(checkDocument(' '.repeat(100_001), LIMITS)?.extensions.code).toBe('DOCUMENT_TOO_LONG');
  });
});

describe('error messages', () => {
  it('quote at most 100 characters of a value', () => {
    const message = `Int cannot represent non-integer value: "${'x'.repeat(1_000_000)}"`;
    const short = shortenEcho(message);
    expect(short).toBe(`Int cannot represent non-integer value: "${'x'.repeat(100)}…"`);
    expect(shortenEcho('Value "GREY" does not exist in "CreditList" enum.')).toBe(
      'Value "GREY" does not exist in "CreditList" enum.',
    );
  });

  it('carry no suggestions in production, and keep them in development', () => {
    const logger = { error: () => undefined } as never;
    const formatted = {
      message: 'Cannot query field "departmnts" on type "Query". Did you mean "departments" or "repairStats"?',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    };
    expect(formatErrorForClients(logger, true)(formatted, null).message).toBe(
      'Cannot query field "departmnts" on type "Query".',
    );
    expect(formatErrorForClients(logger, false)(formatted, null).message).toBe(formatted.message);
  });
});

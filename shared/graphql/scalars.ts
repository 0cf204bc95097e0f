import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date as 'YYYY-MM-DD'; null when the text is not a real date. */
export function parseCalendarDate(value: string): string | null {
  const match = DATE.exec(value);
  if (!match) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? value : null;
}

function coerceDate(value: unknown): string {
  const parsed = typeof value === 'string' ? parseCalendarDate(value) : null;
  if (parsed === null) {
    throw new GraphQLError(`Date must be a calendar date 'YYYY-MM-DD', got ${JSON.stringify(value)}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return parsed;
}

/** 日期: decision dates, validity ends and the like carry no time of day or zone. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: "日期 — a calendar date 'YYYY-MM-DD' (China Standard Time)",
  serialize: (value) => {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return coerceDate(value);
  },
  parseValue: coerceDate,
  parseLiteral: (ast) => coerceDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

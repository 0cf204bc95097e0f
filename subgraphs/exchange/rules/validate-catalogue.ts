import { AuthorityKind, CreditList } from '../../../shared/domain/vocabulary';
import { EXCHANGE_RECORD_KINDS } from '../../../shared/exchange/record-snapshot';
import { MAX_CATALOGUE_LINES } from '../../../shared/graphql/input-limits';
import type { LineSpec } from './catalogue';
import type { Problem } from './receiver';

/** A line names at most this many fields, each a producer's field name (letters and digits, ≤ 48). */
export const MAX_LINE_FIELDS = 64;
const FIELD_NAME = /^[a-zA-Z][a-zA-Z0-9]{0,47}$/;

const LISTS: readonly string[] = Object.values(CreditList);
const AUTHORITY_KINDS: readonly string[] = Object.values(AuthorityKind);

function valuesProblem(at: string, values: readonly string[] | undefined, allowed: readonly string[]): Problem | null {
  if (values === undefined) return null;
  if (values.length === 0) return { field: at, message: `${at}: empty (leave it out to take every value)` };
  const unknown = values.find((v) => !allowed.includes(v));
  if (unknown !== undefined) return { field: at, message: `${at}: ${unknown} is not one of ${allowed.join(', ')}` };
  if (new Set(values).size !== values.length) return { field: at, message: `${at}: a value is named twice` };
  return null;
}

function lineProblem(line: LineSpec, at: string, receivers: ReadonlySet<string>): Problem | null {
  if (!receivers.has(line.receiverCode))
    return { field: `${at}.receiverCode`, message: `no receiver ${line.receiverCode} (register it first)` };
  if (!(EXCHANGE_RECORD_KINDS as readonly string[]).includes(line.kind))
    return { field: `${at}.kind`, message: `kind: not one of ${EXCHANGE_RECORD_KINDS.join(', ')}` };
  if (line.fields !== null) {
    if (line.fields.length === 0 || line.fields.length > MAX_LINE_FIELDS)
      return { field: `${at}.fields`, message: `fields: 1–${MAX_LINE_FIELDS} names, or null for every field` };
    const bad = line.fields.find((f) => !FIELD_NAME.test(f));
    if (bad !== undefined)
      return {
        field: `${at}.fields`,
        message: `fields: ${JSON.stringify(bad)} is not a field name (letters, digits, ≤ 48)`,
      };
    if (new Set(line.fields).size !== line.fields.length)
      return { field: `${at}.fields`, message: 'fields: a field is named twice' };
  }
  const { rules } = line;
  if (rules.includeMinor !== undefined && line.kind !== 'PENALTY')
    return { field: `${at}.includeMinor`, message: 'includeMinor: only a PENALTY line has minor records' };
  if ((rules.lists !== undefined || rules.authorityKinds !== undefined) && line.kind !== 'LIST_ENTRY')
    return { field: `${at}.lists`, message: 'lists and authorityKinds: only on a LIST_ENTRY line' };
  return (
    valuesProblem(`${at}.lists`, rules.lists, LISTS) ??
    valuesProblem(`${at}.authorityKinds`, rules.authorityKinds, AUTHORITY_KINDS)
  );
}

/** The first thing wrong with a whole catalogue about to be published (`lines[3].fields`), or null. */
export function catalogueProblem(lines: readonly LineSpec[], receivers: ReadonlySet<string>): Problem | null {
  if (lines.length === 0 || lines.length > MAX_CATALOGUE_LINES)
    return { field: 'lines', message: `a catalogue has 1–${MAX_CATALOGUE_LINES} lines, got ${lines.length}` };
  const seen = new Set<string>();
  for (const [i, line] of lines.entries()) {
    const problem = lineProblem(line, `lines[${i}]`, receivers);
    if (problem) return problem;
    const id = `${line.receiverCode}|${line.kind}`;
    if (seen.has(id)) return { field: `lines[${i}]`, message: `${line.receiverCode} has a second ${line.kind} line` };
    seen.add(id);
  }
  return null;
}

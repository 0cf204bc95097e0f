import type { Scenario } from '../../../shared/domain/vocabulary';
import { badUserInput } from '../../../shared/graphql/errors';
import { REPORT_MATTER_LENGTH, REPORT_PURPOSE_LENGTH } from '../../../shared/graphql/input-limits';
import { checkUscc, mayLookUp } from '../../../shared/identifiers/uscc';
import { hasControlCharacters } from '../../../shared/text/control-characters';
import { CreditReportKind } from './report-kind';
import { SELF_SERVICE_MATTER } from './self-service';

export interface IssueArguments {
  /** The subject's 统一社会信用代码; null: the caller itself (issueMyCreditReport), read through mySubject. */
  uscc: string | null;
  kind: CreditReportKind;
  scenario: Scenario | null;
  matter: string;
  purpose: string | null;
}

function printable(argument: string, value: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed === '' || [...trimmed].length > max)
    throw badUserInput(argument, `'${argument}' must have 1–${max} characters`);
  if (hasControlCharacters(trimmed))
    throw badUserInput(argument, `'${argument}' may not contain control characters (it is printed on the report)`);
  return trimmed;
}

/** Every argument of issueCreditReport bounded and normalized before any work starts; BAD_USER_INPUT names the first bad one. */
export function issueArguments(raw: {
  uscc: string;
  kind: CreditReportKind;
  scenario?: Scenario | null;
  matter: string;
  purpose?: string | null;
}): IssueArguments {
  const check = checkUscc(raw.uscc);
  // A code that fails only its checksum is still looked up, as screening does (DESIGN.md, "USCC pitfalls").
  if (!mayLookUp(check)) throw badUserInput('uscc', check.reason ?? 'not a 统一社会信用代码');
  const scenario = raw.scenario ?? null;
  if (raw.kind === CreditReportKind.REVIEW && scenario === null)
    throw badUserInput('scenario', 'a credit review report (REVIEW) is issued for a scenario (应用场景)');
  const purpose = purposeOf(raw.purpose);
  return {
    uscc: check.normalized,
    kind: raw.kind,
    scenario: raw.kind === CreditReportKind.REVIEW ? scenario : null,
    matter: printable('matter', raw.matter, REPORT_MATTER_LENGTH),
    purpose,
  };
}

function purposeOf(raw: string | null | undefined): string | null {
  return raw == null || raw.trim() === '' ? null : printable('purpose', raw, REPORT_PURPOSE_LENGTH);
}

/** issueMyCreditReport's: the caller's own 公共信用信息报告, for the 用途 it gives (bounded as a staff report's). */
export function ownReportArguments(raw: { purpose?: string | null }): IssueArguments {
  return {
    uscc: null,
    kind: CreditReportKind.OWN_RECORD,
    scenario: null,
    matter: SELF_SERVICE_MATTER,
    purpose: purposeOf(raw.purpose),
  };
}

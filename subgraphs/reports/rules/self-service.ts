import { Scope, SCOPES } from '../../../shared/auth/policy';
import { maskPersonId } from '../../../shared/identifiers/person-id';
import { CreditReportKind } from './report-kind';

/**
 * 自助出具 (issue 18): the subject signed in as itself has its own 公共信用信息报告 issued online. No
 * department acts, so the report names the platform as the issuing unit and the subject as who asked;
 * the stored row tells such a report by its missing department (issuerOrg null).
 */
export const PLATFORM_ISSUER_NAME = '姑苏区公共信用信息平台';

/** What a report the subject asked for itself prints and stores as its 办理事项 (the argument is its 用途). */
export const SELF_SERVICE_MATTER = '信用主体本人查询自身公共信用信息';

/** Who issues and downloads credit reports: the window and terminals (credit:report), or the subject itself. */
export const CREDIT_REPORT_RULE: Scope[][] = [[SCOPES.report], [SCOPES.self]];

interface StoredReport {
  kind: CreditReportKind;
  subjectId: string;
  issuerOrg: string | null;
}

/** A report the subject asked for itself: no department issued it. */
export function isSelfRequested(report: { issuerOrg: string | null }): boolean {
  return report.issuerOrg === null;
}

/**
 * Whether the subject with this platform id downloads the stored report: only its own 公共信用信息报告
 * that it asked for itself. A 信用审查报告 about it (the window's, with watch-list entries it has not been
 * told of) and every report about another are, to it, reports that do not exist.
 */
export function downloadableBySubject(report: StoredReport, ownSubjectId: string | null): boolean {
  return (
    ownSubjectId !== null &&
    report.subjectId === ownSubjectId &&
    report.kind === CreditReportKind.OWN_RECORD &&
    isSelfRequested(report)
  );
}

/**
 * How the report identifies its subject (主体基本信息): an organisation by its 统一社会信用代码; a natural
 * person, who has none, by its 证件号码 masked as everywhere the public may see it (the report is handed on).
 */
export function subjectIdentifier(uscc: string | null, idNumber: string | null): { label: string; value: string } {
  if (uscc !== null) return { label: '统一社会信用代码', value: uscc };
  if (idNumber !== null) return { label: '证件号码', value: maskPersonId(idNumber) };
  return { label: '统一社会信用代码', value: '—' };
}

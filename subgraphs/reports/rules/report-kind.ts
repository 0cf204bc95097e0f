import { ListEntryStatus } from '../../../shared/domain/vocabulary';

/** 信用报告类别 */
export enum CreditReportKind {
  /** 信用审查报告: for a matter being handled; verdict and measures for its scenario. */
  REVIEW = 'REVIEW',
  /** 公共信用信息报告: what the subject may see about itself; no verdict, no measures. */
  OWN_RECORD = 'OWN_RECORD',
}

export const REPORT_TITLES: Readonly<Record<CreditReportKind, string>> = {
  [CreditReportKind.REVIEW]: '信用审查报告',
  [CreditReportKind.OWN_RECORD]: '公共信用信息报告',
};

/**
 * The list entries a subject's own report shows: those it has been told of and
 * that still stand (国办发〔2020〕49号: notice before listing). An entry only
 * designated has not been told yet; a removed or expired one no longer applies.
 */
const TOLD_AND_STANDING: ReadonlySet<string> = new Set([
  ListEntryStatus.NOTIFIED,
  ListEntryStatus.OBJECTED,
  ListEntryStatus.PUBLISHED,
]);

export function shownToSubject(status: string): boolean {
  return TOLD_AND_STANDING.has(status);
}

import type { Verdict } from '../../../shared/domain/vocabulary';
import type { CreditReportKind } from '../rules/report-kind';

/** One entry of a section, as printed: a headline and the lines under it. */
export interface PrintedItem {
  headline: string;
  lines: string[];
}

export interface PrintedSection {
  title: string;
  /** 数据截止时间 of the section; null when its source did not answer (printed 暂不可用). */
  cutoff: Date | null;
  /** Where the data comes from (归集来源). */
  source: string;
  items: PrintedItem[];
  /** Printed when there is nothing (e.g. 无名单记录). */
  empty: string;
  /** E.g. 共 120 条，本报告列出 100 条. */
  note: string | null;
}

/** Everything a report prints, decided before the first line is drawn. */
export interface ReportContent {
  kind: CreditReportKind;
  title: string;
  number: string;
  issuedAt: Date;
  validUntil: string;
  validityNote: string;
  /** The department and officer who issued it; for a report the subject asked for itself, the platform and the subject's login. */
  issuer: { orgCode: string | null; orgName: string; officerName: string; officerSub: string; selfRequested: boolean };
  matter: string;
  purpose: string | null;
  scenario: string | null;
  subject: {
    name: string;
    /** 统一社会信用代码, or a natural person's masked 证件号码 (rules/self-service.ts subjectIdentifier). */
    identifier: { label: string; value: string };
    kind: string;
    status: string;
    legalRepresentative: string | null;
    address: string | null;
    cutoff: Date;
  };
  /** null for a subject's own report. */
  verdict: { value: Verdict; label: string; meaning: string; measures: PrintedItem[]; cutoff: Date } | null;
  sections: PrintedSection[];
  verification: { code: string; url: string };
  signer: string;
}

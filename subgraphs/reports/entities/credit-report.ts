import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Scenario, SubjectKind, Verdict } from '../../../shared/domain/vocabulary';
import { CreditReportKind } from '../rules/report-kind';

/** When each section's source answered (ISO instants), by section: what the report prints as 数据截止时间. */
export type SectionCutoffs = Record<string, string>;

/**
 * 出具的信用报告, as issued: written once, never updated (a trigger refuses
 * UPDATE and DELETE). The PDF is the record; the columns beside it are what
 * verification and the download need without opening it.
 */
@Entity({ tableName: 'credit_report' })
export class CreditReport {
  @PrimaryKey({ length: 16 })
  number!: string;

  @Enum(() => CreditReportKind)
  kind!: CreditReportKind;

  @Property({ type: 'uuid' })
  subjectId!: string;

  /** null for a natural person (its own report: it has no 统一社会信用代码). */
  @Property({ length: 18, nullable: true })
  subjectUscc!: string | null;

  @Property()
  subjectName!: string;

  @Enum(() => SubjectKind)
  subjectKind!: SubjectKind;

  @Enum({ items: () => Scenario, nullable: true })
  scenario!: Scenario | null;

  @Property({ length: 100 })
  matter!: string;

  @Property({ length: 200, nullable: true })
  purpose!: string | null;

  /** Who asked: a department's officer, or the subject's own login (issueMyCreditReport). */
  @Property({ length: 200 })
  issuerSub!: string;

  @Property({ length: 200 })
  issuerName!: string;

  /** The issuing department; null when the subject asked for its own report (rules/self-service.ts). */
  @Property({ length: 32, nullable: true })
  issuerOrg!: string | null;

  @Property({ nullable: true })
  issuerOrgName!: string | null;

  @Property({ type: 'timestamptz' })
  issuedAt!: Date;

  /** Last valid day (China), inclusive. */
  @Property({ type: 'date' })
  validUntil!: string;

  /** The validity rule applied (reports.report_validity_rule at issue time). */
  @Property()
  validityDays!: number;

  @Property({ type: 'text' })
  validitySource!: string;

  /** null for a subject's own 公共信用信息报告 (no verdict). */
  @Enum({ items: () => Verdict, nullable: true })
  verdict!: Verdict | null;

  @Property({ type: 'json' })
  sectionCutoffs!: SectionCutoffs;

  /** Printed on the report; kept as is, since the stored PDF carries it anyway (see rules/verification-code.ts). */
  @Property({ length: 12 })
  verificationCode!: string;

  /** SHA-256 (hex) of `pdf`, the signed bytes as issued. */
  @Property({ length: 64 })
  sha256!: string;

  @Property()
  pdfSize!: number;

  @Property({ type: 'blob', lazy: true })
  pdf!: Buffer;
}

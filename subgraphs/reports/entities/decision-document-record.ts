import { Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { SubjectKind } from '../../../shared/domain/vocabulary';
import { DecisionKind } from '../rules/decision-kind';

/**
 * 出具的决定书 (信用修复决定书, 异议处理决定书), as issued: one per (kind, case), written once,
 * never updated (a trigger refuses UPDATE and DELETE). The PDF is the record; the columns
 * beside it are what the download and the access check need without opening it.
 */
@Entity({ tableName: 'decision_document' })
@Unique({ name: 'decision_document_kind_case_id_unique', properties: ['kind', 'caseId'] })
export class DecisionDocumentRecord {
  @PrimaryKey({ length: 16 })
  number!: string;

  @Enum(() => DecisionKind)
  kind!: DecisionKind;

  @Property({ type: 'uuid' })
  caseId!: string;

  @Property({ length: 32, nullable: true })
  caseNumber!: string | null;

  /** The case's status when decided (APPROVED, DENIED, UPHELD, DISMISSED). */
  @Property({ length: 32 })
  caseStatus!: string;

  /** As printed: 准予信用修复 … */
  @Property({ length: 64 })
  decision!: string;

  @Property({ type: 'uuid' })
  subjectId!: string;

  @Property({ length: 18, nullable: true })
  subjectUscc!: string | null;

  @Property()
  subjectName!: string;

  /** null for documents issued before it was kept (Migration20261203183000). */
  @Enum({ items: () => SubjectKind, nullable: true })
  subjectKind!: SubjectKind | null;

  /** The deciding and the handling department: with the credit office, who downloads the document by number. */
  @Property({ length: 32, nullable: true })
  decidedByCode!: string | null;

  @Property({ length: 32, nullable: true })
  handledByCode!: string | null;

  /** Who asked first (a clerk, a department, the subject itself); null org for a subject. */
  @Property({ length: 200 })
  issuerSub!: string;

  @Property({ length: 32, nullable: true })
  issuerOrg!: string | null;

  @Property({ type: 'timestamptz' })
  issuedAt!: Date;

  /** Printed on the document (rules/verification-code.ts), kept as is like a report's. */
  @Property({ length: 12 })
  verificationCode!: string;

  @Property({ length: 64 })
  sha256!: string;

  @Property()
  pdfSize!: number;

  @Property({ type: 'blob', lazy: true })
  pdf!: Buffer;
}

import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { CreditReportKind } from '../rules/report-kind';

/** 报告有效期 per report kind: data, so the credit office can change it without a release. */
@Entity({ tableName: 'report_validity_rule' })
export class ReportValidityRule {
  @PrimaryKey()
  @Enum(() => CreditReportKind)
  kind!: CreditReportKind;

  @Property()
  days!: number;

  @Property({ type: 'text' })
  source!: string;
}

import { Field, Int, ObjectType } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { Verdict } from '../../../shared/domain/vocabulary';
import { DateScalar } from '../../../shared/graphql/scalars';
import { CreditReportKind } from '../rules/report-kind';
import { CREDIT_REPORT_RULE } from '../rules/self-service';
import { SubjectRef } from './stubs';
import './enums';

/** The answer to issueCreditReport and issueMyCreditReport: what was issued, where to download it, how it is verified. */
@ObjectType({ description: '已出具的信用报告 (credit:report, or the subject itself for its own)' })
@RequiresScopes(...CREDIT_REPORT_RULE)
export class IssuedCreditReport {
  @Field({ description: '报告编号 (GSXY-年份-顺序号)' })
  number!: string;

  @Field(() => CreditReportKind, { description: '报告类别' })
  kind!: CreditReportKind;

  @Field({ description: '核验码 (printed on the report; 12 symbols, shown in groups of four)' })
  verificationCode!: string;

  @Field({ description: '出具时间' })
  issuedAt!: Date;

  @Field(() => DateScalar, { description: '有效期至 (含当日, 中国时间)' })
  validUntil!: string;

  @Field(() => Verdict, { nullable: true, description: '比对结论; null for a subject’s own 公共信用信息报告' })
  verdict!: Verdict | null;

  @Field({ description: 'SHA-256 (hex) of the signed PDF as issued' })
  sha256!: string;

  @Field(() => Int, { description: 'PDF 字节数' })
  sizeBytes!: number;

  @Field({ description: '下载地址 (GET, the same bearer token as /graphql)' })
  downloadUrl!: string;

  @Field({ description: '核验页面地址 (public; the QR code on the report opens it)' })
  verifyUrl!: string;

  @Field(() => SubjectRef, { description: '报告主体' })
  subject!: SubjectRef;

  /** Not a field: whose report it is, for the subject's self check (shared/auth/self.ts recordOfSelf). */
  subjectId!: string;
}

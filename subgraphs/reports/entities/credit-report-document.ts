import { Field, Int, ObjectType } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { CREDIT_REPORT_RULE } from '../rules/self-service';
import { SubjectRef } from './stubs';

/** The stored PDF itself, byte for byte as issued. */
@ObjectType({
  description:
    '信用报告文件 (credit:report: the issuing department or the credit office; subject:self: its own 公共信用信息报告 that it asked for)',
})
@RequiresScopes(...CREDIT_REPORT_RULE)
export class CreditReportDocument {
  @Field({ description: '报告编号' })
  number!: string;

  @Field({ description: 'application/pdf' })
  contentType!: string;

  @Field({ description: '文件名' })
  filename!: string;

  @Field({ description: 'the PDF, base64' })
  base64!: string;

  @Field({ description: 'SHA-256 (hex) of the PDF' })
  sha256!: string;

  @Field(() => Int, { description: 'PDF 字节数' })
  sizeBytes!: number;

  @Field(() => SubjectRef, { description: '报告主体' })
  subject!: SubjectRef;

  /** Not a field: whose report it is, for the subject's self check (shared/auth/self.ts recordOfSelf). */
  subjectId!: string;
}

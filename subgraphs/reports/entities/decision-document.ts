import { Field, ID, Int, ObjectType } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { DECISION_DOCUMENT_RULE } from '../rules/decision-access';
import { DecisionKind } from '../rules/decision-kind';
import './enums';
import { SubjectRef } from './stubs';

/** A decision document as answered: its facts and the stored PDF itself, byte for byte as issued. */
@ObjectType({
  description:
    '决定书 (信用修复决定书 / 异议处理决定书): numbered, signed, stored once per case (credit:report, repairs:handle, repairs:intake, or the subject itself)',
})
@RequiresScopes(...DECISION_DOCUMENT_RULE)
export class DecisionDocument {
  @Field({ description: '决定书编号 (GSJD-YYYY-NNNNNN)' })
  number!: string;

  @Field(() => DecisionKind, { description: '决定书类别' })
  kind!: DecisionKind;

  @Field(() => ID, { description: '案件 id (信用修复案件 / 异议案件)' })
  caseId!: string;

  @Field(() => String, { nullable: true, description: '受理编号 (null for cases filed before receipts)' })
  caseNumber!: string | null;

  @Field({ description: '决定 (as printed: 准予信用修复 / 不予信用修复 / 异议成立… / 异议不成立)' })
  decision!: string;

  @Field({ description: '出具时间' })
  issuedAt!: Date;

  @Field({ description: '核验码 (as printed: XXXX-XXXX-XXXX)' })
  verificationCode!: string;

  @Field({ description: '核验地址 (verifyDecisionDocument with the number and code)' })
  verifyUrl!: string;

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

  @Field(() => SubjectRef, { description: '决定书所涉主体' })
  subject!: SubjectRef;

  /** Not a field: whose document it is, for the subject's self check (shared/auth/self.ts recordOfSelf). */
  subjectId!: string;
}

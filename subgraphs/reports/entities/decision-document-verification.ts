import { Field, ObjectType } from 'type-graphql';
import { DecisionKind } from '../rules/decision-kind';
import './enums';

@ObjectType({ description: '决定书所涉主体 (as the public sees it: a natural person’s name masked)' })
export class DecisionDocumentSubject {
  @Field(() => String, { nullable: true, description: '统一社会信用代码 (null for a natural person)' })
  uscc!: string | null;

  @Field({ description: '主体名称' })
  name!: string;
}

/**
 * The public answer of verifyDecisionDocument. Anything but genuine is one answer whatever went
 * wrong (no such number, wrong code): genuine false, every other field null — a guess learns nothing.
 */
@ObjectType({ description: '决定书核验结果 (public)' })
export class DecisionDocumentVerification {
  @Field({ description: '是否为本平台出具 (决定书编号与核验码相符)' })
  genuine!: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: '文件未被篡改 (SHA-256 相符); null when no sha256 was given or the document is not genuine',
  })
  unaltered!: boolean | null;

  @Field(() => String, { nullable: true, description: '决定书编号' })
  number!: string | null;

  @Field(() => DecisionKind, { nullable: true, description: '决定书类别' })
  kind!: DecisionKind | null;

  @Field(() => String, { nullable: true, description: '受理编号' })
  caseNumber!: string | null;

  @Field(() => String, { nullable: true, description: '决定' })
  decision!: string | null;

  @Field(() => Date, { nullable: true, description: '出具时间' })
  issuedAt!: Date | null;

  @Field(() => DecisionDocumentSubject, { nullable: true, description: '决定书所涉主体' })
  subject!: DecisionDocumentSubject | null;
}

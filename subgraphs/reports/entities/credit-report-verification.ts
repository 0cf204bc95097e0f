import { Field, ObjectType } from 'type-graphql';
import { Verdict } from '../../../shared/domain/vocabulary';
import { DateScalar } from '../../../shared/graphql/scalars';
import { CreditReportKind } from '../rules/report-kind';
import './enums';

@ObjectType({ description: '出具单位 (as printed on the report)' })
export class CreditReportIssuer {
  @Field({ description: '部门代码' })
  code!: string;

  @Field({ description: '部门名称' })
  name!: string;
}

@ObjectType({ description: '报告主体 (as printed on the report; a natural person’s name masked)' })
export class CreditReportSubject {
  @Field(() => String, {
    nullable: true,
    description:
      '统一社会信用代码 (null for a natural person: its own 公共信用信息报告 names it by its 证件号码, masked)',
  })
  uscc!: string | null;

  @Field({ description: '主体名称' })
  name!: string;
}

/**
 * The public answer of verifyCreditReport. Anything but genuine is the same
 * answer whatever went wrong (no such number, wrong code): genuine false, valid
 * false, every other field null — a guess learns nothing.
 */
@ObjectType({ description: '信用报告核验结果 (public)' })
export class CreditReportVerification {
  @Field({ description: '是否为本平台出具 (报告编号与核验码相符)' })
  genuine!: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: '文件未被篡改 (SHA-256 相符); null when no sha256 was given or the report is not genuine',
  })
  unaltered!: boolean | null;

  @Field({ description: '是否在有效期内 (false when not genuine)' })
  valid!: boolean;

  @Field(() => String, { nullable: true, description: '报告编号' })
  number!: string | null;

  @Field(() => CreditReportKind, { nullable: true, description: '报告类别' })
  kind!: CreditReportKind | null;

  @Field(() => Date, { nullable: true, description: '出具时间' })
  issuedAt!: Date | null;

  @Field(() => DateScalar, { nullable: true, description: '有效期至' })
  validUntil!: string | null;

  @Field(() => CreditReportIssuer, {
    nullable: true,
    description: '出具单位 (a department); null for a report its subject asked for itself (requestedBySubject)',
  })
  issuer!: CreditReportIssuer | null;

  @Field(() => Boolean, {
    nullable: true,
    description: '信用主体本人申请自助出具 (no department: the platform issued it); null when not genuine',
  })
  requestedBySubject!: boolean | null;

  @Field(() => CreditReportSubject, { nullable: true, description: '报告主体' })
  subject!: CreditReportSubject | null;

  @Field(() => String, { nullable: true, description: '办理事项' })
  matter!: string | null;

  @Field(() => Verdict, { nullable: true, description: '比对结论 (null for a 公共信用信息报告)' })
  verdict!: Verdict | null;
}

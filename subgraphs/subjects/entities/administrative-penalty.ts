import { DecimalType, Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { PenaltyDomain, Severity } from '../../../shared/domain/vocabulary';
import { DateScalar } from '../../../shared/graphql/scalars';
import './enums';
import { ReportedRecord } from './reported-record';

@ObjectType({ description: '行政处罚 (双公示)' })
@Entity({ tableName: 'administrative_penalty' })
@Index({ properties: ['subjectId', 'decidedAt'] })
@Unique({ properties: ['authorityCode', 'decisionNo'] })
export class AdministrativePenalty extends ReportedRecord {
  @Field({ description: '行政处罚决定书文号' })
  @Property()
  decisionNo!: string;

  @Field(() => DateScalar, { description: '处罚决定日期' })
  @Property({ type: 'date' })
  decidedAt!: string;

  @Field({ description: '违法行为类型' })
  @Property()
  violationType!: string;

  @Field({ description: '违法事实' })
  @Property({ type: 'text' })
  facts!: string;

  @Field({ description: '处罚依据' })
  @Property({ type: 'text' })
  legalBasis!: string;

  @Field(() => [String], { description: '处罚类别' })
  @Property({ type: 'text[]' })
  categories!: string[];

  @Field({ description: '处罚内容' })
  @Property({ type: 'text' })
  content!: string;

  @Field(() => Float, { nullable: true, description: '罚款金额 (万元)' })
  @Property({ type: new DecimalType('number'), precision: 14, scale: 4, nullable: true })
  fineAmount!: number | null;

  @Field(() => Float, { nullable: true, description: '没收违法所得、没收非法财物的金额 (万元)' })
  @Property({ type: new DecimalType('number'), precision: 14, scale: 4, nullable: true })
  confiscatedAmount!: number | null;

  @Field(() => String, { nullable: true, description: '暂扣或吊销证照名称及编号' })
  @Property({ nullable: true })
  licenseAction!: string | null;

  @Field(() => DateScalar, { nullable: true, description: '处罚有效期' })
  @Property({ type: 'date', nullable: true })
  validUntil!: string | null;

  @Field(() => Severity, { description: '失信信息等级' })
  @Enum(() => Severity)
  severity!: Severity;

  @Field(() => PenaltyDomain, { description: "处罚所属领域 (reported; else the authority's 主管领域)" })
  @Enum({ items: () => PenaltyDomain, default: PenaltyDomain.GENERAL })
  domain!: PenaltyDomain;

  @Field({ description: '涉及特定严重失信行为 (发改办财金〔2019〕527号: 按最长公示期公示，不提前修复)' })
  @Property({ default: false })
  specificSerious!: boolean;

  @Field(() => Int, {
    nullable: true,
    description: '确有必要公示期限（月）: 轻微失信信息经行业主管部门认定确有必要公示的月数 (1–3); null = 未标注',
  })
  @Property({ type: 'integer', nullable: true })
  necessaryPublicityMonths!: number | null;

  @Field({ description: '是否公示 (轻微失信信息原则上不予公示)' })
  @Property({ default: true })
  published!: boolean;

  @Field({ description: '是否可信用修复 (false: 不公示，或须按最长公示期公示)' })
  @Property({ default: true })
  repairable!: boolean;

  @Field({ description: '判定公示期所依据的规则体系 (regime)' })
  @Property({ length: 32 })
  regime!: string;

  @Field(() => DateScalar, { description: '公示截止期 (最长公示期届满之日; 不公示的为决定日期)' })
  @Property({ type: 'date' })
  publicityEndsAt!: string;

  @Field(() => DateScalar, { description: '最短公示期届满之日，此后可申请信用修复 (不可修复的为公示截止期)' })
  @Property({ type: 'date' })
  repairableFrom!: string;

  @Field(() => Date, {
    nullable: true,
    description:
      '信用修复完成时间: 终止公示、停止共享 (only the reporting department, the credit office and the subject itself still see the record)',
  })
  @RequiresScopes([SCOPES.read], [SCOPES.self])
  @Property({ type: 'datetime', nullable: true })
  repairedAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description:
      '处罚决定撤销时间: 撤销后终止公示、停止共享 (only the reporting department, the credit office and the subject itself still see the record)',
  })
  @RequiresScopes([SCOPES.read], [SCOPES.self])
  @Property({ type: 'datetime', nullable: true })
  revokedAt!: Date | null;

  @Field(() => String, { nullable: true, description: '撤销理由' })
  @RequiresScopes([SCOPES.read], [SCOPES.self])
  @Property({ type: 'text', nullable: true })
  revocationReason!: string | null;
}

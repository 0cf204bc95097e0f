import { Field, ID, InputType } from 'type-graphql';
import { textArgument } from '../../../shared/graphql/arguments';
import { RepairTargetInput } from './repair-target.input';

@InputType({
  description: '信用修复申请 (recorded by the handling department or the credit office on the applicant’s behalf)',
})
export class RepairApplicationInput {
  @Field(() => RepairTargetInput)
  target!: RepairTargetInput;

  @Field({ description: '申请理由 / 整改情况' })
  reason!: string;

  @Field(() => ID, {
    nullable: true,
    description: '主体签署的信用修复承诺 (kind REPAIR, in effect); required to succeed',
  })
  repairCommitmentId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '履行法定义务的申报及证明 (罚款缴纳凭证等); required to succeed',
  })
  fulfilmentEvidence?: string | null;

  @Field(() => String, { nullable: true, description: '其他申请材料' })
  evidence?: string | null;
}

/** Optional free text: absent or blank is null, otherwise as textArgument. */
export function evidenceArgument(argument: string, value: string | null | undefined): string | null {
  return value == null || value.trim() === '' ? null : textArgument(argument, value);
}

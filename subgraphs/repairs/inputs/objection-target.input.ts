import { Field, ID, InputType } from 'type-graphql';
import { ObjectionTarget } from '../../../shared/domain/vocabulary';
import { idArgument } from '../../../shared/graphql/arguments';
import '../entities/enums';

@InputType({ description: '异议对象: 一条行政处罚、名单条目、行政许可、其他行政行为, 或主体的综合评价结果' })
export class ObjectionTargetInput {
  @Field(() => ObjectionTarget)
  kind!: ObjectionTarget;

  @Field(() => ID, { description: '记录 id; 综合评价结果 (EVALUATION): 被评价主体的 id' })
  id!: string;
}

export interface ObjectionTargetRef {
  kind: ObjectionTarget;
  id: string;
}

/** What the record is called in errors and documents. */
export const OBJECTION_TARGET_NOUNS: Record<ObjectionTarget, string> = {
  [ObjectionTarget.PENALTY]: 'penalty',
  [ObjectionTarget.LIST_ENTRY]: 'list entry',
  [ObjectionTarget.LICENSE]: 'licence',
  [ObjectionTarget.ACTION]: 'administrative action',
  [ObjectionTarget.EVALUATION]: 'evaluation of subject',
};

/** The target with its id checked; `argument` names the input it came in. */
export function objectionTargetArgument(argument: string, target: ObjectionTargetInput): ObjectionTargetRef {
  return { kind: target.kind, id: idArgument(`${argument}.id`, target.id, `a ${OBJECTION_TARGET_NOUNS[target.kind]}`) };
}

import { Field, ID, InputType } from 'type-graphql';
import { RepairTarget } from '../../../shared/domain/vocabulary';
import { idArgument } from '../../../shared/graphql/arguments';
import '../entities/enums';

@InputType({ description: '修复对象: 一条行政处罚或名单条目' })
export class RepairTargetInput {
  @Field(() => RepairTarget)
  kind!: RepairTarget;

  @Field(() => ID, { description: '行政处罚 id 或名单条目 id' })
  id!: string;
}

export interface TargetRef {
  kind: RepairTarget;
  id: string;
}

/** The target with its id checked; `argument` names the input it came in. */
export function targetArgument(argument: string, target: RepairTargetInput): TargetRef {
  return {
    kind: target.kind,
    id: idArgument(`${argument}.id`, target.id, target.kind === RepairTarget.PENALTY ? 'a penalty' : 'a list entry'),
  };
}

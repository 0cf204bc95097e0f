import { Field, InputType } from 'type-graphql';
import { textArgument } from '../../../shared/graphql/arguments';
import '../entities/enums';
import { objectionTargetArgument, ObjectionTargetInput, ObjectionTargetRef } from './objection-target.input';
import { evidenceArgument } from './repair-application.input';
import { WindowIdentityInput } from './window-application.input';

@InputType({ description: '异议申请: the record held wrong, the grounds and the evidence' })
export class ObjectionInput {
  @Field(() => ObjectionTargetInput, { description: '异议对象' })
  target!: ObjectionTargetInput;

  @Field({ description: '异议理由: 信息错误、遗漏、不应公示或超期公示的事实 (1–2000 字)' })
  grounds!: string;

  @Field(() => String, { nullable: true, description: '证明材料 (行政复议决定书、判决书、撤销决定等的文号或说明)' })
  evidence?: string | null;
}

@InputType({ description: '窗口受理异议申请: the objection and the identity checked at the window' })
export class WindowObjectionInput extends ObjectionInput {
  @Field(() => WindowIdentityInput)
  identity!: WindowIdentityInput;
}

export interface ObjectionArguments {
  target: ObjectionTargetRef;
  grounds: string;
  evidence: string | null;
}

/** Every argument checked before any work: the target's id, the lengths of the texts. */
export function objectionArguments(input: ObjectionInput): ObjectionArguments {
  return {
    target: objectionTargetArgument('input.target', input.target),
    grounds: textArgument('input.grounds', input.grounds),
    evidence: evidenceArgument('input.evidence', input.evidence),
  };
}

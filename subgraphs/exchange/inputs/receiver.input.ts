import { Field, InputType } from 'type-graphql';
import { ReceiverKind } from '../entities/enums';

@InputType({ description: '登记共享交换接收方' })
export class RegisterReceiverInput {
  @Field({ description: '接收方代码 (a-z、0-9、点、连字符, 2–48), e.g. wuxi-city, gusu.scjgj' })
  code!: string;

  @Field({ description: '名称' })
  name!: string;

  @Field(() => ReceiverKind, { description: '类别' })
  kind!: ReceiverKind;

  @Field(() => String, { nullable: true, description: '平台服务账号 (令牌 sub); PLATFORM 必填' })
  clientId?: string | null;

  @Field(() => String, { nullable: true, description: '部门代码 (令牌 org); DEPARTMENT 必填' })
  departmentCode?: string | null;

  @Field(() => String, { nullable: true, description: '推送地址; 空 = 仅拉取' })
  pushUrl?: string | null;

  @Field(() => String, { nullable: true, description: '推送签名密钥 (≥ 32 字符; 只写, 从不返回)' })
  pushSecret?: string | null;

  @Field(() => String, { nullable: true, description: '对账地址' })
  reconcileUrl?: string | null;
}

@InputType({ description: '变更共享交换接收方 (未填的字段不变; 类别与代码不可改)' })
export class UpdateReceiverInput {
  @Field({ description: '接收方代码' })
  code!: string;

  @Field(() => String, { nullable: true, description: '名称' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: '平台服务账号 (令牌 sub)' })
  clientId?: string | null;

  @Field(() => String, { nullable: true, description: '部门代码 (令牌 org)' })
  departmentCode?: string | null;

  @Field(() => String, { nullable: true, description: '推送地址; 空字符串 = 改为仅拉取' })
  pushUrl?: string | null;

  @Field(() => String, { nullable: true, description: '新的推送签名密钥 (≥ 32 字符; 只写)' })
  pushSecret?: string | null;

  @Field(() => String, { nullable: true, description: '对账地址; 空字符串 = 不对账' })
  reconcileUrl?: string | null;

  @Field(() => Boolean, { nullable: true, description: '是否启用' })
  active?: boolean | null;
}

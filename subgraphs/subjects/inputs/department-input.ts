import { Field, InputType } from 'type-graphql';
import { PenaltyDomain } from '../../../shared/domain/vocabulary';

@InputType({ description: '登记部门 (部门目录)' })
export class DepartmentInput {
  @Field({ description: '部门代码, e.g. gusu.scjgj' })
  code!: string;

  @Field({ description: '部门名称' })
  name!: string;

  @Field({ description: '统一社会信用代码' })
  uscc!: string;

  @Field(() => PenaltyDomain, {
    nullable: true,
    description:
      '主管领域 (处罚未报送所属领域时的默认); default from the name: 消防救援 → 消防, 应急管理 → 安全生产, else 其他',
  })
  domain?: PenaltyDomain | null;
}

import { Directive, Field, ID, InputType } from 'type-graphql';
import { AuditClass } from '../../../shared/domain/vocabulary';

@InputType({ description: '一次被审计的读取' })
@Directive('@inaccessible')
export class AuditReadInput {
  @Field(() => AuditClass)
  fieldsClass!: AuditClass;

  @Field(() => ID, { nullable: true })
  subjectId?: string | null;

  @Field(() => String, { nullable: true })
  uscc?: string | null;

  @Field(() => String, { nullable: true })
  purpose?: string | null;
}

@InputType({ description: '一次请求的查询审计 (written by the gateway): who asked, once, and what was read' })
@Directive('@inaccessible')
export class AuditBatchInput {
  @Field()
  principalSub!: string;

  @Field()
  principalName!: string;

  @Field(() => String, { nullable: true })
  org?: string | null;

  @Field(() => [String])
  roles!: string[];

  @Field()
  requestId!: string;

  @Field(() => String, { nullable: true })
  operationName?: string | null;

  @Field(() => [AuditReadInput])
  reads!: AuditReadInput[];
}

@InputType({ description: '审计查询条件' })
export class AuditEventFilter {
  @Field(() => ID, { nullable: true, description: '主体 id' })
  subjectId?: string | null;

  @Field(() => String, { nullable: true, description: '统一社会信用代码' })
  uscc?: string | null;

  @Field(() => String, { nullable: true, description: '查询人' })
  principalSub?: string | null;

  @Field(() => String, { nullable: true, description: '查询单位' })
  org?: string | null;

  @Field(() => AuditClass, { nullable: true })
  fieldsClass?: AuditClass | null;

  @Field(() => String, { nullable: true, description: '请求编号 (x-request-id)' })
  requestId?: string | null;

  @Field(() => Date, { nullable: true, description: '自 (含)' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: '至 (不含)' })
  to?: Date | null;
}

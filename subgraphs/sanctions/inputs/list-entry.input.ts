import { Field, InputType } from 'type-graphql';
import { CreditList } from '../../../shared/domain/vocabulary';
import { DateScalar } from '../../../shared/graphql/scalars';

@InputType({ description: '名单认定 (报送)' })
export class ListEntryInput {
  @Field({ description: '统一社会信用代码' })
  uscc!: string;

  @Field(() => CreditList)
  list!: CreditList;

  @Field({ description: '列入事由' })
  reason!: string;

  @Field({ description: '认定依据 (法律、法规、规章)' })
  basis!: string;

  @Field({ description: '认定文书号' })
  decisionNo!: string;

  @Field(() => DateScalar, { description: '认定日期' })
  decidedAt!: string;

  @Field(() => DateScalar, { nullable: true, description: '有效期自; default 认定日期' })
  validFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: '有效期至 (含); null = 至移出' })
  validUntil?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '名单类别 (listKinds); default the general kind of the list (本区部门认定)',
  })
  listKind?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '认定单位 (e.g. the court of a 失信被执行人 entry); default that of the kind',
  })
  designatingAuthority?: string | null;
}

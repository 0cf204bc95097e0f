import { Field, Float, Int, ObjectType } from 'type-graphql';
import { RecordKind } from '../../../shared/domain/vocabulary';

@ObjectType({
  description: '报送质量 (§5): “双公示” 100% 报送，有效入库率 ≥ 98%，5 天内报送时效 ≥ 95%; 其他行政行为 7 个工作日内',
})
export class PublicityQuality {
  departmentCode!: string;

  @Field(() => RecordKind, { description: '行政许可 / 行政处罚 / 其他行政行为' })
  kind!: RecordKind;

  @Field(() => Int, { description: '提供记录数' })
  submitted!: number;

  @Field(() => Int, { description: '有效入库数' })
  accepted!: number;

  @Field(() => Int, { description: '退回数' })
  rejected!: number;

  @Field(() => Float, { description: '有效入库率 = accepted / submitted' })
  acceptedRate!: number;

  @Field(() => Int, {
    description: '按时入库的记录数 (首次有效入库日期不晚于报送时限: 决定日期 + 5 天, 其他行政行为 + 7 个工作日)',
  })
  timely!: number;

  @Field(() => Float, { description: '入库时效性 = timely / accepted' })
  timelyRate!: number;

  @Field({ description: '有效入库率达标 (≥ target, 98% by default)' })
  acceptedTargetMet!: boolean;

  @Field({ description: '入库时效性达标 (≥ target, 95% by default)' })
  timelyTargetMet!: boolean;

  @Field({
    description:
      'true when a deadline counted was provisional (a working-day deadline over a year whose holiday notice is not loaded yet): timely may change when it is',
  })
  provisional!: boolean;
}

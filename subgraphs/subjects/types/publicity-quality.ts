import { Field, Float, Int, ObjectType } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
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

  // §6 (推进公共信用信息系统与各单位业务系统对接，提高接口调用方式的比例): the submissions counted above, by the
  // channel the gateway signed for the attempt that last changed each (docs/EXCHANGE.md, "Submission channels").

  @Field(() => Int, { nullable: true, description: '接口调用报送数 (a department system with a service token)' })
  @RequiresScopes([SCOPES.stats])
  interfaceSubmitted!: number;

  @Field(() => Int, { nullable: true, description: '文件报送数 (a system’s file through POST /ingest/…)' })
  @RequiresScopes([SCOPES.stats])
  fileSubmitted!: number;

  @Field(() => Int, { nullable: true, description: '人工录入数 (a person signed in: the hall pages, GraphiQL)' })
  @RequiresScopes([SCOPES.stats])
  manualSubmitted!: number;

  @Field(() => Int, {
    nullable: true,
    description: '渠道未记录数 (reported before channels were recorded; not in interfaceShare)',
  })
  @RequiresScopes([SCOPES.stats])
  unknownChannelSubmitted!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      '接口调用方式的比例 = interfaceSubmitted / (interfaceSubmitted + fileSubmitted + manualSubmitted); 0 when none is known',
  })
  @RequiresScopes([SCOPES.stats])
  interfaceShare!: number;
}

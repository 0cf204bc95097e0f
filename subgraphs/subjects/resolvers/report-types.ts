import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { RawReport, REPORT_FIELDS, ReportKind } from '../../../shared/reporting/fields';
import { FieldProblemType } from '../entities/field-problem';

/** One reported record as sent: every field text (shared/reporting/fields.ts), plus the file row it came from. */
export type ReportInput = RawReport & { rowNumber?: number | null };

/**
 * The input type of one kind, generated from the shared field list so the
 * GraphQL API, the templates and the validation never disagree. Every field is
 * a nullable String: a wrong value is a per-record rejection, not a failed call.
 */
function reportInputType(kind: ReportKind, name: string, description: string): new () => ReportInput {
  @InputType(name, { description })
  class Report {
    @Field(() => Int, { nullable: true, description: '文件中的行号 (set by the file ingest; echoed in rejections)' })
    rowNumber?: number | null;
  }
  for (const spec of REPORT_FIELDS[kind]) {
    const description = `${spec.header}${spec.required ? ' (必填)' : ''}${spec.hint ? `: ${spec.hint}` : ''}`;
    Field(() => (spec.list ? [String] : String), { nullable: true, description })(Report.prototype, spec.field);
  }
  return Report as new () => ReportInput;
}

export const PenaltyReport = reportInputType('penalties', 'PenaltyReport', '报送的行政处罚记录 (双公示)');
export const LicenseReport = reportInputType('licenses', 'LicenseReport', '报送的行政许可记录 (双公示)');
export const ActionReport = reportInputType('actions', 'ActionReport', '报送的其他行政行为记录');

@ObjectType({ description: '退回的记录: 已保存，可更正后重新报送' })
export class RecordRejection {
  @Field(() => Int, { description: '在 records 中的位置 (从 0 起)' })
  index!: number;

  @Field(() => Int, { nullable: true, description: '文件中的行号' })
  rowNumber!: number | null;

  @Field(() => String, { nullable: true, description: '文书号' })
  documentNo!: string | null;

  @Field(() => [FieldProblemType], { description: '逐字段的退回原因' })
  reasons!: FieldProblemType[];
}

@ObjectType({ description: '报送结果: accepted = created + updated + unchanged' })
export class ReportResult {
  @Field(() => Int, { description: '收到的记录数' })
  received!: number;

  @Field(() => Int, { description: '有效入库数' })
  accepted!: number;

  @Field(() => Int, { description: '退回数' })
  rejected!: number;

  @Field(() => Int, { description: '新增' })
  created!: number;

  @Field(() => Int, { description: '更新 (同一机关、同一文书号的重新报送)' })
  updated!: number;

  @Field(() => Int, { description: '与已入库内容相同，未改动' })
  unchanged!: number;

  @Field(() => [RecordRejection], { description: '退回的记录及原因' })
  rejections!: RecordRejection[];
}

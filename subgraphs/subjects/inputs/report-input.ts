import { Field, InputType, Int } from 'type-graphql';
import { RawReport, REPORT_FIELDS, ReportKind } from '../../../shared/reporting/fields';

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

import { Field, ObjectType } from 'type-graphql';

/** Why one field of a reported record was not accepted (rules/report-problems.ts), as GraphQL shows it. */
@ObjectType('FieldProblem', { description: '一个字段的问题' })
export class FieldProblemType {
  @Field({ description: '字段 (input field name)' })
  field!: string;

  @Field({
    description:
      'REQUIRED, TOO_LONG, INVALID_FORMAT, INVALID_CHECKSUM, INVALID_VALUE, FUTURE_DATE, DATE_ORDER, UNKNOWN_AUTHORITY, MISMATCH, DUPLICATE, REPORTED_BY_OTHER',
  })
  code!: string;

  @Field({ description: '说明' })
  message!: string;
}

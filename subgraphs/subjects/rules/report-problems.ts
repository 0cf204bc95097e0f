/** Why one field of a reported record was not accepted. */
export interface FieldProblem {
  /** The input field (see shared/reporting/fields.ts). */
  field: string;
  code: ProblemCode;
  message: string;
}

/** What can be wrong with a field; a department's system can act on each. */
export type ProblemCode =
  | 'REQUIRED' // 必填项为空
  | 'TOO_LONG' // 超过长度
  | 'INVALID_FORMAT' // 格式错误
  | 'INVALID_CHECKSUM' // 校验位错误
  | 'INVALID_VALUE' // 不在取值范围内
  | 'FUTURE_DATE' // 决定日期晚于今天
  | 'DATE_ORDER' // 截止日期早于起始日期
  | 'UNKNOWN_AUTHORITY' // 机关不在部门目录中
  | 'AUTHORITY_NOT_OWN' // 机关不是报送部门本身，也未委托其报送
  | 'MISMATCH' // 与目录或主体登记不一致
  | 'DUPLICATE' // 同一批次中文书号重复
  | 'REPORTED_BY_OTHER'; // 该文书号已由其他部门报送

export function problem(field: string, code: ProblemCode, message: string): FieldProblem {
  return { field, code, message };
}

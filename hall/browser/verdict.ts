import type { GraphQLError } from './graphql-client';
import { label } from './labels';
import type { HallLookupData, ScreenResult, Verdict } from './operations';

/**
 * What the window is told about the applicant, first and unmistakably. UNAVAILABLE is the state of
 * a screening that could not run (the sanctions subgraph down, the field refused, a code too
 * malformed to look up): never CLEAR by default — CLEAR only when the screening answered CLEAR.
 * NOT_FOUND: the code is valid but no such subject is known (nothing to clear either).
 */
export type VerdictState = Verdict | 'UNAVAILABLE' | 'NOT_FOUND';

export interface VerdictView {
  state: VerdictState;
  /** 大字结论 */
  title: string;
  /** 含义 / 办理提示 */
  advice: string;
  /** why the state is UNAVAILABLE, for the clerk */
  reason: string | null;
  result: ScreenResult | null;
}

export const VERDICT_TEXT: Record<VerdictState, { title: string; advice: string }> = {
  RESTRICT: { title: '限制', advice: '严重失信，依法限制：请按下列惩戒措施办理' },
  CAUTION: { title: '审慎', advice: '重点关注，加强审核' },
  INCENTIVE: { title: '激励', advice: '守信激励：可适用绿色通道、容缺受理等措施' },
  CLEAR: { title: '无异常', advice: '未发现名单记录，按一般程序办理' },
  UNAVAILABLE: { title: '无法比对', advice: '联合奖惩比对未能完成，不能视为无异常：请稍后重试或按规定人工核查' },
  NOT_FOUND: { title: '未找到主体', advice: '系统中没有该统一社会信用代码的主体，请核对代码' },
};

const VERDICTS: readonly string[] = ['CLEAR', 'INCENTIVE', 'CAUTION', 'RESTRICT'];

function view(state: VerdictState, result: ScreenResult | null, reason: string | null = null): VerdictView {
  return { state, ...VERDICT_TEXT[state], reason, result };
}

/** Errors about the screening itself (not about the matched subject's own fields, which screen also carries). */
function screeningErrors(errors: GraphQLError[]): GraphQLError[] {
  return errors.filter((error) => error.path?.[0] === 'screen' && error.path[2] !== 'subject');
}

function unavailableReason(error: GraphQLError): string {
  switch (error.extensions?.code) {
    case 'SUBGRAPH_UNAVAILABLE':
      return '联合奖惩比对服务暂不可用';
    case 'UNAUTHORIZED_FIELD_OR_TYPE':
    case 'FORBIDDEN':
      return '当前账号无联合奖惩比对权限（credit:screen）';
    default:
      return error.message;
  }
}

export function verdictOf(data: HallLookupData | null, errors: GraphQLError[]): VerdictView {
  const failed = screeningErrors(errors);
  if (failed.length > 0) return view('UNAVAILABLE', null, unavailableReason(failed[0]));
  const result = data?.screen?.[0] ?? null;
  if (!result) return view('UNAVAILABLE', null, errors[0] ? unavailableReason(errors[0]) : '比对没有返回结果');
  if (result.verdict === null || !VERDICTS.includes(result.verdict))
    return view('UNAVAILABLE', result, result.invalidReason ?? '比对没有给出结论');
  if (!result.found) return view('NOT_FOUND', result);
  return view(result.verdict, result);
}

/**
 * The grade the screening used, and what its 分级分类监管 rule did to the verdict, for the banner:
 * "信用等级 D 差（得分 52.0）：比对结论不低于“审慎”". Null when the screening used no grade.
 */
export function gradeReasonOf(result: ScreenResult | null): { text: string; basis: string } | null {
  const evaluation = result?.evaluation;
  if (!evaluation) return null;
  const effects = [
    evaluation.verdictFloor ? `比对结论不低于“${VERDICT_TEXT[evaluation.verdictFloor].title}”` : null,
    evaluation.tolerantAcceptance ? '可容缺受理' : null,
  ].filter((effect): effect is string => effect !== null);
  const grade = `信用等级 ${evaluation.grade} ${label('CreditGrade', evaluation.grade)}（得分 ${evaluation.score.toFixed(1)}）`;
  return {
    text: `${grade}：${effects.length > 0 ? effects.join('，') : '不影响比对结论'}`,
    basis: evaluation.basis,
  };
}

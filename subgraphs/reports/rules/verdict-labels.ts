import { Verdict } from '../../../shared/domain/vocabulary';

/** How a report prints a verdict: one short word a clerk cannot misread, and what it means. */
export const VERDICT_LABELS: Readonly<Record<Verdict, { label: string; meaning: string }>> = {
  [Verdict.RESTRICT]: { label: '限制', meaning: '严重失信主体，依法依规实施限制' },
  [Verdict.CAUTION]: { label: '审慎', meaning: '重点关注对象，加强审核' },
  [Verdict.INCENTIVE]: { label: '激励', meaning: '守信主体，可适用绿色通道、容缺受理等激励措施' },
  [Verdict.CLEAR]: { label: '无异常', meaning: '未发现名单记录' },
};

export function verdictLabel(verdict: Verdict): string {
  return VERDICT_LABELS[verdict].label;
}

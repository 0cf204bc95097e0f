import { CreditList, Verdict } from '../../../shared/domain/vocabulary';
import { applicableLists, LIST_RULES, verdictFor } from './verdict';

/** What a subject's evaluation brings to a screening (sanctions.subject_evaluation_fact, from 'evaluation.changed'). */
export interface GradeMeasures {
  grade: string;
  /** The least verdict the grade's supervision rule calls for, or null. */
  verdictFloor: Verdict | null;
  /** 容缺受理 allowed for the grade. */
  tolerantAcceptance: boolean;
  /** The supervision rule's source, quoted in the reasons. */
  basis: string;
}

export interface GradedVerdict {
  verdict: Verdict;
  /** The lists whose measures apply: those of the winning verdict, none when the grade outranks them. */
  applicableLists: CreditList[];
  /** Why, one line per cause: the deciding list, then the grade when it moved the verdict. */
  reasons: string[];
}

/** Stronger = further from CLEAR: CLEAR < INCENTIVE < CAUTION < RESTRICT (the lists' precedence). */
const STRENGTH: Record<Verdict, number> = {
  [Verdict.CLEAR]: 0,
  [Verdict.INCENTIVE]: 1,
  [Verdict.CAUTION]: 2,
  [Verdict.RESTRICT]: 3,
};

const LIST_NAME: Record<CreditList, string> = {
  [CreditList.BLACK]: '严重失信主体名单',
  [CreditList.WATCH]: '重点关注名单',
  [CreditList.RED]: '守信红名单',
};

/**
 * The screening verdict under graded supervision (分级分类监管): the stronger of what the lists say and
 * the floor the subject's grade calls for (e.g. D → CAUTION, 加强审核); a subject the lists clear whose
 * grade allows 容缺受理 is INCENTIVE. Lists stay decisive above the floor: a black-listed subject is
 * restricted whatever its grade. Without an evaluation the lists decide alone.
 */
export function gradedVerdict(
  lists: Iterable<CreditList>,
  grade: GradeMeasures | null,
  /** Without credit:read the watch list is never named (rules/active.ts: counted, not shown). */
  mayReadCredit = true,
): GradedVerdict {
  const held = [...lists];
  const listVerdict = verdictFor(held);
  const strongest = applicableLists(held);
  const reasons = strongest.map((list) => {
    if (list === CreditList.WATCH && !mayReadCredit) return `不公开的名单记录: ${listVerdict}`;
    const rule = LIST_RULES.find((r) => r.list === list);
    return `${LIST_NAME[list]}: ${listVerdict} (${rule?.source ?? ''})`;
  });
  let verdict = listVerdict;
  if (grade?.verdictFloor && STRENGTH[grade.verdictFloor] > STRENGTH[verdict]) {
    verdict = grade.verdictFloor;
    reasons.push(`信用等级 ${grade.grade}: 结论不低于 ${grade.verdictFloor} (${grade.basis})`);
  }
  if (verdict === Verdict.CLEAR && grade?.tolerantAcceptance) {
    verdict = Verdict.INCENTIVE;
    reasons.push(`信用等级 ${grade.grade}: 容缺受理 → INCENTIVE (${grade.basis})`);
  }
  if (reasons.length === 0) reasons.push('未发现名单记录');
  return {
    verdict,
    applicableLists: verdict === listVerdict ? strongest : [],
    reasons,
  };
}

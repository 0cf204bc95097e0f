import { CreditList, Verdict } from '../../../shared/domain/vocabulary';

// Shared since the reports subgraph prints verdicts too; re-exported for this subgraph's own imports.
export { Verdict };

/** 信用状态 */
export enum CreditStatus {
  NORMAL = 'NORMAL', // 无名单记录
  RED_LISTED = 'RED_LISTED', // 守信红名单
  WATCH_LISTED = 'WATCH_LISTED', // 重点关注名单
  BLACK_LISTED = 'BLACK_LISTED', // 严重失信黑名单
}

interface ListRule {
  list: CreditList;
  verdict: Verdict;
  status: CreditStatus;
  /** Higher wins when a subject is on several lists. */
  precedence: number;
  source: string;
}

/**
 * What being on a list means for a screening (§16: 自动比对、自动提示). Punishment
 * outranks caution outranks incentive: a subject on the black list is restricted
 * whatever else it is on (and cannot be on the red list at the same time).
 */
export const LIST_RULES: ListRule[] = [
  {
    list: CreditList.BLACK,
    verdict: Verdict.RESTRICT,
    status: CreditStatus.BLACK_LISTED,
    precedence: 3,
    source: '国办发〔2020〕49号: 严重失信主体名单依法实施惩戒',
  },
  {
    list: CreditList.WATCH,
    verdict: Verdict.CAUTION,
    status: CreditStatus.WATCH_LISTED,
    precedence: 2,
    source:
      '国办发〔2019〕35号: 对失信主体依法依规加强监管 (the measures of each kind cite their own basis: rules/measure-catalogue.ts)',
  },
  {
    list: CreditList.RED,
    verdict: Verdict.INCENTIVE,
    status: CreditStatus.RED_LISTED,
    precedence: 1,
    source: '国发〔2016〕33号: 守信联合激励 (绿色通道、容缺受理)',
  },
];

function strongestRule(lists: Iterable<CreditList>): ListRule | null {
  let strongest: ListRule | null = null;
  for (const list of lists) {
    const rule = LIST_RULES.find((r) => r.list === list);
    if (rule && (strongest === null || rule.precedence > strongest.precedence)) strongest = rule;
  }
  return strongest;
}

export function verdictFor(lists: Iterable<CreditList>): Verdict {
  return strongestRule(lists)?.verdict ?? Verdict.CLEAR;
}

export function creditStatusFor(lists: Iterable<CreditList>): CreditStatus {
  return strongestRule(lists)?.status ?? CreditStatus.NORMAL;
}

/** The lists whose measures apply: only those of the winning verdict (a restricted subject gets no incentive). */
export function applicableLists(lists: Iterable<CreditList>): CreditList[] {
  const strongest = strongestRule(lists);
  return strongest ? [strongest.list] : [];
}

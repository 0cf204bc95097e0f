import type { EntityManager } from '../../../shared/db/orm';
import { CreditGrade, Verdict } from '../../../shared/domain/vocabulary';

/** What the supervision rule for a grade × industry says for the screening (evaluation.changed). */
export interface SupervisionForScreening {
  tolerantAcceptance: boolean;
  verdictFloor: Verdict | null;
  basis: string;
}

/**
 * DEFAULT UNTIL THE SUPERVISION RULE TABLE LANDS (contract16: SUPERVISION replaces this file with
 * the lookup of its rule table, same signature). Reads nothing: 容缺受理 for A, 加强审核 (CAUTION) for D.
 */
export function supervisionFor(
  _em: EntityManager,
  grade: CreditGrade,
  _industry: string | null,
): Promise<SupervisionForScreening> {
  return Promise.resolve({
    tolerantAcceptance: grade === CreditGrade.A,
    verdictFloor: grade === CreditGrade.D ? Verdict.CAUTION : null,
    basis: '分级分类监管默认规则 (监管规则表未载入前): A 级可容缺受理, D 级加强审核',
  });
}

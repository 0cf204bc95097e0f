import type { EntityManager } from '../../../shared/db/orm';
import type { PenaltyFacts } from '../../../shared/events/catalogue';
import { publishEvent } from '../../../shared/events/publish';
import type { PublicityJudgement } from '../rules/publicity';

/** What repairs is told of a penalty: who, when, how serious, and its publicity as computed here (it keeps no rule table). */
export interface PenaltyFactsSource extends PublicityJudgement {
  id: string;
  subjectId: string;
  severity: string;
  decidedAt: string;
  authorityCode: string;
  dataSourceCode: string;
}

export function penaltyFacts(penalty: PenaltyFactsSource, revoked: boolean): PenaltyFacts {
  return {
    penaltyId: penalty.id,
    subjectId: penalty.subjectId,
    severity: penalty.severity,
    decidedAt: penalty.decidedAt,
    authorityCode: penalty.authorityCode,
    dataSourceCode: penalty.dataSourceCode,
    revoked,
    regime: penalty.regime,
    published: penalty.published,
    repairable: penalty.repairable,
    repairableFrom: penalty.repairableFrom,
    publicityEndsAt: penalty.publicityEndsAt,
  };
}

/** Tells the subgraphs that judge penalties (repairs) what was created or changed, in the caller's transaction. */
export async function announcePenalties(em: EntityManager, penalties: PenaltyFacts[]): Promise<void> {
  if (penalties.length > 0) await publishEvent(em, 'penalties.changed', { penalties });
}

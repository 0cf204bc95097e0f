import type { EntityManager } from '../../../shared/db/orm';
import type { ActionFacts } from '../../../shared/events/catalogue';
import { publishEvent } from '../../../shared/events/publish';

/** What repairs is told of another administrative action: whose, who reported it (it decides an objection), whether withdrawn. */
export interface ActionFactsSource {
  id: string;
  subjectId: string;
  dataSourceCode: string;
  withdrawn: boolean;
}

export function actionFacts(action: ActionFactsSource): ActionFacts {
  return {
    actionId: action.id,
    subjectId: action.subjectId,
    dataSourceCode: action.dataSourceCode,
    withdrawn: action.withdrawn,
  };
}

/** Tells repairs (objections are routed by it) which actions changed, in the caller's transaction. */
export async function announceActions(em: EntityManager, actions: ActionFacts[]): Promise<void> {
  if (actions.length > 0) await publishEvent(em, 'actions.changed', { actions });
}

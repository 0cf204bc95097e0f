import { ratio } from '../../../shared/domain/ratio';
import { periodArguments } from '../../../shared/graphql/arguments';
import type { SubjectsContext } from '../loaders';
import { countSubmissions, QualityRow } from '../repositories/publicity-quality';
import type { PublicityQuality } from '../types/publicity-quality';

/** Longest period one quality query may cover. */
const MAX_PERIOD_DAYS = 366 * 5;

function qualityOf(row: QualityRow): PublicityQuality {
  const submitted = Number(row.submitted);
  const accepted = Number(row.accepted);
  const timely = Number(row.timely);
  return {
    departmentCode: row.department_code,
    kind: row.kind,
    submitted,
    accepted,
    rejected: submitted - accepted,
    acceptedRate: ratio(accepted, submitted),
    timely,
    timelyRate: ratio(timely, accepted),
    acceptedTargetMet: ratio(accepted, submitted) >= Number(row.accepted_target),
    timelyTargetMet: ratio(timely, accepted) >= Number(row.timely_target),
    provisional: row.provisional === true,
  };
}

/** Each department's 双公示 quality over decisions dated in [from, to] (of one department when given). */
export async function publicityQuality(
  ctx: SubjectsContext,
  from: string,
  to: string,
  department: string | null,
): Promise<PublicityQuality[]> {
  periodArguments(from, to, MAX_PERIOD_DAYS);
  return (await countSubmissions(ctx.em, from, to, department)).map(qualityOf);
}

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
  const interfaceSubmitted = Number(row.interface_submitted);
  const fileSubmitted = Number(row.file_submitted);
  const manualSubmitted = Number(row.manual_submitted);
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
    interfaceSubmitted,
    fileSubmitted,
    manualSubmitted,
    unknownChannelSubmitted: Number(row.unknown_submitted),
    // Over the submissions whose channel is known: rows from before channels were kept do not dilute it.
    interfaceShare: ratio(interfaceSubmitted, interfaceSubmitted + fileSubmitted + manualSubmitted),
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

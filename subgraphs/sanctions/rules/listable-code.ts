import { mayLookUp, UsccCheck } from '../../../shared/identifiers/uscc';

/**
 * Whether a list entry may name a code (the look-up rule of shared/identifiers/uscc.ts, for
 * a write): a valid code always; a code failing only its check character when it names a
 * subject already known here (reported with 已核实 and indexed); nothing else. Null when it
 * may, otherwise the reason.
 */
export function listingCodeProblem(check: UsccCheck, knownSubject: boolean): string | null {
  if (check.problem === null) return null;
  if (mayLookUp(check) && knownSubject) return null;
  return check.problem === 'CHECKSUM' ? `${check.reason}（该代码未经报送部门核实，不能认定名单）` : check.reason;
}

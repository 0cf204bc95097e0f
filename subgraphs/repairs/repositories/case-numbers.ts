import type { EntityManager } from '../../../shared/db/orm';
import { ObjectionCase } from '../entities/objection-case';
import { RepairCase } from '../entities/repair-case';
import { CaseKind, generateCaseNumber } from '../rules/query-code';

/** At most this many draws of a case number taken already (one in 10^8 a draw): then the request fails. */
const CASE_NUMBER_DRAWS = 5;

const CASES = { REPAIR: RepairCase, OBJECTION: ObjectionCase } as const;

/** A 受理编号 of the year no case of the kind holds yet (the unique constraint still guards a race). */
export async function freshCaseNumber(em: EntityManager, kind: CaseKind, year: string): Promise<string> {
  for (let draw = 0; draw < CASE_NUMBER_DRAWS; draw += 1) {
    const number = generateCaseNumber(year, undefined, kind);
    if ((await em.count(CASES[kind], { caseNumber: number })) === 0) return number;
  }
  throw new Error(`no free ${kind} case number of ${year} in ${CASE_NUMBER_DRAWS} draws`);
}

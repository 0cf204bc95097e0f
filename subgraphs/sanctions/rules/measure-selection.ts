import type { Scenario } from '../../../shared/domain/vocabulary';

/** What selection needs of a measure row (entities/measure.ts). */
export interface SelectableMeasure {
  code: string;
  listKinds: string[];
  scenarios: Scenario[];
}

/**
 * The measures of one list kind in one scenario (国办发〔2020〕49号: each measure by the
 * kind of list it applies to): a measure applies when it names the kind and the scenario.
 */
export function measuresOfKind<T extends SelectableMeasure>(
  measures: readonly T[],
  listKind: string,
  scenario: Scenario,
): T[] {
  return measures.filter((m) => m.scenarios.includes(scenario) && m.listKinds.includes(listKind));
}

/** The measures of several hits' kinds, each once, in catalogue order. */
export function measuresOfKinds<T extends SelectableMeasure>(
  measures: readonly T[],
  listKinds: Iterable<string>,
  scenario: Scenario,
): T[] {
  const kinds = new Set(listKinds);
  return measures.filter((m) => m.scenarios.includes(scenario) && m.listKinds.some((k) => kinds.has(k)));
}

/** One row of subjects.street_gazetteer: a road (or landmark) of 姑苏区 and the 街道 its addresses belong to. */
export interface StreetGazetteerRow {
  /** The name as it appears in an address, e.g. 平江路. */
  road: string;
  /** 街道 (sub-district), e.g. 平江街道. */
  street: string;
  source: string;
}

const GUSU = '苏州市姑苏区';

/**
 * The 街道 of a registered address: the gazetteer row whose road appears first after the district's
 * name (the longest road wins where two start at the same place, so 干将西路 is not read as 干将路).
 * Null for an address outside 姑苏区 or on a road the gazetteer does not know.
 */
export function streetOf(address: string | null, gazetteer: readonly StreetGazetteerRow[]): string | null {
  if (address === null) return null;
  const at = address.indexOf(GUSU.slice(-3));
  if (at < 0) return null;
  const rest = address.slice(at + 3);
  let best: { index: number; row: StreetGazetteerRow } | null = null;
  for (const row of gazetteer) {
    const index = rest.indexOf(row.road);
    if (index < 0) continue;
    if (best === null || index < best.index || (index === best.index && row.road.length > best.row.road.length))
      best = { index, row };
  }
  // An address naming the 街道 itself (…姑苏区平江街道…) needs no road row. Only a 街道 the gazetteer
  // knows counts: a pattern such as "two to four characters + 街道" reads 城北苏锦街道 or 观前街道前街.
  let named: { index: number; street: string } | null = null;
  for (const street of new Set(gazetteer.map((r) => r.street))) {
    const index = rest.indexOf(street);
    if (index >= 0 && (named === null || index < named.index)) named = { index, street };
  }
  if (named && (best === null || named.index <= best.index)) return named.street;
  return best?.row.street ?? null;
}

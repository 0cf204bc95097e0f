/** A rate for reports: part / whole to four decimals, 0 when there is nothing to divide. */
export function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10000) / 10000;
}

/**
 * How long a report is valid (有效期), as rule rows (reports.report_validity_rule):
 * the defaults below are what the migration loads, each naming its source.
 */
export interface ValidityRule {
  kind: string;
  days: number;
  source: string;
}

/** Days are calendar days from the issue date in China; the report is valid through the last one. */
export function validUntilDate(issuedOn: string, days: number): string {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`a validity period is at least one day, got ${days}`);
  const date = new Date(`${issuedOn}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days - 1);
  return date.toISOString().slice(0, 10);
}

/** Valid while today (China) is not past the last valid day. */
export function isStillValid(validUntil: string, today: string): boolean {
  return today <= validUntil;
}

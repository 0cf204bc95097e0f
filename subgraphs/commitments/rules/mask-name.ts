import { maskPersonName } from '../../../shared/identifiers/person-name';

/** The signatory's name for a reader: a person's (no 统一社会信用代码) is masked unless the reader may see personal data. */
export function signatoryNameFor(
  signatory: { name: string; uscc: string | null },
  mayReadPersonalData: boolean,
): string {
  return signatory.uscc === null && !mayReadPersonalData ? maskPersonName(signatory.name) : signatory.name;
}

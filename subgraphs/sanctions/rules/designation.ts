import { AuthorityKind, CreditList } from '../../../shared/domain/vocabulary';
import { DEFAULT_KIND_BY_LIST, ListKindDefinition } from './list-kinds';

/** What designation needs of a list kind (a catalogue row, or the entity entities/list-kind.ts). */
export type KindView = Pick<
  ListKindDefinition,
  'code' | 'list' | 'name' | 'authorityKind' | 'authorityName' | 'designatorCode'
>;

export interface Designation {
  listKind: string;
  designatingAuthorityKind: AuthorityKind;
  designatingAuthority: string;
}

/** Why a proposal may not have the kind it asks for: the argument and the message; `forbidden` when it is about who asks. */
export interface DesignationRefusal {
  argument: string;
  message: string;
  forbidden: boolean;
}

const EXTERNAL: readonly AuthorityKind[] = [AuthorityKind.COURT, AuthorityKind.UPPER_PLATFORM];

/** The kind a proposal names, or its colour's general kind. */
export function requestedKind(list: CreditList, listKind: string | null | undefined): string {
  return listKind ?? DEFAULT_KIND_BY_LIST[list];
}

/**
 * Who designated an entry of `kind` proposed by `org` (谁认定): an external authority's
 * kind (court, upper platform) is recorded by the credit office as received, naming the
 * authority; a kind only one department designates is proposed by that department alone
 * (the entry is its own, and so is the repair); a local kind proposed by the credit office
 * is the office's own.
 */
export function designate(
  kind: KindView,
  list: CreditList,
  org: string,
  creditOffice: boolean,
  authority: string | null,
): Designation | DesignationRefusal {
  if (kind.list !== list)
    return {
      argument: 'input.listKind',
      message: `the kind ${kind.code} (${kind.name}) belongs to the ${kind.list} list, not ${list}`,
      forbidden: false,
    };
  // A tax kind is the tax department's (designator_code); one added without it is external like a court's.
  const external =
    EXTERNAL.includes(kind.authorityKind) || (kind.authorityKind === AuthorityKind.TAX && kind.designatorCode === null);
  if (external && !creditOffice) {
    return {
      argument: 'input.listKind',
      message: `${kind.name} is designated by ${kind.authorityName}: only the credit office records it here, as received`,
      forbidden: true,
    };
  }
  if (kind.designatorCode !== null && kind.designatorCode !== org) {
    return {
      argument: 'input.listKind',
      message: `${kind.name} is designated by ${kind.designatorCode}, not ${org}`,
      forbidden: true,
    };
  }
  const own = kind.authorityKind === AuthorityKind.LOCAL_DEPARTMENT && creditOffice && kind.designatorCode === null;
  // A kind any department designates names the department by its code; the others name their authority.
  const standing = own
    ? '区信用办'
    : kind.designatorCode === null && kind.authorityKind === AuthorityKind.LOCAL_DEPARTMENT
      ? org
      : kind.authorityName;
  // A district department's kind is designated by the proposer itself: naming another body (a court, another
  // department) would publish a false 认定单位 and send the subject to the wrong place for repair.
  if (
    kind.authorityKind === AuthorityKind.LOCAL_DEPARTMENT &&
    authority !== null &&
    authority !== standing &&
    authority !== org
  ) {
    return {
      argument: 'input.designatingAuthority',
      message: `${kind.name} is designated by the proposing department (${org}) itself: designatingAuthority names only an external authority's kind`,
      forbidden: false,
    };
  }
  return {
    listKind: kind.code,
    designatingAuthorityKind: own ? AuthorityKind.CREDIT_OFFICE : kind.authorityKind,
    designatingAuthority: authority ?? standing,
  };
}

export function isRefusal(value: Designation | DesignationRefusal): value is DesignationRefusal {
  return 'argument' in value;
}

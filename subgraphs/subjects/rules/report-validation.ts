import { ActionKind, LicenseCategory, Severity, SubjectKind } from '../../../shared/domain/vocabulary';
import { checkUscc } from '../../../shared/identifiers/uscc';
import { residentIdProblem } from '../../../shared/identifiers/resident-id';
import { DOCUMENT_FIELD, RawReport, REPORT_FIELDS, ReportKind } from '../../../shared/reporting/fields';
import { FieldReader, spellings } from './report-fields';
import { FINE_CATEGORY, PENALTY_CATEGORIES } from './penalty-categories';
import { readPublicityFields } from './publicity-fields';
import type { FieldProblem } from './report-problems';

/** A department of the directory, as an authority (处罚机关 / 许可机关 / 实施机关) is checked against it. */
export interface Authority {
  code: string;
  name: string;
  uscc: string;
}

export interface ValidationContext {
  /** China date of the report: no decision may be later. */
  today: string;
  /** The department directory by USCC. */
  authorities: ReadonlyMap<string, Authority>;
  /** Codes of the authorities the reporting department may report for: itself and its delegations in force (rules/reporting-authority.ts). */
  reportableFor: ReadonlySet<string>;
}

/** 行政相对人: found by its code, created when first met. */
export type Party =
  | { by: 'uscc'; uscc: string; name: string; kind: SubjectKind; divisionCode: string; legalRepName: string | null }
  | { by: 'idNumber'; idNumber: string; name: string };

export interface NaturalKey {
  authorityCode: string;
  documentNo: string;
}

/** Column values of the record table, by entity property. */
export type RecordValues = Record<string, string | number | boolean | string[] | null>;

export type CheckedReport =
  | { ok: true; key: NaturalKey; decidedAt: string; party: Party; values: RecordValues }
  | { ok: false; key: NaturalKey | null; documentNo: string | null; decidedAt: string | null; problems: FieldProblem[] };

/** 行政相对人类别 */
export enum PartyClass {
  LEGAL_PERSON = 'LEGAL_PERSON', // 法人及非法人组织
  INDIVIDUAL_BUSINESS = 'INDIVIDUAL_BUSINESS', // 个体工商户
  NATURAL_PERSON = 'NATURAL_PERSON', // 自然人
}

const PARTY_CLASSES = spellings([
  [PartyClass.LEGAL_PERSON, ['法人及非法人组织', '法人及其他组织', '法人']],
  [PartyClass.INDIVIDUAL_BUSINESS, ['个体工商户']],
  [PartyClass.NATURAL_PERSON, ['自然人']],
]);
const YES_NO = spellings([
  ['YES', ['是', 'Y', 'TRUE', '1']],
  ['NO', ['否', 'N', 'FALSE', '0']],
]);
const ID_TYPES = spellings([['RESIDENT_ID', ['身份证', '居民身份证']]]);
const SEVERITIES = spellings([
  [Severity.MINOR, ['轻微']],
  [Severity.GENERAL, ['一般']],
  [Severity.SERIOUS, ['严重']],
]);
const LICENSE_CATEGORIES = spellings([
  [LicenseCategory.GENERAL, ['普通']],
  [LicenseCategory.FRANCHISE, ['特许']],
  [LicenseCategory.ACCREDITATION, ['认可']],
  [LicenseCategory.APPROVAL, ['核准']],
  [LicenseCategory.REGISTRATION, ['登记']],
  [LicenseCategory.OTHER, ['其他']],
]);
const ACTION_KINDS = spellings([
  [ActionKind.ENFORCEMENT, ['行政强制', '强制']],
  [ActionKind.CONFIRMATION, ['行政确认', '确认']],
  [ActionKind.LEVY, ['行政征收', '征收']],
  [ActionKind.BENEFIT, ['行政给付', '给付']],
  [ActionKind.ADJUDICATION, ['行政裁决', '裁决']],
  [ActionKind.COMPENSATION, ['行政补偿', '补偿']],
  [ActionKind.REWARD, ['行政奖励', '奖励']],
  [ActionKind.INSPECTION, ['监督检查', '行政检查', '行政监督检查']],
]);

/** What positions 1–2 of a USCC say about the kind of subject (GB 32100-2015). */
export function subjectKindOf(uscc: string, partyClass: PartyClass.LEGAL_PERSON | PartyClass.INDIVIDUAL_BUSINESS): SubjectKind {
  const prefix = uscc.slice(0, 2);
  if (prefix === '92' || partyClass === PartyClass.INDIVIDUAL_BUSINESS) return SubjectKind.INDIVIDUAL_BUSINESS;
  if (prefix === '93') return SubjectKind.FARMER_COOPERATIVE;
  if (prefix === '11') return SubjectKind.GOVERNMENT_AGENCY;
  if (prefix === '12') return SubjectKind.PUBLIC_INSTITUTION;
  if (prefix[0] === '5') return SubjectKind.SOCIAL_ORGANIZATION;
  return SubjectKind.ENTERPRISE;
}

function readParty(reader: FieldReader): Party | null {
  const name = reader.text('partyName');
  const partyClass = reader.choice('partyClass', PARTY_CLASSES);
  const legalRepName = reader.text('legalRepresentative');
  const confirmed = reader.choice('usccConfirmed', YES_NO) === 'YES';
  if (partyClass === PartyClass.NATURAL_PERSON) {
    const idType = reader.choice('idType', ID_TYPES, true);
    const idText = reader.text('idNumber', true);
    if (idType === null || idText === null) return null;
    const idNumber = idText.toUpperCase();
    const why = residentIdProblem(idNumber);
    if (why !== null) {
      reader.add('idNumber', why.includes('校验位') ? 'INVALID_CHECKSUM' : 'INVALID_FORMAT', why);
      return null;
    }
    return name === null ? null : { by: 'idNumber', idNumber, name };
  }
  const text = reader.text('uscc', partyClass !== null);
  if (text === null || partyClass === null) return null;
  const check = checkUscc(text);
  // DESIGN.md: real codes sometimes fail the checksum; the department may confirm such a code.
  if (check.problem === 'CHECKSUM' && !confirmed) {
    reader.add('uscc', 'INVALID_CHECKSUM', `${check.reason}（如经核实无误，请在“${reader.header('usccConfirmed')}”填“是”）`);
    return null;
  }
  if (check.problem !== null && check.problem !== 'CHECKSUM') {
    reader.add('uscc', 'INVALID_FORMAT', check.reason ?? '统一社会信用代码格式错误');
    return null;
  }
  if (name === null) return null;
  return { by: 'uscc', uscc: check.normalized, name, kind: subjectKindOf(check.normalized, partyClass), divisionCode: check.normalized.slice(2, 8), legalRepName };
}

function readAuthority(reader: FieldReader, authorities: ReadonlyMap<string, Authority>, reportableFor: ReadonlySet<string>): Authority | null {
  const name = reader.text('authorityName');
  const text = reader.text('authorityUscc');
  if (text === null) return null;
  const check = checkUscc(text);
  if (check.problem !== null) {
    reader.add('authorityUscc', check.problem === 'CHECKSUM' ? 'INVALID_CHECKSUM' : 'INVALID_FORMAT', check.reason ?? '');
    return null;
  }
  const authority = authorities.get(check.normalized);
  if (!authority) {
    reader.add('authorityUscc', 'UNKNOWN_AUTHORITY', `${reader.header('authorityUscc')} ${check.normalized} 不在部门目录中`);
    return null;
  }
  if (name !== null && name !== authority.name) {
    reader.add('authorityName', 'MISMATCH', `${reader.header('authorityName')}“${name}”与目录中该代码的名称“${authority.name}”不一致`);
  }
  // Kept as the record's key even when refused, so a corrected resend replaces the rejection.
  if (!reportableFor.has(authority.code)) {
    reader.add('authorityUscc', 'AUTHORITY_NOT_OWN', `${reader.header('authorityUscc')} ${authority.uscc} (${authority.name}) 不是报送部门本身，也未经区信用办委托报送`);
  }
  return authority;
}

function decisionDate(reader: FieldReader, today: string): string | null {
  const decidedAt = reader.date('decidedAt');
  if (decidedAt !== null && decidedAt > today) {
    reader.add('decidedAt', 'FUTURE_DATE', `${reader.header('decidedAt')} ${decidedAt} 晚于报送日期 ${today}`);
    return null;
  }
  return decidedAt;
}

/** `until` must not be before `from`; a problem is named on `field`. */
function notBefore(reader: FieldReader, field: string, until: string | null, from: string | null): void {
  if (until !== null && from !== null && until < from) {
    reader.add(field, 'DATE_ORDER', `${reader.header(field)} ${until} 早于 ${from}`);
  }
}

type KindReader = (reader: FieldReader, decidedAt: string | null) => RecordValues;

const READ_VALUES: Record<ReportKind, KindReader> = {
  penalties: (reader, decidedAt) => {
    const categories = reader.list('categories');
    const unknown = categories?.filter((c) => !PENALTY_CATEGORIES.includes(c)) ?? [];
    if (unknown.length > 0) reader.add('categories', 'INVALID_VALUE', `处罚类别不在《行政处罚法》第九条的种类中: ${unknown.join('、')}`);
    const fineAmount = reader.amount('fineAmount');
    if (categories?.includes(FINE_CATEGORY) && fineAmount === null && reader.isBlank('fineAmount')) {
      reader.add('fineAmount', 'REQUIRED', '处罚类别含罚款时罚款金额为必填项');
    }
    const validUntil = reader.date('validUntil');
    notBefore(reader, 'validUntil', validUntil, decidedAt);
    const severity = reader.choice('severity', SEVERITIES);
    return {
      violationType: reader.text('violationType'),
      facts: reader.text('facts'),
      legalBasis: reader.text('legalBasis'),
      categories,
      content: reader.text('content'),
      fineAmount,
      confiscatedAmount: reader.amount('confiscatedAmount'),
      licenseAction: reader.text('licenseAction'),
      validUntil,
      severity,
      ...readPublicityFields(reader, severity),
    };
  },
  licenses: (reader) => {
    const validFrom = reader.date('validFrom');
    const validUntil = reader.date('validUntil');
    notBefore(reader, 'validUntil', validUntil, validFrom);
    return {
      documentName: reader.text('documentName'),
      category: reader.choice('category', LICENSE_CATEGORIES),
      title: reader.text('title'),
      certificateNo: reader.text('certificateNo'),
      content: reader.text('content'),
      validFrom,
      validUntil,
    };
  },
  actions: (reader) => ({
    actionKind: reader.choice('actionKind', ACTION_KINDS),
    title: reader.text('title'),
    content: reader.text('content'),
  }),
};

/**
 * Checks one reported record on its own (shared/reporting/fields.ts): required
 * fields, lengths, codes and their check digits, dates (no decision after today,
 * no end before its start), closed value sets, amounts, the authority against
 * the department directory and the caller's own or delegated authorities. Pure: the caller brings today and the directory.
 */
export function checkReport(kind: ReportKind, raw: RawReport, context: ValidationContext): CheckedReport {
  const reader = new FieldReader(raw, REPORT_FIELDS[kind]);
  const documentField = DOCUMENT_FIELD[kind];
  const party = readParty(reader);
  const authority = readAuthority(reader, context.authorities, context.reportableFor);
  const documentNo = reader.text(documentField);
  const decidedAt = decisionDate(reader, context.today);
  const values = READ_VALUES[kind](reader, decidedAt);
  const key = authority !== null && documentNo !== null ? { authorityCode: authority.code, documentNo } : null;
  if (reader.problems.length > 0 || key === null || party === null || decidedAt === null) {
    return { ok: false, key, documentNo, decidedAt, problems: reader.problems };
  }
  return { ok: true, key, decidedAt, party, values };
}

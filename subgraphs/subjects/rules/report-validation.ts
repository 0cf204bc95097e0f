import { ActionKind, LicenseCategory, LicenseStatus, Severity, SubjectKind } from '../../../shared/domain/vocabulary';
import { divisionCodeProblem } from '../../../shared/identifiers/divisions';
import {
  certificateNoProblem,
  CodeProblem,
  normalizePartyCode,
  orgCodeProblem,
  registrationNoProblem,
  taxRegistrationNoProblem,
} from '../../../shared/identifiers/party-codes';
import {
  normalizePersonId,
  parsePersonIdType,
  personDivisionCode,
  personIdProblem,
  PersonIdTypeValue,
} from '../../../shared/identifiers/person-id';
import { checkUscc, UsccCheck, usccSubjectKind } from '../../../shared/identifiers/uscc';
import {
  DOCUMENT_FIELD,
  LONG_TERM_DATE,
  OTHER_TEXT_MAX_LENGTH,
  RawReport,
  REPORT_FIELDS,
  ReportKind,
} from '../../../shared/reporting/fields';
import { FINE_CATEGORY, PENALTY_CATEGORIES } from './penalty-categories';
import { readPublicityFields } from './publicity-fields';
import { FieldReader, otherValue, spellings } from './report-fields';
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
  /** The reporting department (数据来源单位): a record naming another data source is refused. Unknown (null) = not compared. */
  reporter?: Authority | null;
}

/** 行政相对人代码_3 … _6 and the 法定代表人's ID, recorded on the subject when first known. */
export interface PartyDetails {
  orgCode: string | null;
  taxRegistrationNo: string | null;
  institutionCertificateNo: string | null;
  socialOrgRegistrationNo: string | null;
  legalRepName: string | null;
  legalRepIdType: string | null;
  legalRepIdNumber: string | null;
}

/**
 * 行政相对人: found by its code, created when first met. An organisation by its
 * USCC, or (an 个体工商户 without one) by its 工商注册号; a natural person by the
 * number of the ID the report names (idType is its label, 身份证 …).
 */
export type Party =
  | ({
      by: 'uscc';
      uscc: string;
      registrationNo: string | null;
      name: string;
      kind: SubjectKind;
      divisionCode: string;
    } & PartyDetails)
  | ({
      by: 'registrationNo';
      uscc: null;
      registrationNo: string;
      name: string;
      kind: SubjectKind;
      divisionCode: string;
    } & PartyDetails)
  | { by: 'idNumber'; idNumber: string; idType: string; name: string; divisionCode: string };

/** The code a party is known by (uscc, 工商注册号 or ID number). */
export function partyKey(party: Party): string {
  return party.by === 'uscc' ? party.uscc : party.by === 'registrationNo' ? party.registrationNo : party.idNumber;
}

export interface NaturalKey {
  authorityCode: string;
  documentNo: string;
}

/** Column values of the record table, by entity property. */
export type RecordValues = Record<string, string | number | boolean | string[] | null>;

export type CheckedReport =
  | { ok: true; key: NaturalKey; decidedAt: string; party: Party; values: RecordValues }
  | {
      ok: false;
      key: NaturalKey | null;
      documentNo: string | null;
      decidedAt: string | null;
      problems: FieldProblem[];
    };

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
/** 当前状态 of a licence (双公示 standard: 有效 / 无效; 1 / 2 as some platforms send them). */
const LICENSE_STATUSES = spellings([
  [LicenseStatus.VALID, ['有效', '1']],
  [LicenseStatus.INVALID, ['无效', '2']],
]);
/** 个体工商户 without a USCC (the placeholder some platforms require: 17 zeros and X) = no USCC. */
const NO_USCC_PLACEHOLDER = '00000000000000000X';
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

/** What positions 1–2 of a USCC say about the kind of subject (GB 32100-2015, shared/identifiers/uscc-authorities.ts); 个体工商户 as reported wins. */
export function subjectKindOf(
  uscc: string,
  partyClass: PartyClass.LEGAL_PERSON | PartyClass.INDIVIDUAL_BUSINESS,
): SubjectKind {
  if (partyClass === PartyClass.INDIVIDUAL_BUSINESS) return SubjectKind.INDIVIDUAL_BUSINESS;
  return usccSubjectKind(uscc) ?? SubjectKind.OTHER_ORGANIZATION;
}

/** A 证件类型 field: one of the standard's types or 其他-<name>. */
function readIdType(reader: FieldReader, field: string, required: boolean): PersonIdTypeValue | null {
  const text = reader.text(field, required);
  if (text === null) return null;
  const value = parsePersonIdType(text);
  if (value === null) {
    reader.add(
      field,
      'INVALID_VALUE',
      `${reader.header(field)}应为 身份证 / 护照号 / 港澳居民来往内地通行证 / 台湾居民来往大陆通行证 / 外国人永久居留身份证 / 其他-<证件名称>（不超过20字） 之一: ${text}`,
    );
  }
  return value;
}

/** A 证件号码 field checked with its type's own format; null when absent or wrong. */
function readIdNumber(
  reader: FieldReader,
  field: string,
  type: PersonIdTypeValue | null,
  required: boolean,
): string | null {
  const text = reader.text(field, required);
  if (text === null || type === null) return null;
  const number = normalizePersonId(text);
  const why = personIdProblem(type.type, number);
  if (why !== null) {
    reader.add(
      field,
      why.includes('校验位') ? 'INVALID_CHECKSUM' : 'INVALID_FORMAT',
      `${reader.header(field)}（${type.label}）: ${why}`,
    );
    return null;
  }
  return number;
}

/** One of 行政相对人代码_2 … _6, normalized and checked; null when absent or wrong. */
function readPartyCode(reader: FieldReader, field: string, check: (code: string) => CodeProblem | null): string | null {
  const text = reader.text(field);
  if (text === null) return null;
  const code =
    field === 'institutionCertificateNo' || field === 'socialOrgRegistrationNo' ? text : normalizePartyCode(text);
  const why = check(code);
  if (why !== null) {
    reader.add(field, why.kind, `${reader.header(field)}: ${why.message}`);
    return null;
  }
  return code;
}

function readPartyDetails(reader: FieldReader): PartyDetails {
  const legalRepIdNumberGiven = !reader.isBlank('legalRepIdNumber');
  const legalRepIdType = readIdType(reader, 'legalRepIdType', legalRepIdNumberGiven);
  return {
    orgCode: readPartyCode(reader, 'orgCode', orgCodeProblem),
    taxRegistrationNo: readPartyCode(reader, 'taxRegistrationNo', taxRegistrationNoProblem),
    institutionCertificateNo: readPartyCode(reader, 'institutionCertificateNo', certificateNoProblem),
    socialOrgRegistrationNo: readPartyCode(reader, 'socialOrgRegistrationNo', certificateNoProblem),
    legalRepName: reader.text('legalRepresentative'),
    legalRepIdType: legalRepIdType?.label ?? null,
    legalRepIdNumber: readIdNumber(reader, 'legalRepIdNumber', legalRepIdType, false),
  };
}

/** The party; its division may still be null (filled from the authority's by checkReport). */
type ReadParty =
  | ((
      | Omit<Extract<Party, { by: 'uscc' }>, 'divisionCode'>
      | Omit<Extract<Party, { by: 'registrationNo' }>, 'divisionCode'>
    ) & { divisionCode: string | null })
  | (Omit<Extract<Party, { by: 'idNumber' }>, 'divisionCode'> & { divisionCode: string | null });

function readParty(reader: FieldReader): ReadParty | null {
  const name = reader.text('partyName');
  const partyClass = reader.choice('partyClass', PARTY_CLASSES);
  const confirmed = reader.choice('usccConfirmed', YES_NO) === 'YES';
  if (partyClass === PartyClass.NATURAL_PERSON) {
    const idType = readIdType(reader, 'idType', true);
    const idNumber = readIdNumber(reader, 'idNumber', idType, true);
    if (idType === null || idNumber === null || name === null) return null;
    return {
      by: 'idNumber',
      idNumber,
      idType: idType.label,
      name,
      divisionCode: personDivisionCode(idType.type, idNumber, '') || null,
    };
  }
  const details = readPartyDetails(reader);
  const registrationNo = readPartyCode(reader, 'registrationNo', registrationNoProblem);
  const registrationNoGiven = !reader.isBlank('registrationNo');
  const usccText = reader.isBlank('uscc') ? null : reader.peek('uscc').toUpperCase();
  // 双公示 standard: an 个体工商户 without a USCC is identified by its 工商注册号 (then required).
  if (partyClass === PartyClass.INDIVIDUAL_BUSINESS && (usccText === null || usccText === NO_USCC_PLACEHOLDER)) {
    if (!registrationNoGiven)
      reader.add(
        'uscc',
        'REQUIRED',
        `个体工商户应填写${reader.header('uscc')}，没有的填写${reader.header('registrationNo')}`,
      );
    if (registrationNo === null || name === null) return null;
    const division = registrationNo.slice(0, 6);
    return {
      by: 'registrationNo',
      uscc: null,
      registrationNo,
      name,
      kind: SubjectKind.INDIVIDUAL_BUSINESS,
      divisionCode: divisionCodeProblem(division) === null ? division : null,
      ...details,
    };
  }
  const text = reader.text('uscc', partyClass !== null);
  if (text === null || partyClass === null) return null;
  const check = checkUscc(text);
  // DESIGN.md: real codes sometimes fail the checksum; the department may confirm such a code.
  if (check.problem === 'CHECKSUM' && !confirmed) {
    reader.add(
      'uscc',
      'INVALID_CHECKSUM',
      `${check.reason}（如经核实无误，请在“${reader.header('usccConfirmed')}”填“是”）`,
    );
    return null;
  }
  if (check.problem !== null && check.problem !== 'CHECKSUM') {
    reader.add('uscc', 'INVALID_FORMAT', check.reason ?? '统一社会信用代码格式错误');
    return null;
  }
  if (name === null || (registrationNoGiven && registrationNo === null)) return null;
  return {
    by: 'uscc',
    uscc: check.normalized,
    registrationNo,
    name,
    kind: subjectKindOf(check.normalized, partyClass),
    divisionCode: check.normalized.slice(2, 8),
    ...details,
  };
}

/** A department's USCC that must be valid (数据来源单位, 实施机关): its problem code and reason. */
function usccProblem(check: UsccCheck): ['INVALID_CHECKSUM' | 'INVALID_FORMAT', string] {
  return [check.problem === 'CHECKSUM' ? 'INVALID_CHECKSUM' : 'INVALID_FORMAT', check.reason ?? ''];
}

/** 数据来源单位 / its USCC: optional; when given they must name the reporting department itself. */
function readDataSource(reader: FieldReader, reporter: Authority | null | undefined): void {
  const name = reader.text('dataSource');
  const text = reader.text('dataSourceUscc');
  if (text !== null) {
    const check = checkUscc(text);
    if (check.problem !== null) reader.add('dataSourceUscc', ...usccProblem(check));
    else if (reporter && check.normalized !== reporter.uscc) {
      reader.add(
        'dataSourceUscc',
        'MISMATCH',
        `${reader.header('dataSourceUscc')} ${check.normalized} 不是报送部门 ${reporter.name} 的代码 ${reporter.uscc}：数据来源单位即报送部门`,
      );
    }
  }
  if (name !== null && reporter && name !== reporter.name) {
    reader.add(
      'dataSource',
      'MISMATCH',
      `${reader.header('dataSource')}“${name}”不是报送部门“${reporter.name}”：数据来源单位即报送部门`,
    );
  }
}

function readAuthority(
  reader: FieldReader,
  authorities: ReadonlyMap<string, Authority>,
  reportableFor: ReadonlySet<string>,
): Authority | null {
  const name = reader.text('authorityName');
  const text = reader.text('authorityUscc');
  if (text === null) return null;
  const check = checkUscc(text);
  if (check.problem !== null) {
    reader.add('authorityUscc', ...usccProblem(check));
    return null;
  }
  const authority = authorities.get(check.normalized);
  if (!authority) {
    reader.add(
      'authorityUscc',
      'UNKNOWN_AUTHORITY',
      `${reader.header('authorityUscc')} ${check.normalized} 不在部门目录中`,
    );
    return null;
  }
  if (name !== null && name !== authority.name) {
    reader.add(
      'authorityName',
      'MISMATCH',
      `${reader.header('authorityName')}“${name}”与目录中该代码的名称“${authority.name}”不一致`,
    );
  }
  // Kept as the record's key even when refused, so a corrected resend replaces the rejection.
  if (!reportableFor.has(authority.code)) {
    reader.add(
      'authorityUscc',
      'AUTHORITY_NOT_OWN',
      `${reader.header('authorityUscc')} ${authority.uscc} (${authority.name}) 不是报送部门本身，也未经区信用办委托报送`,
    );
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

/** 许可类别: one of the six, or 其他-<具体类别> (the standard: 如为“其他”，需注明具体类别; a bare 其他 is still accepted). */
function licenseCategory(reader: FieldReader): [LicenseCategory | null, string | null] {
  const text = reader.text('category');
  if (text === null) return [null, null];
  const detail = otherValue(text, OTHER_TEXT_MAX_LENGTH);
  if (detail !== null) return [LicenseCategory.OTHER, detail];
  return [reader.choice('category', LICENSE_CATEGORIES), null];
}

const READ_VALUES: Record<ReportKind, KindReader> = {
  penalties: (reader, decidedAt) => {
    const categories = reader.list('categories');
    const unknown =
      categories?.filter((c) => !PENALTY_CATEGORIES.includes(c) && otherValue(c, OTHER_TEXT_MAX_LENGTH) === null) ?? [];
    if (unknown.length > 0)
      reader.add('categories', 'INVALID_VALUE', `处罚类别不在《行政处罚法》第九条的种类中: ${unknown.join('、')}`);
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
      remarks: reader.text('remarks'),
    };
  },
  licenses: (reader) => {
    const validFrom = reader.date('validFrom');
    const reportedUntil = reader.date('validUntil');
    notBefore(reader, 'validUntil', reportedUntil, validFrom);
    const [category, categoryDetail] = licenseCategory(reader);
    return {
      documentName: reader.text('documentName'),
      category,
      categoryDetail,
      title: reader.text('title'),
      certificateNo: reader.text('certificateNo'),
      content: reader.text('content'),
      validFrom,
      // 双公示 standard: 有效期至 2099/12/31 的含义为长期 — stored as no end, like an empty cell.
      validUntil: reportedUntil === LONG_TERM_DATE ? null : reportedUntil,
      status: reader.choice('status', LICENSE_STATUSES) ?? (reader.isBlank('status') ? LicenseStatus.VALID : null),
      remarks: reader.text('remarks'),
    };
  },
  actions: (reader) => ({
    actionKind: reader.choice('actionKind', ACTION_KINDS),
    title: reader.text('title'),
    content: reader.text('content'),
    remarks: reader.text('remarks'),
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
  const read = readParty(reader);
  const authority = readAuthority(reader, context.authorities, context.reportableFor);
  readDataSource(reader, context.reporter);
  // A party without a division of its own (a passport holder, …) takes its authority's.
  const party =
    read === null || authority === null
      ? null
      : ({ ...read, divisionCode: read.divisionCode ?? authority.uscc.slice(2, 8) } as Party);
  const documentNo = reader.text(documentField);
  const decidedAt = decisionDate(reader, context.today);
  const values = READ_VALUES[kind](reader, decidedAt);
  const key = authority !== null && documentNo !== null ? { authorityCode: authority.code, documentNo } : null;
  if (reader.problems.length > 0 || key === null || party === null || decidedAt === null) {
    return { ok: false, key, documentNo, decidedAt, problems: reader.problems };
  }
  return { ok: true, key, decidedAt, party, values };
}

/**
 * Deterministic demo data for 姑苏区 (320508): departments, subjects and their
 * 双公示 records, submissions, list entries, commitments and repair cases.
 * One PRNG stream drives everything, so the same options give the same dataset;
 * `today` is the only notion of time. Each subgraph seeds its own slice.
 */
import {
  AuthorityKind,
  CommitmentKind,
  CommitmentStatus,
  CreditList,
  LicenseCategory,
  ListEntryStatus,
  RecordKind,
  RepairStatus,
  RepairTarget,
  Severity,
  SubjectKind,
  SubjectStatus,
  SubmissionOutcome,
} from '../domain/vocabulary';
import { completeResidentId } from '../identifiers/resident-id';
import { completeUscc } from '../identifiers/uscc';
import {
  ARTICLE_NUMERALS,
  BLACK_REASONS,
  COOPERATIVE_TRADES,
  ENTERPRISE_TRADES,
  FEMALE_GIVEN,
  FOUNDATION_TYPES,
  INDUSTRY,
  INSTITUTION_TYPES,
  LICENSE_REJECTIONS,
  LICENSES,
  MALE_GIVEN,
  PENALTY_REJECTIONS,
  PERSON_SECTIONS,
  PRIVATE_NON_ENTERPRISE_TYPES,
  RED_REASONS,
  REPAIR_REASONS,
  SHOP_TYPES,
  SOCIAL_GROUP_TYPES,
  STREETS,
  SUBDISTRICTS,
  SURNAMES,
  TEMPLATES,
  templateText,
  TRADE_CHARS,
  TRADE_NAMES,
  VIOLATIONS,
  WATCH_REASONS,
  type IndustrySection,
  type LicenseSpec,
  type ListReasonSpec,
  type TemplateSpec,
  type ViolationSpec,
} from './names';
import {
  addYears,
  formatCompactDay,
  formatDay,
  formatInstant,
  parseDay,
  Random,
  weighted,
  yearOf,
  type Weighted,
} from './random';
import type {
  DemoCommitment,
  DemoCommitmentTemplate,
  DemoDataset,
  DemoDepartment,
  DemoLicense,
  DemoListEntry,
  DemoOptions,
  DemoPenalty,
  DemoRepairCase,
  DemoSubject,
  DemoSubmission,
} from './types';

/** The district credit office: it decides repairs and issues the generic templates. */
export const CREDIT_OFFICE_CODE = 'gusu.xyb';
export const DIVISION_CODE = '320508';

export interface DepartmentSpec {
  code: string;
  name: string;
  orgCode: string; // positions 9–17 of the USCC
  prefix: string; // 文号 prefix: 姑苏市监 + 处罚/许/…
}

/** The demo department directory (the subjects subgraph seeds it; the development identity provider's users belong to it). */
export const DEPARTMENTS: readonly DepartmentSpec[] = [
  { code: 'gusu.scjgj', name: '姑苏区市场监督管理局', orgCode: 'MB1668027', prefix: '姑苏市监' },
  { code: 'gusu.zjw', name: '姑苏区住房和城乡建设委员会', orgCode: '014160235', prefix: '姑苏建' },
  { code: 'gusu.fgj', name: '姑苏区发展和改革局', orgCode: '014160198', prefix: '姑苏发改' },
  { code: 'gusu.xzspj', name: '姑苏区行政审批局', orgCode: 'MB1538840', prefix: '姑苏审批' },
  { code: 'gusu.swj', name: '国家税务总局苏州市姑苏区税务局', orgCode: 'MB1C72265', prefix: '苏州姑苏税' },
  { code: 'gusu.xfjy', name: '姑苏区消防救援大队', orgCode: 'MB1D03419', prefix: '姑苏消' },
  { code: 'gusu.ajj', name: '姑苏区应急管理局', orgCode: 'MB1670136', prefix: '姑苏应急' },
  { code: 'gusu.wjw', name: '姑苏区卫生健康委员会', orgCode: 'MB1671743', prefix: '姑苏卫健' },
  { code: 'gusu.cgj', name: '姑苏区城市管理局', orgCode: '551183409', prefix: '姑苏城管' },
  { code: 'gusu.whlyj', name: '姑苏区文体旅游局', orgCode: 'MB1671559', prefix: '姑苏文旅' },
  { code: 'gusu.rsj', name: '姑苏区人力资源和社会保障局', orgCode: '014160219', prefix: '姑苏人社' },
  {
    code: CREDIT_OFFICE_CODE,
    name: '姑苏区社会信用体系建设领导小组办公室',
    orgCode: 'MB1H06418',
    prefix: '姑苏信用办',
  },
];

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const DIGITS = '0123456789';
// Old organisation codes (GB 11714) end in a digit or X.
const ORG_CHECK = '0123456789X';
// 苏州 division codes seen in residents' IDs; the old urban districts dominate.
const RESIDENT_DIVISIONS = weighted<string>([
  ['320502', 5],
  ['320503', 4],
  ['320504', 4],
  ['320505', 2],
  ['320506', 2],
  ['320507', 1],
  ['320508', 1],
  ['320581', 1],
  ['320582', 1],
  ['320583', 1],
  ['320585', 1],
]);

const KINDS = weighted<SubjectKind>([
  [SubjectKind.ENTERPRISE, 62],
  [SubjectKind.INDIVIDUAL_BUSINESS, 27],
  [SubjectKind.FARMER_COOPERATIVE, 1.5],
  [SubjectKind.SOCIAL_ORGANIZATION, 3],
  [SubjectKind.PUBLIC_INSTITUTION, 2],
  [SubjectKind.NATURAL_PERSON, 4.5],
]);
const BUSINESS_STATUS = weighted<SubjectStatus>([
  [SubjectStatus.ACTIVE, 87],
  [SubjectStatus.ABNORMAL, 5],
  [SubjectStatus.REVOKED, 3],
  [SubjectStatus.DEREGISTERED, 5],
]);
const ORG_STATUS = weighted<SubjectStatus>([
  [SubjectStatus.ACTIVE, 97],
  [SubjectStatus.DEREGISTERED, 3],
]);
const ENTERPRISE_TRADE_TABLE = weighted(
  ENTERPRISE_TRADES.map(([word, section, w]) => [[word, section] as const, w] as const),
);
const SHOP_TABLE = weighted(SHOP_TYPES.map(([word, section, w]) => [[word, section] as const, w] as const));
const PERSON_SECTION_TABLE = weighted(PERSON_SECTIONS);

// Days between decision and report: ~93% within the 5-day deadline (§5).
const REPORT_DELAY = weighted<number>([
  [0, 15],
  [1, 30],
  [2, 20],
  [3, 12],
  [4, 8],
  [5, 8],
  [6, 2.5],
  [7, 2],
  [8, 1.5],
  [9, 1],
]);
const REJECTION_RATE = 0.02;

const LICENSE_COUNT_BUSINESS = weighted<number>([
  [0, 30],
  [1, 31],
  [2, 19],
  [3, 10],
  [4, 6],
  [5, 4],
]);
const LICENSE_COUNT_ORG = weighted<number>([
  [0, 40],
  [1, 40],
  [2, 20],
]);
const LICENSE_COUNT_PERSON = weighted<number>([
  [0, 80],
  [1, 20],
]);
const PENALTY_COUNT_ORG = weighted<number>([
  [0, 76],
  [1, 14.5],
  [2, 6],
  [3, 2.5],
  [4, 1],
]);
const PENALTY_COUNT_PERSON = weighted<number>([
  [0, 80],
  [1, 20],
]);
const COMMITMENT_COUNT = weighted<number>([
  [0, 66],
  [1, 29],
  [2, 5],
]);

type Categories = readonly string[];
const CATEGORIES_MINOR = weighted<Categories>([
  [['警告'], 4],
  [['罚款'], 5],
  [['通报批评'], 1],
]);
const CATEGORIES_GENERAL = weighted<Categories>([
  [['罚款'], 5],
  [['警告', '罚款'], 2],
  [['罚款', '没收违法所得'], 3],
]);
const CATEGORIES_SERIOUS = weighted<Categories>([
  [['罚款', '没收违法所得'], 4],
  [['罚款', '责令停产停业'], 2],
  [['罚款', '没收非法财物'], 2],
]);
const CATEGORIES_SERIOUS_PERMIT = weighted<Categories>([
  [['罚款', '没收违法所得'], 4],
  [['罚款', '责令停产停业'], 2],
  [['罚款', '没收非法财物'], 2],
  [['罚款', '吊销许可证件'], 2],
]);
const FINE_RANGE: Record<Severity, readonly [number, number]> = {
  [Severity.MINOR]: [0.05, 0.5],
  [Severity.GENERAL]: [0.5, 5],
  [Severity.SERIOUS]: [5, 50],
};
const SEVERITY_TABLES = new Map<ViolationSpec, Weighted<Severity>>(
  VIOLATIONS.map((v) => [
    v,
    weighted<Severity>([
      // Scaled so that across all violations minor cases outnumber serious ones about three to one.
      [Severity.MINOR, v.severity[0] * 1.4],
      [Severity.GENERAL, v.severity[1]],
      [Severity.SERIOUS, v.severity[2] * 0.45],
    ]),
  ]),
);
// A revoked business licence is itself a penalty: it explains the REVOKED status.
const REVOCATION: ViolationSpec = {
  authority: 'gusu.scjgj',
  type: '成立后无正当理由超过六个月未开业或者开业后自行停业连续六个月以上',
  facts: '经查，当事人自{n}年前起无正当理由自行停业连续六个月以上，经公告送达后仍未提出异议。',
  basis: '《中华人民共和国公司法》第二百六十条第一款',
  sections: null,
  persons: false,
  severity: [0, 0, 1],
  permit: null,
};

const LIST_STATUS_PUNITIVE = weighted<ListEntryStatus>([
  [ListEntryStatus.PUBLISHED, 72],
  [ListEntryStatus.DESIGNATED, 5],
  [ListEntryStatus.NOTIFIED, 7],
  [ListEntryStatus.OBJECTED, 4],
  [ListEntryStatus.REMOVED, 12],
]);
const LIST_STATUS_RED = weighted<ListEntryStatus>([
  [ListEntryStatus.PUBLISHED, 82],
  [ListEntryStatus.DESIGNATED, 6],
  [ListEntryStatus.REMOVED, 12],
]);
const LIST_INFIX: Record<CreditList, string> = {
  [CreditList.BLACK]: '严失认',
  [CreditList.WATCH]: '重点关注认',
  [CreditList.RED]: '守信激励认',
};

const REPAIR_STATUSES = [
  RepairStatus.SUBMITTED,
  RepairStatus.ACCEPTED,
  RepairStatus.APPROVED,
  RepairStatus.DENIED,
  RepairStatus.WITHDRAWN,
  RepairStatus.REJECTED_AT_INTAKE,
] as const;
const REPAIR_STATUS_TABLE = weighted<RepairStatus>([
  [RepairStatus.SUBMITTED, 12],
  [RepairStatus.ACCEPTED, 18],
  [RepairStatus.APPROVED, 45],
  [RepairStatus.DENIED, 12],
  [RepairStatus.WITHDRAWN, 10],
  [RepairStatus.REJECTED_AT_INTAKE, 3],
]);
const REPAIR_RATE = 0.32;
const EXTERNAL_AUTHORITIES: readonly AuthorityKind[] = [
  AuthorityKind.COURT,
  AuthorityKind.TAX,
  AuthorityKind.UPPER_PLATFORM,
];
const REPAIR_RATE_LISTED = 0.5;
// Minimum publicity before a repair may be applied for, in days (rule tables hold the real values).
const REPAIR_MIN_DAYS = { GENERAL: 90, SERIOUS: 180, BLACK: 365, WATCH: 90 } as const;

const COMMITMENT_LIVE_STATUS = weighted<CommitmentStatus>([
  [CommitmentStatus.IN_EFFECT, 92],
  [CommitmentStatus.BREACHED, 5],
  [CommitmentStatus.FULFILLED, 3],
  [CommitmentStatus.WITHDRAWN, 1],
]);
const COMMITMENT_OPEN_STATUS = weighted<CommitmentStatus>([
  [CommitmentStatus.IN_EFFECT, 95],
  [CommitmentStatus.BREACHED, 5],
]);
const COMMITMENT_ENDED_STATUS = weighted<CommitmentStatus>([
  [CommitmentStatus.EXPIRED, 5],
  [CommitmentStatus.FULFILLED, 4],
  [CommitmentStatus.BREACHED, 1],
]);

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`demo word lists lack ${what}`);
  return value;
}
const BUSINESS_LICENSE = required(
  LICENSES.find((l) => l.title === '营业执照'),
  '营业执照',
);
const PERSONAL_TEMPLATE = required(
  TEMPLATES.find((t) => t.code === 'GS-CN-ZD-01'),
  'the proactive template',
);
const REPAIR_TEMPLATE = required(
  TEMPLATES.find((t) => t.kind === CommitmentKind.REPAIR),
  'a repair template',
);
const ABNORMAL_REASON = '列入经营异常名录';

/** Internal view of a subject while its records are generated. */
interface SubjectDraft {
  subject: DemoSubject;
  section: IndustrySection;
  established: number;
  kindClass: 'business' | 'org' | 'person';
}

export function generateDemoData(options: DemoOptions): DemoDataset {
  if (!Number.isInteger(options.subjects) || options.subjects < 0) {
    throw new RangeError(`subjects must be a non-negative integer, got ${options.subjects}`);
  }
  return new DemoBuilder(options).build();
}

class DemoBuilder {
  private readonly rng: Random;
  private readonly today: number;
  private readonly windowStart: number; // decisions fall within the 4 years before today
  private readonly out: DemoDataset = {
    departments: [],
    subjects: [],
    licenses: [],
    penalties: [],
    submissions: [],
    listEntries: [],
    commitmentTemplates: [],
    commitments: [],
    repairCases: [],
  };
  private readonly departments = new Map<string, DepartmentSpec>();
  private readonly templates = new Map<string, DemoCommitmentTemplate>(); // by code
  private readonly usccs = new Set<string>();
  private readonly residentIds = new Set<string>();
  private readonly names = new Set<string>();
  private readonly counters = new Map<string, number>();
  private readonly licenseTables = new Map<string, Weighted<LicenseSpec> | null>();
  private readonly violationTables = new Map<string, Weighted<ViolationSpec> | null>();
  private readonly commitmentTables = new Map<IndustrySection, Weighted<TemplateSpec>>();
  private repairCount = 0;

  constructor(private readonly options: DemoOptions) {
    this.rng = new Random(options.seed);
    this.today = parseDay(options.today);
    this.windowStart = addYears(this.today, -4);
  }

  build(): DemoDataset {
    for (const spec of DEPARTMENTS) {
      this.departments.set(spec.code, spec);
      const department: DemoDepartment = {
        code: spec.code,
        name: spec.name,
        uscc: completeUscc(`11${DIVISION_CODE}${spec.orgCode}`),
      };
      this.usccs.add(department.uscc);
      this.out.departments.push(department);
    }
    for (const spec of TEMPLATES) {
      const template: DemoCommitmentTemplate = {
        id: this.rng.uuid(),
        code: spec.code,
        kind: spec.kind,
        title: spec.title,
        matter: spec.matter,
        text: templateText(spec.title, spec.matter),
        issuedByCode: spec.issuedBy,
      };
      this.templates.set(spec.code, template);
      this.out.commitmentTemplates.push(template);
    }
    for (let i = 0; i < this.options.subjects; i += 1) {
      const draft = this.subject();
      const licenses = this.licensesOf(draft);
      const penalties = this.penaltiesOf(draft, licenses);
      const entries = this.listEntriesOf(draft, penalties);
      this.commitmentsOf(draft, licenses);
      this.repairOf(draft, penalties, entries);
    }
    return this.out;
  }

  // ---- subjects ----------------------------------------------------------

  private subject(): SubjectDraft {
    const rng = this.rng;
    const kind = rng.weighted(KINDS);
    const id = rng.uuid();
    if (kind === SubjectKind.NATURAL_PERSON) return this.person(id);

    let established: number;
    let section: IndustrySection;
    let name: string;
    let street: string | null = null;
    let prefix: string;
    let kindClass: SubjectDraft['kindClass'] = 'business';
    switch (kind) {
      case SubjectKind.ENTERPRISE: {
        established = rng.day(parseDay('1992-01-01'), this.today - 30, 2);
        const [trade, tradeSection] = rng.weighted(ENTERPRISE_TRADE_TABLE);
        section = tradeSection;
        name = this.uniqueName((attempt) => this.enterpriseName(trade, attempt));
        prefix = '91';
        break;
      }
      case SubjectKind.INDIVIDUAL_BUSINESS: {
        established = rng.day(parseDay('2000-01-01'), this.today - 30, 2);
        const [shop, shopSection] = rng.weighted(SHOP_TABLE);
        section = shopSection;
        street = rng.pick(STREETS);
        const onStreet = street;
        name = this.uniqueName((attempt) => this.shopName(shop, onStreet, attempt));
        prefix = '92';
        break;
      }
      case SubjectKind.FARMER_COOPERATIVE: {
        established = rng.day(parseDay('2008-01-01'), this.today - 30);
        section = 'A';
        const trade = rng.pick(COOPERATIVE_TRADES);
        name = this.uniqueName((attempt) => `苏州市姑苏区${this.tradeName(attempt)}${trade}`);
        prefix = '93';
        break;
      }
      case SubjectKind.SOCIAL_ORGANIZATION: {
        established = rng.day(parseDay('1995-01-01'), this.today - 30);
        kindClass = 'org';
        const r = rng.next();
        if (r < 0.5) {
          const type = rng.pick(SOCIAL_GROUP_TYPES);
          section = 'S';
          prefix = '51';
          name = this.uniqueName((attempt) =>
            attempt === 0
              ? `苏州市姑苏区${type}`
              : attempt < 4
                ? `苏州市姑苏区${rng.pick(SUBDISTRICTS)}${type}`
                : `苏州市姑苏区${this.tradeName(attempt)}${type}`,
          );
        } else if (r < 0.9) {
          const [type, typeSection] = rng.pick(PRIVATE_NON_ENTERPRISE_TYPES);
          section = typeSection;
          prefix = '52';
          name = this.uniqueName((attempt) => `苏州市姑苏区${this.tradeName(attempt)}${type}`);
        } else {
          const type = rng.pick(FOUNDATION_TYPES);
          section = 'S';
          prefix = '53';
          name = this.uniqueName((attempt) => `苏州市姑苏区${this.tradeName(attempt)}${type}`);
        }
        break;
      }
      default: {
        // PUBLIC_INSTITUTION (government agencies are the departments, not generated subjects)
        established = rng.day(parseDay('1952-01-01'), parseDay('2015-12-31'));
        kindClass = 'org';
        const [type, typeSection] = rng.pick(INSTITUTION_TYPES);
        section = typeSection;
        prefix = '12';
        name = this.uniqueName((attempt) =>
          attempt < 3
            ? `苏州市姑苏区${rng.pick(SUBDISTRICTS)}${type}`
            : `苏州市姑苏区${this.tradeName(attempt)}${type}`,
        );
        break;
      }
    }

    const status =
      kind === SubjectKind.SOCIAL_ORGANIZATION || kind === SubjectKind.PUBLIC_INSTITUTION
        ? rng.weighted(ORG_STATUS)
        : rng.weighted(BUSINESS_STATUS);
    const male = rng.chance(0.65);
    // A legal representative is an adult when the subject is set up (or was born by 2000 at the latest).
    const birthTo = Math.max(parseDay('1965-12-31'), Math.min(parseDay('2000-12-31'), addYears(established, -18)));
    const subject: DemoSubject = {
      id,
      uscc: this.uscc(prefix, kind, established),
      idNumber: null,
      name,
      kind,
      status,
      legalRepName: this.personName(male),
      legalRepIdNumber: this.residentId(parseDay('1955-01-01'), birthTo, male),
      registeredAddress: this.address(street, kind === SubjectKind.ENTERPRISE),
      divisionCode: DIVISION_CODE,
      industry: INDUSTRY[section],
      establishedOn: formatDay(established),
    };
    this.out.subjects.push(subject);
    return { subject, section, established, kindClass };
  }

  private person(id: string): SubjectDraft {
    const rng = this.rng;
    const male = rng.chance(0.55);
    const birth = rng.day(parseDay('1955-01-01'), parseDay('2000-12-31'));
    const idNumber = this.residentId(birth, birth, male);
    // A person's "established" date is when the record first appeared (an adult by then).
    const established = rng.day(addYears(birth, 18), this.today - 30);
    const section = rng.weighted(PERSON_SECTION_TABLE);
    const subject: DemoSubject = {
      id,
      uscc: null,
      idNumber,
      name: this.personName(male),
      kind: SubjectKind.NATURAL_PERSON,
      status: SubjectStatus.ACTIVE,
      legalRepName: null,
      legalRepIdNumber: null,
      registeredAddress: this.address(null, false, true),
      divisionCode: DIVISION_CODE,
      industry: INDUSTRY[section],
      establishedOn: formatDay(established),
    };
    this.out.subjects.push(subject);
    return { subject, section, established, kindClass: 'person' };
  }

  /** Retries a name generator until the name is new; later attempts widen the name space. */
  private uniqueName(make: (attempt: number) => string): string {
    for (let attempt = 0; ; attempt += 1) {
      const name = make(attempt);
      if (!this.names.has(name)) {
        this.names.add(name);
        return name;
      }
    }
  }

  /** 字号: a known trade name, or composed characters (three of them after repeated clashes). */
  private tradeName(attempt: number): string {
    const rng = this.rng;
    if (attempt >= 8) return rng.pick(TRADE_CHARS) + rng.pick(TRADE_CHARS) + rng.pick(TRADE_CHARS);
    if (rng.chance(0.45)) return rng.pick(TRADE_NAMES);
    const a = rng.pick(TRADE_CHARS);
    let b = rng.pick(TRADE_CHARS);
    while (b === a) b = rng.pick(TRADE_CHARS);
    return a + b;
  }

  private enterpriseName(trade: string, attempt: number): string {
    const rng = this.rng;
    const brand = this.tradeName(attempt);
    const r = rng.next();
    if (r < 0.4) return `苏州${brand}${trade}有限公司`;
    if (r < 0.65) return `苏州市姑苏区${brand}${trade}有限公司`;
    if (r < 0.75) return `江苏${brand}${trade}有限公司`;
    if (r < 0.85) return `${brand}${trade}（苏州）有限公司`;
    if (r < 0.9) return `苏州${brand}${trade}股份有限公司`;
    if (r < 0.95) return `苏州${brand}${trade}有限责任公司`;
    return `苏州${brand}${trade}有限公司姑苏分公司`;
  }

  private shopName(shop: string, street: string, attempt: number): string {
    const rng = this.rng;
    const r = attempt >= 8 ? 1 : rng.next();
    if (r < 0.45) return `姑苏区${street}${rng.pickSkewed(SURNAMES)}记${shop}`;
    if (r < 0.6) return `苏州市姑苏区阿${rng.pick(rng.chance(0.5) ? FEMALE_GIVEN : MALE_GIVEN)}${shop}`;
    if (r < 0.75) return `姑苏区${rng.pickSkewed(SURNAMES)}${rng.pick(MALE_GIVEN)}${shop}`;
    return `苏州市姑苏区${this.tradeName(attempt)}${shop}`;
  }

  private personName(male: boolean): string {
    const rng = this.rng;
    const given = male ? MALE_GIVEN : FEMALE_GIVEN;
    const surname = rng.pickSkewed(SURNAMES);
    return rng.chance(0.75) ? surname + rng.pick(given) + rng.pick(given) : surname + rng.pick(given);
  }

  private address(street: string | null, office: boolean, home = false): string {
    const rng = this.rng;
    const number = 1 + Math.floor(rng.next() ** 2 * 500);
    const base = `苏州市姑苏区${street ?? rng.pick(STREETS)}${number}号`;
    if (home) return `${base}${rng.int(1, 20)}幢${rng.int(1, 6)}0${rng.int(1, 4)}室`;
    if (office && rng.chance(0.5))
      return `${base}${rng.int(1, 12)}幢${rng.int(1, 18)}${String(rng.int(1, 30)).padStart(2, '0')}室`;
    return base;
  }

  /** A unique USCC: kind prefix, 320508, a 9-character organisation code, check character. */
  private uscc(prefix: string, kind: SubjectKind, established: number): string {
    const rng = this.rng;
    for (;;) {
      let org: string;
      if (prefix === '51' || prefix === '52' || prefix === '53') org = `MJ${rng.chars(USCC_ALPHABET, 7)}`;
      else if (kind === SubjectKind.PUBLIC_INSTITUTION || established < parseDay('2015-10-01')) {
        // Registered before the unified code: the old organisation code (8 digits + check) carried over.
        org = rng.chars(DIGITS, 8) + rng.chars(ORG_CHECK, 1);
      } else org = `MA${rng.chars(USCC_ALPHABET, 7)}`;
      const code = completeUscc(`${prefix}${DIVISION_CODE}${org}`);
      if (!this.usccs.has(code)) {
        this.usccs.add(code);
        return code;
      }
    }
  }

  /** A unique synthetic resident ID: 苏州 division, birth date in [from, to], sequence with the sex digit. */
  private residentId(from: number, to: number, male: boolean): string {
    const rng = this.rng;
    for (;;) {
      const birth = formatCompactDay(rng.day(from, to));
      const sexDigit = 2 * rng.int(0, 4) + (male ? 1 : 0);
      const first17 = `${rng.weighted(RESIDENT_DIVISIONS)}${birth}${rng.int(0, 99).toString().padStart(2, '0')}${sexDigit}`;
      const id = completeResidentId(first17);
      if (!this.residentIds.has(id)) {
        this.residentIds.add(id);
        return id;
      }
    }
  }

  // ---- 双公示 records and their submissions -------------------------------

  /** Next number in a 文号 / certificate series; series start somewhere and advance by small steps. */
  private serial(key: string): number {
    const next = (this.counters.get(key) ?? this.rng.int(0, 20)) + this.rng.int(1, 3);
    this.counters.set(key, next);
    return next;
  }

  private documentNo(authority: string, kind: string, day: number): string {
    const spec = this.departments.get(authority);
    if (!spec) throw new Error(`unknown department ${authority}`);
    const year = yearOf(day);
    return `${spec.prefix}${kind}〔${year}〕${this.serial(`${authority}|${kind}|${year}`)}号`;
  }

  private certificateNo(title: string, prefix: string, subject: DemoSubject): string {
    // A business licence carries the USCC as its number.
    if (title === '营业执照' && subject.uscc) return subject.uscc;
    return `${prefix}${String(this.serial(`cert|${title}`)).padStart(6, '0')}`;
  }

  private decisionDay(draft: SubjectDraft): number {
    return this.rng.day(Math.max(this.windowStart, draft.established), this.today);
  }

  /** The report instant for a decision day, within working hours (08:30–18:00 Beijing = 00:30–10:00 UTC). */
  private reportMinute(decided: number): { day: number; minute: number; second: number } {
    const rng = this.rng;
    const day = Math.min(decided + rng.weighted(REPORT_DELAY), this.today);
    return { day, minute: rng.int(30, 599), second: rng.int(0, 59) };
  }

  private submit(
    kind: RecordKind,
    departmentCode: string,
    recordId: string,
    decided: number,
    report: { day: number; minute: number; second: number },
  ): string {
    const rng = this.rng;
    const reportedAt = formatInstant(report.day, report.minute, report.second);
    if (rng.chance(REJECTION_RATE)) {
      // An earlier attempt the platform sent back; the department then resubmitted.
      const day = Math.max(decided, report.day - rng.int(0, 2));
      const minute = day === report.day ? rng.int(30, Math.max(30, report.minute - 1)) : rng.int(30, 599);
      const reason = rng.pick(kind === RecordKind.LICENSE ? LICENSE_REJECTIONS : PENALTY_REJECTIONS);
      // For this reason the rejected payload carried a decision date after its submission.
      const claimed = reason === '决定日期晚于报送日期' ? day + rng.int(1, 3) : decided;
      this.out.submissions.push({
        id: rng.uuid(),
        kind,
        departmentCode,
        recordId: null,
        decidedAt: formatDay(claimed),
        submittedAt: formatInstant(day, minute, rng.int(0, 59)),
        outcome: SubmissionOutcome.REJECTED,
        rejectionReason: reason,
      });
    }
    const submission: DemoSubmission = {
      id: rng.uuid(),
      kind,
      departmentCode,
      recordId,
      decidedAt: formatDay(decided),
      submittedAt: reportedAt,
      outcome: SubmissionOutcome.ACCEPTED,
      rejectionReason: null,
    };
    this.out.submissions.push(submission);
    return reportedAt;
  }

  private licenseTable(draft: SubjectDraft): Weighted<LicenseSpec> | null {
    const key = `${draft.kindClass}|${draft.section}`;
    let table = this.licenseTables.get(key);
    if (table === undefined) {
      const fits = LICENSES.filter(
        (spec) =>
          (spec.kinds === draft.kindClass || (spec.kinds === 'org' && draft.kindClass !== 'person')) &&
          (spec.sections === null || spec.sections.includes(draft.section)),
      );
      table = fits.length ? weighted(fits.map((spec) => [spec, spec.weight] as const)) : null;
      this.licenseTables.set(key, table);
    }
    return table;
  }

  private licensesOf(draft: SubjectDraft): DemoLicense[] {
    const rng = this.rng;
    const licenses: DemoLicense[] = [];
    // A business set up within the window has its 设立登记 on record.
    if (draft.kindClass === 'business' && draft.established >= this.windowStart && rng.chance(0.6)) {
      licenses.push(this.license(draft, BUSINESS_LICENSE, draft.established, '准予设立登记通知书', '准予设立登记'));
    }
    const table = this.licenseTable(draft);
    if (table) {
      const count = rng.weighted(
        draft.kindClass === 'business'
          ? LICENSE_COUNT_BUSINESS
          : draft.kindClass === 'org'
            ? LICENSE_COUNT_ORG
            : LICENSE_COUNT_PERSON,
      );
      for (let i = 0; i < count; i += 1) {
        const spec = rng.weighted(table);
        licenses.push(this.license(draft, spec, this.decisionDay(draft), spec.documentName, rng.pick(spec.contents)));
      }
    }
    return licenses;
  }

  private license(
    draft: SubjectDraft,
    spec: LicenseSpec,
    decided: number,
    documentName: string,
    content: string,
  ): DemoLicense {
    const rng = this.rng;
    const id = rng.uuid();
    const report = this.reportMinute(decided);
    const license: DemoLicense = {
      id,
      subjectId: draft.subject.id,
      documentName,
      licenseNo: this.documentNo(spec.authority, spec.category === LicenseCategory.REGISTRATION ? '登' : '许', decided),
      title: spec.title,
      certificateNo: this.certificateNo(spec.title, spec.certPrefix, draft.subject),
      category: spec.category,
      content,
      decidedAt: formatDay(decided),
      validFrom: formatDay(decided),
      validUntil: spec.validYears === null ? null : formatDay(addYears(decided, spec.validYears) - 1),
      authorityCode: spec.authority,
      dataSourceCode: spec.authority,
      reportedAt: '',
    };
    license.reportedAt = this.submit(RecordKind.LICENSE, spec.authority, id, decided, report);
    this.out.licenses.push(license);
    return license;
  }

  private violationTable(draft: SubjectDraft): Weighted<ViolationSpec> | null {
    const person = draft.kindClass === 'person';
    const key = `${person}|${draft.section}`;
    let table = this.violationTables.get(key);
    if (table === undefined) {
      const fits = VIOLATIONS.filter(
        (v) => (!person || v.persons) && (v.sections === null || v.sections.includes(draft.section)),
      );
      table = fits.length ? weighted(fits.map((v) => [v, 1] as const)) : null;
      this.violationTables.set(key, table);
    }
    return table;
  }

  private penaltiesOf(draft: SubjectDraft, licenses: readonly DemoLicense[]): DemoPenalty[] {
    const rng = this.rng;
    const penalties: DemoPenalty[] = [];
    const person = draft.kindClass === 'person';
    const table = this.violationTable(draft);
    if (table) {
      const count = rng.weighted(person ? PENALTY_COUNT_PERSON : PENALTY_COUNT_ORG);
      for (let i = 0; i < count; i += 1) {
        const spec = rng.weighted(table);
        const severity = rng.weighted(SEVERITY_TABLES.get(spec) ?? weighted([[Severity.MINOR, 1]]));
        penalties.push(this.penalty(draft, spec, severity, this.decisionDay(draft), licenses));
      }
    }
    const revokedFrom = Math.max(this.windowStart, draft.established + 180);
    if (
      draft.subject.kind === SubjectKind.ENTERPRISE &&
      draft.subject.status === SubjectStatus.REVOKED &&
      revokedFrom <= this.today - 30 &&
      rng.chance(0.7)
    ) {
      penalties.push(
        this.penalty(draft, REVOCATION, Severity.SERIOUS, rng.day(revokedFrom, this.today - 30), licenses),
      );
    }
    return penalties;
  }

  private penalty(
    draft: SubjectDraft,
    spec: ViolationSpec,
    severity: Severity,
    decided: number,
    licenses: readonly DemoLicense[],
  ): DemoPenalty {
    const rng = this.rng;
    const id = rng.uuid();
    const person = draft.kindClass === 'person';
    let categories: Categories;
    if (spec === REVOCATION) categories = ['吊销营业执照'];
    else if (severity === Severity.MINOR) categories = rng.weighted(CATEGORIES_MINOR);
    else if (severity === Severity.GENERAL) categories = rng.weighted(CATEGORIES_GENERAL);
    else categories = rng.weighted(spec.permit && !person ? CATEGORIES_SERIOUS_PERMIT : CATEGORIES_SERIOUS);

    let fineAmount: number | null = null;
    let confiscatedAmount: number | null = null;
    let licenseAction: string | null = null;
    const parts: string[] = [];
    for (const category of categories) {
      switch (category) {
        case '罚款': {
          const [min, max] = FINE_RANGE[severity];
          // Individuals are fined on a smaller scale than organisations.
          fineAmount = Math.max(0.01, person ? rng.decimal(min / 5, max / 5, 2) : rng.decimal(min, max, 2));
          parts.push(`罚款人民币${Math.round(fineAmount * 10000)}元`);
          break;
        }
        case '没收违法所得':
          confiscatedAmount = rng.decimal(0.01, severity === Severity.SERIOUS ? 20 : 3, 2);
          parts.push(`没收违法所得人民币${Math.round(confiscatedAmount * 10000)}元`);
          break;
        case '没收非法财物':
          confiscatedAmount = rng.decimal(0.1, 20, 2);
          parts.push(`没收非法财物（折价人民币${Math.round(confiscatedAmount * 10000)}元）`);
          break;
        case '责令停产停业':
          parts.push(`责令停产停业${rng.int(3, 30)}日`);
          break;
        case '吊销许可证件': {
          const permit = spec.permit ?? '许可证';
          const held = licenses.find((l) => l.title === permit);
          const prefix = LICENSES.find((l) => l.title === permit)?.certPrefix ?? '';
          const number = held ? held.certificateNo : this.certificateNo(permit, prefix, draft.subject);
          licenseAction = `吊销《${permit}》（编号：${number}）`;
          parts.push(`吊销《${permit}》`);
          break;
        }
        case '吊销营业执照':
          licenseAction = `吊销营业执照（统一社会信用代码：${draft.subject.uscc ?? ''}）`;
          parts.push('吊销营业执照');
          break;
        default:
          parts.push(category);
      }
    }
    const report = this.reportMinute(decided);
    const penalty: DemoPenalty = {
      id,
      subjectId: draft.subject.id,
      decisionNo: this.documentNo(spec.authority, spec.authority === 'gusu.scjgj' ? '处罚' : '罚', decided),
      decidedAt: formatDay(decided),
      authorityCode: spec.authority,
      dataSourceCode: spec.authority,
      violationType: spec.type,
      facts: spec.facts.replace('{n}', String(rng.int(2, 12))),
      legalBasis: spec.basis,
      categories: [...categories],
      content: parts.join('，'),
      fineAmount,
      confiscatedAmount,
      licenseAction,
      severity,
      reportedAt: '',
    };
    penalty.reportedAt = this.submit(RecordKind.PENALTY, spec.authority, id, decided, report);
    this.out.penalties.push(penalty);
    return penalty;
  }

  // ---- red / black / watch lists -----------------------------------------

  private listEntriesOf(draft: SubjectDraft, penalties: readonly DemoPenalty[]): DemoListEntry[] {
    const rng = this.rng;
    const { subject } = draft;
    if (subject.uscc === null) return [];
    const serious = penalties.find((p) => p.severity === Severity.SERIOUS);
    const general = penalties.some((p) => p.severity === Severity.GENERAL);
    const abnormal = subject.status === SubjectStatus.ABNORMAL;
    const pBlack = serious ? 0.3 : 0.015;
    const pWatch = abnormal ? 0.3 : serious || general ? 0.05 : 0.007;
    // Red lists reward clean records only, and a black-listed subject is never red (one roll, one list).
    const pRed = !serious && !general && subject.status === SubjectStatus.ACTIVE ? 0.065 : 0;
    const r = rng.next();
    const entries: DemoListEntry[] = [];
    if (r < pBlack) {
      const fromPenalty = serious
        ? BLACK_REASONS.find((b) => b.authority === serious.authorityCode && this.fits(b, draft))
        : undefined;
      const reason = fromPenalty ?? this.reasonFor(BLACK_REASONS, draft);
      const after = serious ? parseDay(serious.decidedAt) + rng.int(7, 60) : this.windowStart;
      const black = this.listEntry(draft, CreditList.BLACK, reason, after);
      if (rng.chance(0.1)) {
        // Once an A-level taxpayer or similar, removed from the red list before the black listing.
        const decided = parseDay(black.decidedAt) - rng.int(400, 900);
        entries.push(
          this.listEntryAt(draft, CreditList.RED, this.reasonFor(RED_REASONS, draft), decided, ListEntryStatus.REMOVED),
        );
      }
      entries.push(black);
    } else if (r < pBlack + pWatch) {
      // 经营异常名录 goes with the ABNORMAL registration status and with nothing else.
      const candidates = WATCH_REASONS.filter((w) => (w.reason === ABNORMAL_REASON) === abnormal);
      entries.push(this.listEntry(draft, CreditList.WATCH, this.reasonFor(candidates, draft), this.windowStart));
    } else if (r < pBlack + pWatch + pRed) {
      entries.push(this.listEntry(draft, CreditList.RED, this.reasonFor(RED_REASONS, draft), this.windowStart));
    }
    // Entries are pushed in decision order, the older (removed) red entry first.
    this.out.listEntries.push(...entries);
    return entries;
  }

  private fits(spec: ListReasonSpec, draft: SubjectDraft): boolean {
    return spec.sections === null || spec.sections.includes(draft.section);
  }

  private reasonFor(specs: readonly ListReasonSpec[], draft: SubjectDraft): ListReasonSpec {
    const fitting = specs.filter((s) => this.fits(s, draft));
    return this.rng.pick(fitting.length ? fitting : specs);
  }

  /** An entry decided no earlier than `after`; pending statuses are recent by nature. */
  private listEntry(draft: SubjectDraft, list: CreditList, reason: ListReasonSpec, after: number): DemoListEntry {
    const rng = this.rng;
    let status = rng.weighted(list === CreditList.RED ? LIST_STATUS_RED : LIST_STATUS_PUNITIVE);
    const lo = Math.max(after, this.windowStart, draft.established);
    let decided: number;
    const pending =
      status === ListEntryStatus.DESIGNATED ||
      status === ListEntryStatus.NOTIFIED ||
      status === ListEntryStatus.OBJECTED;
    // Skewed towards recent decisions: the lists have grown year on year.
    if (!pending && lo <= this.today - 10) decided = rng.day(lo, this.today - 10, 1.4);
    else {
      // Too recent to have been published yet: still in the designation procedure.
      if (!pending) status = ListEntryStatus.DESIGNATED;
      decided = Math.min(this.today, Math.max(lo, this.today - rng.int(1, 40)));
    }
    return this.listEntryAt(draft, list, reason, decided, status);
  }

  private listEntryAt(
    draft: SubjectDraft,
    list: CreditList,
    reason: ListReasonSpec,
    decided: number,
    status: ListEntryStatus,
  ): DemoListEntry {
    const rng = this.rng;
    const years = rng.int(reason.years[0], reason.years[1]);
    return {
      id: rng.uuid(),
      subjectId: draft.subject.id,
      subjectUscc: draft.subject.uscc ?? '',
      subjectName: draft.subject.name,
      list,
      status,
      reason: reason.reason,
      basis: reason.basis.replace('{art}', rng.pick(ARTICLE_NUMERALS)),
      decisionNo: this.documentNo(reason.authority, LIST_INFIX[list], decided),
      decidedByCode: reason.authority,
      decidedAt: formatDay(decided),
      validUntil: formatDay(addYears(decided, years) - 1),
      listKind: reason.kind,
      designatingAuthorityKind: reason.authorityKind,
      designatingAuthority: reason.authorityName,
    };
  }

  // ---- commitments --------------------------------------------------------

  private commitmentTable(section: IndustrySection): Weighted<TemplateSpec> {
    let table = this.commitmentTables.get(section);
    if (!table) {
      const entries: (readonly [TemplateSpec, number])[] = [];
      for (const spec of TEMPLATES) {
        if (spec.kind === CommitmentKind.PROACTIVE) entries.push([spec, spec.issuedBy === CREDIT_OFFICE_CODE ? 3 : 2]);
        else if (spec.kind === CommitmentKind.INDUSTRY_SELF_DISCIPLINE) {
          if (spec.sections === null) entries.push([spec, 1.5]);
          else if (spec.sections.includes(section)) entries.push([spec, 3]);
        }
      }
      table = weighted(entries);
      this.commitmentTables.set(section, table);
    }
    return table;
  }

  private commitmentsOf(draft: SubjectDraft, licenses: readonly DemoLicense[]): void {
    const rng = this.rng;
    if (draft.kindClass === 'person') {
      // Individuals rarely sign: only the generic proactive commitment, now and then.
      if (rng.chance(0.1)) this.commitment(draft, PERSONAL_TEMPLATE, this.signDay(draft), PERSONAL_TEMPLATE.issuedBy);
      return;
    }
    // 告知承诺: signed with the application, in place of the certificates it spares.
    for (const license of licenses) {
      const spec = TEMPLATES.find((t) => t.license === license.title);
      if (spec && rng.chance(0.25)) {
        const day = Math.max(draft.established, parseDay(license.decidedAt) - rng.int(0, 3));
        this.commitment(draft, spec, day, license.authorityCode);
      }
    }
    const count = rng.weighted(COMMITMENT_COUNT);
    const table = this.commitmentTable(draft.section);
    for (let i = 0; i < count; i += 1) {
      const spec = rng.weighted(table);
      this.commitment(draft, spec, this.signDay(draft), spec.issuedBy);
    }
  }

  private signDay(draft: SubjectDraft): number {
    return this.rng.day(Math.max(draft.established, addYears(this.today, -3)), this.today, 1.5);
  }

  private commitment(
    draft: SubjectDraft,
    spec: TemplateSpec,
    signed: number,
    departmentCode: string,
    status?: CommitmentStatus,
  ): DemoCommitment {
    const rng = this.rng;
    const template = this.templates.get(spec.code);
    if (!template) throw new Error(`unknown template ${spec.code}`);
    const until = spec.validYears === null ? null : addYears(signed, spec.validYears) - 1;
    let resolved = status;
    if (resolved === undefined) {
      if (until !== null && until < this.today) resolved = rng.weighted(COMMITMENT_ENDED_STATUS);
      else if (until === null) resolved = rng.weighted(COMMITMENT_OPEN_STATUS);
      else resolved = rng.weighted(COMMITMENT_LIVE_STATUS);
    }
    const commitment: DemoCommitment = {
      id: rng.uuid(),
      subjectId: draft.subject.id,
      signatoryName: draft.subject.name,
      signatoryUscc: draft.subject.uscc,
      templateId: template.id,
      kind: spec.kind,
      matter: spec.matter,
      signedAt: formatDay(signed),
      validUntil: until === null ? null : formatDay(until),
      status: resolved,
      // Repair commitments must be public (§8); others are publicized by choice.
      publicized: spec.kind === CommitmentKind.REPAIR || rng.chance(0.85),
      departmentCode,
    };
    this.out.commitments.push(commitment);
    return commitment;
  }

  // ---- credit repair ------------------------------------------------------

  private repairOf(draft: SubjectDraft, penalties: readonly DemoPenalty[], entries: readonly DemoListEntry[]): void {
    const rng = this.rng;
    const targets: { target: RepairTarget; id: string; from: number; entry: DemoListEntry | null }[] = [];
    const latest = this.today - 30;
    for (const p of penalties) {
      if (p.severity === Severity.MINOR) continue;
      const decided = parseDay(p.decidedAt);
      const from = decided + REPAIR_MIN_DAYS[p.severity];
      // Still published (within 3 years) and past the minimum publicity period.
      if (from <= latest && addYears(decided, 3) > this.today)
        targets.push({ target: RepairTarget.PENALTY, id: p.id, from, entry: null });
    }
    for (const e of entries) {
      if (e.list === CreditList.RED || e.status !== ListEntryStatus.PUBLISHED || e.validUntil === null) continue;
      // 谁认定、谁修复: a court's, the tax authority's or an upper platform's entry is not repaired here.
      if (EXTERNAL_AUTHORITIES.includes(e.designatingAuthorityKind)) continue;
      const from = parseDay(e.decidedAt) + REPAIR_MIN_DAYS[e.list];
      if (from <= latest && parseDay(e.validUntil) >= this.today)
        targets.push({ target: RepairTarget.LIST_ENTRY, id: e.id, from, entry: e });
    }
    // A listed subject has more to lose, so it applies for repair more often.
    const entryTargets = targets.filter((t) => t.entry !== null);
    if (targets.length === 0 || !rng.chance(entryTargets.length ? REPAIR_RATE_LISTED : REPAIR_RATE)) return;

    // List entries are the rarer target; favour them when a subject has one so both kinds show.
    const chosen = entryTargets.length && rng.chance(0.6) ? rng.pick(entryTargets) : rng.pick(targets);
    // The first cases take each status in turn so that even a small dataset shows them all.
    const status =
      this.repairCount < REPAIR_STATUSES.length ? REPAIR_STATUSES[this.repairCount] : rng.weighted(REPAIR_STATUS_TABLE);
    this.repairCount += 1;
    const t = this.today;
    let submitted: number;
    let accepted: number | null = null;
    let decided: number | null = null;
    switch (status) {
      case RepairStatus.SUBMITTED:
        submitted = rng.day(t - 2, t);
        break;
      case RepairStatus.ACCEPTED:
        submitted = rng.day(t - 20, t - 2);
        accepted = submitted + rng.int(1, 2);
        break;
      case RepairStatus.WITHDRAWN:
        submitted = rng.day(chosen.from, t - 1);
        if (rng.chance(0.6)) accepted = submitted + 1;
        break;
      case RepairStatus.REJECTED_AT_INTAKE:
        // Refused at intake: decided without ever being accepted.
        submitted = rng.day(chosen.from, t - 3);
        decided = submitted + rng.int(1, 2);
        break;
      default:
        submitted = rng.day(chosen.from, t - 16);
        accepted = submitted + rng.int(1, 2);
        decided = accepted + rng.int(3, 14);
    }
    const instant = (day: number): string => formatInstant(day, rng.int(30, 599), rng.int(0, 59));
    const repair: DemoRepairCase = {
      id: rng.uuid(),
      subjectId: draft.subject.id,
      target: chosen.target,
      targetId: chosen.id,
      status,
      reason: rng.pick(REPAIR_REASONS),
      submittedAt: instant(submitted),
      acceptedAt: accepted === null ? null : instant(accepted),
      decidedAt: decided === null ? null : instant(decided),
      // A list entry's repair is decided by its designating department; a penalty's here by the credit office.
      decidedByCode: decided === null ? null : (chosen.entry?.decidedByCode ?? CREDIT_OFFICE_CODE),
    };
    this.out.repairCases.push(repair);
    // An approved repair takes the entry off its list.
    if (status === RepairStatus.APPROVED && chosen.entry) chosen.entry.status = ListEntryStatus.REMOVED;
    // Applying for repair includes a public repair commitment (§8, §18).
    const until = addYears(submitted, REPAIR_TEMPLATE.validYears ?? 1) - 1;
    this.commitment(
      draft,
      REPAIR_TEMPLATE,
      submitted,
      REPAIR_TEMPLATE.issuedBy,
      until < this.today ? CommitmentStatus.FULFILLED : CommitmentStatus.IN_EFFECT,
    );
  }
}

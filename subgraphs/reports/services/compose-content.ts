import type { Principal } from '../../../shared/auth/principal';
import { chinaTime } from '../documents/credit-report-pdf';
import {
  commitmentKindLabel,
  commitmentStatusLabel,
  creditGradeLabel,
  listLabel,
  listStatusLabel,
  measureKindLabel,
  repairStatusLabel,
  repairTargetLabel,
  scenarioLabel,
  severityLabel,
  subjectKindLabel,
  subjectStatusLabel,
} from '../documents/labels';
import type { PrintedItem, PrintedSection, ReportContent } from '../documents/report-content';
import { CreditReportKind, REPORT_TITLES, shownToSubject } from '../rules/report-kind';
import { subjectIdentifier } from '../rules/self-service';
import { VERDICT_LABELS } from '../rules/verdict-labels';
import { displayVerificationCode } from '../rules/verification-code';
import type { GatheredEvaluation, GatheredSections, PenaltyValue } from './sections';

export interface Issuance {
  kind: CreditReportKind;
  number: string;
  code: string;
  issuedAt: Date;
  validUntil: string;
  validityNote: string;
  issuer: Principal;
  issuerOrgName: string;
  /** The subject itself asked (issueMyCreditReport): no department, the platform issues it. */
  selfRequested: boolean;
  matter: string;
  purpose: string | null;
  verifyUrl: string;
  signer: string;
}

/** In publicity (公示期内) on the day of issue: published, not past its end, not repaired or revoked. */
export function inPublicity(penalty: PenaltyValue, today: string): boolean {
  return (
    penalty.published && penalty.publicityEndsAt >= today && penalty.repairedAt === null && penalty.revokedAt === null
  );
}

/** When the source holds more records than a report reads, the report says so (never a silent cut). */
function countNote(read: number, total: number): string | null {
  return total > read ? `该主体共有 ${total} 条记录，本报告依据其中最近的 ${read} 条。` : null;
}

/**
 * 公共信用综合评价: the grade, score, model and each line of the explanation as
 * the clerk reads it; 暂不可用 (no cutoff) when the evaluations subgraph did not answer.
 */
export function evaluationSection(evaluation: GatheredEvaluation, cutoff: Date): PrintedSection {
  const base = { title: '公共信用综合评价', source: '姑苏区公共信用综合评价模型', note: null };
  if (evaluation.state === 'UNAVAILABLE')
    return {
      ...base,
      cutoff: null,
      items: [],
      empty: '暂不可用：评价服务未能应答，本报告未载入评价结果（不代表无评价）；其余各部分不受影响。',
    };
  if (evaluation.state === 'NOT_EVALUATED')
    return {
      ...base,
      cutoff,
      items: [],
      empty: '该主体暂无公共信用综合评价结果（仅评价有统一社会信用代码的市场主体，自然人不参与评价）。',
    };
  const e = evaluation.value;
  return {
    ...base,
    cutoff,
    empty: '',
    items: [
      {
        headline: `评价等级: ${e.grade}（${creditGradeLabel(e.grade)}） · 评价得分: ${e.score.toFixed(1)}`,
        lines: [
          `评价模型: ${e.modelVersion} · 评价时间: ${chinaTime(new Date(e.evaluatedAt))}`,
          ...(e.explanation.length === 0
            ? ['得分说明: 无加减分项（基础分）']
            : e.explanation.map((line) => `${line.text}（依据: ${line.source}）`)),
        ],
      },
    ],
  };
}

/** What a report prints, from the sections as gathered and the facts of its issue. */
export function composeContent(gathered: GatheredSections, issuance: Issuance, today: string): ReportContent {
  const { subject } = gathered;
  const cutoff = gathered.answeredAt;
  const entries = (subject.listEntries ?? []).filter(
    (e) => issuance.kind === CreditReportKind.REVIEW || shownToSubject(e.status),
  );
  const penalties = subject.penalties.nodes.filter((p) => inPublicity(p, today));
  const sections: PrintedSection[] = [
    evaluationSection(gathered.evaluation, cutoff),
    {
      title: '名单记录',
      cutoff,
      source: '红名单、黑名单、重点关注名单',
      empty: '无名单记录。',
      note: null,
      items: entries.map((e): PrintedItem => ({
        headline: `【${listLabel(e.list)}】${listStatusLabel(e.status)} · 认定单位: ${e.designatingAuthority}`,
        lines: [
          `认定文号: ${e.decisionNo} · 认定日期: ${e.decidedAt}${e.validUntil ? ` · 有效期至: ${e.validUntil}` : ''}`,
          `列入事由: ${e.reason}`,
          `认定依据: ${e.basis}`,
        ],
      })),
    },
    {
      title: '行政处罚信息 (公示期内)',
      cutoff,
      source: '“双公示”行政处罚信息',
      empty: '公示期内无行政处罚信息。',
      note: countNote(subject.penalties.nodes.length, subject.penalties.totalCount),
      items: penalties.map((p): PrintedItem => ({
        headline: `${p.decisionNo} · ${p.authority?.name ?? '—'}`,
        lines: [
          `处罚决定日期: ${p.decidedAt} · 失信等级: ${severityLabel(p.severity)} · 公示截止: ${p.publicityEndsAt}`,
          `处罚内容: ${p.content}`,
          `处罚依据: ${p.legalBasis}`,
        ],
      })),
    },
    {
      title: '行政许可信息',
      cutoff,
      source: '“双公示”行政许可信息',
      empty: '无行政许可信息。',
      note: countNote(subject.licenses.nodes.length, subject.licenses.totalCount),
      items: subject.licenses.nodes.map((l): PrintedItem => ({
        headline: `${l.title ?? l.documentName} · ${l.licenseNo}`,
        lines: [
          `许可机关: ${l.authority?.name ?? '—'} · 决定日期: ${l.decidedAt} · 有效期: ${l.validity} · ${l.inForce ? '有效' : '已失效'}`,
        ],
      })),
    },
    {
      title: '信用承诺 (履约中)',
      cutoff,
      source: '信用承诺信息',
      empty: '无履约中的信用承诺。',
      note: null,
      items: (subject.commitments ?? []).map((c): PrintedItem => ({
        headline: `${commitmentKindLabel(c.kind)} · ${c.matter}`,
        lines: [
          `签署日期: ${c.signedAt}${c.validUntil ? ` · 有效期至: ${c.validUntil}` : ''} · 状态: ${commitmentStatusLabel(c.status)}`,
        ],
      })),
    },
    {
      title: '信用修复',
      cutoff,
      source: '信用修复案件',
      empty: '无信用修复记录。',
      note: null,
      items: (subject.repairCases ?? []).map((r): PrintedItem => ({
        headline: `${repairTargetLabel(r.target)} · ${repairStatusLabel(r.status)}`,
        lines: [
          `申请时间: ${r.submittedAt.slice(0, 10)}${r.decidedAt ? ` · 决定时间: ${r.decidedAt.slice(0, 10)}` : ''}`,
        ],
      })),
    },
  ];
  const screening = gathered.screening;
  return {
    kind: issuance.kind,
    title: REPORT_TITLES[issuance.kind],
    number: issuance.number,
    issuedAt: issuance.issuedAt,
    validUntil: issuance.validUntil,
    validityNote: issuance.validityNote,
    issuer: {
      orgCode: issuance.issuer.org,
      orgName: issuance.issuerOrgName,
      officerName: issuance.issuer.name,
      officerSub: issuance.issuer.sub,
      selfRequested: issuance.selfRequested,
    },
    matter: issuance.matter,
    purpose: issuance.purpose,
    scenario: screening ? scenarioLabel(screening.scenario) : null,
    subject: {
      name: subject.name,
      identifier: subjectIdentifier(subject.uscc, subject.idNumber ?? null),
      kind: subjectKindLabel(subject.kind),
      status: subjectStatusLabel(subject.status),
      legalRepresentative: subject.legalRepresentative?.name ?? null,
      address: subject.registeredAddress,
      cutoff,
    },
    verdict: screening
      ? {
          value: screening.verdict,
          ...VERDICT_LABELS[screening.verdict],
          cutoff,
          measures: screening.measures.map((m) => ({
            headline: `【${measureKindLabel(m.kind)}】${m.title}`,
            lines: [`依据: ${m.legalBasis}`, `措施编码: ${m.code}`],
          })),
        }
      : null,
    sections,
    verification: { code: displayVerificationCode(issuance.code), url: issuance.verifyUrl },
    signer: issuance.signer,
  };
}

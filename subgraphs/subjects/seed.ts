import { insertInChunks } from '../../shared/db/bulk';
import type { EntityManager } from '../../shared/db/orm';
import { demoDataset } from '../../shared/demo/dataset';
import { LicenseStatus, RepairStatus, RepairTarget, SubmissionOutcome } from '../../shared/domain/vocabulary';
import type { Logger } from '../../shared/logging/logger';
import { AdministrativeLicense } from './entities/administrative-license';
import { AdministrativePenalty } from './entities/administrative-penalty';
import { Department } from './entities/department';
import { PublicityRepairRule } from './entities/publicity-repair-rule';
import { ReportingRule } from './entities/reporting-rule';
import { StreetGazetteer } from './entities/street-gazetteer';
import { Subject } from './entities/subject';
import { Submission } from './entities/submission';
import { defaultDomainOf } from './rules/department-domain';
import { judgePublicity } from './rules/publicity';
import { FieldProblem, problem } from './rules/report-problems';
import { reportingDeadline } from './rules/reporting-deadline';
import { streetOf } from './rules/street';

/** The demo's rejection reasons, as the field problems the validation gives. */
const DEMO_PROBLEMS: Record<string, FieldProblem> = {
  统一社会信用代码校验位错误: problem('uscc', 'INVALID_CHECKSUM', '统一社会信用代码校验位错误'),
  决定日期晚于报送日期: problem('decidedAt', 'FUTURE_DATE', '决定日期晚于报送日期'),
  许可证书编号为空: problem('certificateNo', 'REQUIRED', '许可编号为必填项'),
  缺少处罚依据: problem('legalBasis', 'REQUIRED', '处罚依据为必填项'),
  行政相对人名称与统一社会信用代码不匹配: problem('partyName', 'MISMATCH', '行政相对人名称与统一社会信用代码不匹配'),
};

function demoProblem(reason: string): FieldProblem {
  const known = DEMO_PROBLEMS[reason];
  if (!known) throw new Error(`demo rejection reason without a field: ${reason}`);
  return known;
}

/** Loads this subgraph's slice of the demo dataset, once: a populated schema is left alone. */
export async function seedDemoData(em: EntityManager, logger: Logger): Promise<void> {
  if ((await em.count(Subject, {})) > 0) return;
  const started = Date.now();
  const data = demoDataset();
  // An approved repair of a penalty ended its publicity and sharing when it was decided.
  const repairedAt = new Map(
    data.repairCases
      .filter((c) => c.status === RepairStatus.APPROVED && c.target === RepairTarget.PENALTY && c.decidedAt)
      .map((c) => [c.targetId, new Date(c.decidedAt as string)]),
  );
  await em.transactional(async (tx) => {
    const rules = await tx.find(PublicityRepairRule, {});
    const departments = data.departments.map((d) => ({ ...d, domain: defaultDomainOf(d.name) }));
    const domains = new Map(departments.map((d) => [d.code, d.domain]));
    await insertInChunks(tx, Department, departments);
    // Each subject's 街道 from its address, as a write derives it (the gazetteer's rows, not its defaults file).
    const gazetteer = await tx.find(StreetGazetteer, {});
    await insertInChunks(
      tx,
      Subject,
      data.subjects.map((subject) => ({ ...subject, street: streetOf(subject.registeredAddress, gazetteer) })),
    );
    await insertInChunks(
      tx,
      AdministrativeLicense,
      data.licenses.map((license) => ({
        ...license,
        status: LicenseStatus.VALID,
        reportedAt: new Date(license.reportedAt),
      })),
    );
    await insertInChunks(
      tx,
      AdministrativePenalty,
      data.penalties.map((penalty) => {
        // The demo reports no domain, 特定严重失信 or necessity mark: the domain is the authority's.
        const facts = {
          decidedAt: penalty.decidedAt,
          severity: penalty.severity,
          domain: domains.get(penalty.authorityCode) ?? defaultDomainOf(''),
          specificSerious: false,
          necessaryPublicityMonths: null,
        };
        return {
          ...penalty,
          domain: facts.domain,
          specificSerious: false,
          necessaryPublicityMonths: null,
          ...judgePublicity(rules, facts),
          reportedAt: new Date(penalty.reportedAt),
          repairedAt: repairedAt.get(penalty.id) ?? null,
        };
      }),
    );
    const reportingRules = new Map((await tx.find(ReportingRule, {})).map((rule) => [rule.kind, rule]));
    const keys = new Map<string, { key: string; documentNo: string }>([
      ...data.licenses.map(
        (l) => [l.id, { key: `${l.authorityCode}|${l.licenseNo}`, documentNo: l.licenseNo }] as const,
      ),
      ...data.penalties.map(
        (p) => [p.id, { key: `${p.authorityCode}|${p.decisionNo}`, documentNo: p.decisionNo }] as const,
      ),
    ]);
    await insertInChunks(
      tx,
      Submission,
      data.submissions.map(({ rejectionReason, ...submission }) => {
        const record = submission.recordId === null ? undefined : keys.get(submission.recordId);
        const accepted = submission.outcome === SubmissionOutcome.ACCEPTED;
        return {
          ...submission,
          // The demo's rejected attempts carry no payload, only their reason.
          submissionKey: record?.key ?? `demo:${submission.id}`,
          documentNo: record?.documentNo ?? null,
          dueOn:
            reportingDeadline(reportingRules.get(submission.kind) as ReportingRule, submission.decidedAt, null)?.date ??
            null,
          submittedAt: new Date(submission.submittedAt),
          acceptedAt: accepted ? new Date(submission.submittedAt) : null,
          reasons: rejectionReason === null ? null : [demoProblem(rejectionReason)],
          payload: null,
          rowNumber: null,
        };
      }),
    );
  });
  logger.info(
    {
      subjects: data.subjects.length,
      penalties: data.penalties.length,
      licenses: data.licenses.length,
      ms: Date.now() - started,
    },
    'demo data loaded',
  );
}

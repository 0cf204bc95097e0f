import { randomUUID } from 'node:crypto';
import { actingOrg } from '../../../shared/auth/ownership';
import { lockForTransaction } from '../../../shared/db/advisory-lock';
import type { EntityManager } from '../../../shared/db/orm';
import { CommitmentStatus } from '../../../shared/domain/vocabulary';
import { idArgument, textArgument as text } from '../../../shared/graphql/arguments';
import { badUserInput, conflict, notFound } from '../../../shared/graphql/errors';
import { COMMITMENT_CLAUSE_LENGTH, COMMITMENT_NAME_LENGTH } from '../../../shared/graphql/input-limits';
import { checkUscc } from '../../../shared/identifiers/uscc';
import { forget } from '../../../shared/workflow/forget';
import { Commitment } from '../entities/commitment';
import { CommitmentTemplate } from '../entities/commitment-template';
import { CommitmentTemplateVersion } from '../entities/commitment-template-version';
import type { SignCommitmentInput } from '../inputs/sign-commitment.input';
import type { CommitmentsContext } from '../loaders';
import { CommitmentAction } from '../rules/actions';
import { contractTermProblems, ContractTerms } from '../rules/contract-terms';
import { signingProblems } from '../rules/signing';
import { announceCommitment } from './announce';
import { recordCommitmentStep } from './commitment-history';

/** Optional free text: absent or blank is null, anything else is checked like required text. */
function optionalText(argument: string, value: string | null | undefined, max: number): string | null {
  return value == null || value.trim() === '' ? null : text(argument, value, max);
}

function signatoryUscc(value: string | null | undefined): string | null {
  if (value == null || value.trim() === '') return null;
  const code = checkUscc(value);
  if (code.problem)
    throw badUserInput('input.signatoryUscc', `'input.signatoryUscc' ${JSON.stringify(value)}: ${code.reason}`);
  return code.normalized;
}

function contractTerms(input: SignCommitmentInput, signedOn: string): ContractTerms {
  const terms: ContractTerms = {
    obligations: optionalText('input.obligations', input.obligations, COMMITMENT_CLAUSE_LENGTH),
    breachConsequence: optionalText('input.breachConsequence', input.breachConsequence, COMMITMENT_CLAUSE_LENGTH),
    termEndsOn: input.termEndsOn ?? null,
  };
  const [problem] = contractTermProblems(terms, signedOn);
  if (problem) throw badUserInput(`input.${problem.field}`, problem.message);
  return terms;
}

/**
 * The commitment a department already recorded under its reference (a retry), or null; the
 * same reference for another subject or template is a CONFLICT. Locks the reference until
 * the transaction ends, so two retries racing see each other.
 */
async function signedBefore(
  em: EntityManager,
  org: string,
  reference: string,
  signing: { subjectId: string; templateCode: string },
): Promise<Commitment | null> {
  await lockForTransaction(em, `commitment:${org}:${reference}`);
  const first = await em.findOne(Commitment, { departmentCode: org, reference });
  if (!first) return null;
  const template = await em.findOne(CommitmentTemplate, { id: first.templateId });
  if (first.subjectId !== signing.subjectId || template?.code !== signing.templateCode) {
    throw conflict(
      `${org} recorded reference ${reference} for another commitment (${first.id})`,
      'input.reference',
      'DUPLICATE_REFERENCE',
    );
  }
  return first;
}

/** 签署: a new IN_EFFECT commitment recorded by the accepting department; signing again with the same reference returns the commitment already made. */
export async function signCommitment(ctx: CommitmentsContext, input: SignCommitmentInput): Promise<Commitment> {
  const org = actingOrg(ctx.principal, 'a commitment');
  const today = ctx.loaders.today;
  const subjectId = idArgument('input.subjectId', input.subjectId, 'a subject');
  const signatoryName = text('input.signatoryName', input.signatoryName, COMMITMENT_NAME_LENGTH);
  const uscc = signatoryUscc(input.signatoryUscc);
  const templateCode = text('input.templateCode', input.templateCode, 32);
  const matter = optionalText('input.matter', input.matter, COMMITMENT_NAME_LENGTH);
  const reference = optionalText('input.reference', input.reference, 64);
  const terms = contractTerms(input, today);
  const publicized = input.publicized ?? true;
  const validUntil = input.validUntil ?? null;

  return ctx.em
    .transactional(async (em) => {
      const first = reference === null ? null : await signedBefore(em, org, reference, { subjectId, templateCode });
      if (first) return first;
      const template = await em.findOne(CommitmentTemplate, { code: templateCode });
      if (!template) throw notFound(`no commitment template ${templateCode}`, 'input.templateCode');
      const [problem] = signingProblems({ kind: template.kind, publicized, validUntil }, today);
      if (problem) throw badUserInput(`input.${problem.field}`, problem.message);
      const version = await em.findOneOrFail(
        CommitmentTemplateVersion,
        { templateId: template.id },
        { orderBy: { version: 'desc' } },
      );
      const commitment = em.create(Commitment, {
        id: randomUUID(),
        subjectId,
        signatoryName,
        signatoryUscc: uscc,
        templateId: template.id,
        templateVersionId: version.id,
        kind: template.kind,
        matter: matter ?? template.matter,
        signedAt: today,
        validUntil,
        status: CommitmentStatus.IN_EFFECT,
        publicized,
        departmentCode: org,
        reference,
        ...terms,
        breachedOn: null,
      });
      em.persist(commitment);
      recordCommitmentStep(
        em,
        commitment,
        { action: CommitmentAction.SIGN, note: null, evidence: null, on: null },
        null,
        ctx.principal,
      );
      await announceCommitment(em, commitment);
      return commitment;
    })
    .finally(() => forget(ctx.loaders));
}

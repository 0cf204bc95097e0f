import { randomBytes, randomUUID } from 'node:crypto';
import { actingOrg, isCreditOffice, isOwnerOrCreditOffice } from '../../../shared/auth/ownership';
import { lockForTransaction } from '../../../shared/db/advisory-lock';
import { idArgument, textArgument } from '../../../shared/graphql/arguments';
import { badUserInput, conflict, forbidden, notFound } from '../../../shared/graphql/errors';
import { FREE_TEXT_LENGTH } from '../../../shared/graphql/input-limits';
import { PageArgs, resolvePage, toConnection } from '../../../shared/graphql/pagination';
import { forget } from '../../../shared/workflow/forget';
import { SpotCheckDraw } from '../entities/spot-check-draw';
import { SpotCheckItem } from '../entities/spot-check-item';
import type { DrawSpotChecksInput, RecordSpotCheckOutcomeInput } from '../inputs/spot-check.input';
import type { EvaluationsContext } from '../loaders';
import { spotCheckPopulation } from '../repositories/spot-check-population';
import { periodProblem } from '../rules/evaluation-period';
import { drawSpotCheckList } from '../rules/spot-check-draw';
import { outcomeChangeProblem } from '../rules/spot-check-outcome';
import { pickSupervisionRule } from '../rules/supervision-rule';
import type { SpotCheckDrawConnection } from '../types/spot-check-draw-connection';
import { recomputeSubjects } from './recompute';
import { supervisionRules } from './supervision';

const SEED_LENGTH = 64;
/** A list longer than this is no inspection plan a department can carry out in one period. */
export const MAX_DRAW_SIZE = 5000;

function drawArguments(input: DrawSpotChecksInput, today: string) {
  const industry = textArgument('input.industry', input.industry, 200);
  const period = input.period.trim().toUpperCase();
  const badPeriod = periodProblem(period, today);
  if (badPeriod) throw badUserInput('input.period', badPeriod);
  const street =
    input.street == null || input.street.trim() === '' ? null : textArgument('input.street', input.street, 200);
  const seed =
    input.seed == null ? randomBytes(16).toString('hex') : textArgument('input.seed', input.seed, SEED_LENGTH);
  const size = input.size ?? null;
  if (size !== null && (!Number.isInteger(size) || size < 1 || size > MAX_DRAW_SIZE))
    throw badUserInput('input.size', `'input.size' must be between 1 and ${MAX_DRAW_SIZE}`);
  return { industry, period, street, seed, size };
}

/**
 * 双随机、一公开: a department draws the subjects of an industry (and street) to inspect in a
 * period, each grade at its supervision rule's ratio (rules/spot-check-draw.ts), and the draw is
 * recorded with its seed, ratios and population (the record is the audit: who, when, how). Drawing
 * again for the same period is allowed and recorded as a draw of its own.
 */
export async function drawSpotChecks(ctx: EvaluationsContext, input: DrawSpotChecksInput): Promise<SpotCheckDraw> {
  const org = actingOrg(ctx.principal, 'a spot-check draw');
  const args = drawArguments(input, ctx.loaders.today);
  return ctx.em
    .transactional(async (em) => {
      const [population, rules] = await Promise.all([
        spotCheckPopulation(em, args.industry, args.street),
        supervisionRules(em),
      ]);
      const result = drawSpotCheckList(
        population,
        (grade) => pickSupervisionRule(rules, grade, args.industry)?.spotCheckRatio ?? 0,
        args.seed,
        args.size,
      );
      const draw = em.create(SpotCheckDraw, {
        id: randomUUID(),
        departmentCode: org,
        ...args,
        quotas: result.quotas,
        drawnAt: new Date(),
        drawnBy: ctx.principal.sub,
      });
      result.drawn.forEach((candidate, i) =>
        em.create(SpotCheckItem, {
          drawId: draw.id,
          subjectId: candidate.subjectId,
          position: i + 1,
          gradeAtDraw: candidate.grade,
          outcome: null,
          note: null,
          recordedAt: null,
          recordedBy: null,
        }),
      );
      return draw;
    })
    .finally(() => forget(ctx.loaders));
}

/** A draw, for the department that made it or the credit office (FORBIDDEN to anyone else). */
export async function spotCheckDraw(ctx: EvaluationsContext, id: string): Promise<SpotCheckDraw | null> {
  const draw = await ctx.em.findOne(SpotCheckDraw, { id: idArgument('id', id, 'a spot-check draw') });
  if (!draw) return null;
  if (!isOwnerOrCreditOffice(ctx.principal, draw.departmentCode))
    throw forbidden(`only ${draw.departmentCode} or the credit office may read this draw`);
  return draw;
}

/** The caller's department's draws, newest first; the credit office sees every department's. */
export async function spotCheckDraws(ctx: EvaluationsContext, pageArgs: PageArgs): Promise<SpotCheckDrawConnection> {
  const page = resolvePage(pageArgs);
  const where = isCreditOffice(ctx.principal) ? {} : { departmentCode: actingOrg(ctx.principal, 'a spot-check draw') };
  const [nodes, total] = await ctx.em.findAndCount(SpotCheckDraw, where, {
    orderBy: { drawnAt: 'desc', id: 'asc' },
    limit: page.limit,
    offset: page.offset,
  });
  return toConnection(nodes, total, page);
}

/**
 * 录入抽查结果: the drawing department (or the credit office) records what the inspection found, and
 * the subject is re-evaluated in the same transaction (SPOT_CHECK_* facts). Recording the same outcome
 * again is a retry; another outcome is refused (CONFLICT), the first one having been counted.
 */
export async function recordSpotCheckOutcome(
  ctx: EvaluationsContext,
  input: RecordSpotCheckOutcomeInput,
): Promise<SpotCheckItem> {
  const drawId = idArgument('input.drawId', input.drawId, 'a spot-check draw');
  const subjectId = idArgument('input.subjectId', input.subjectId, 'a subject');
  const note =
    input.note == null || input.note.trim() === '' ? null : textArgument('input.note', input.note, FREE_TEXT_LENGTH);
  return ctx.em
    .transactional(async (em) => {
      const draw = await em.findOne(SpotCheckDraw, { id: drawId });
      if (!draw) throw notFound(`no spot-check draw ${drawId}`, 'input.drawId');
      if (!isOwnerOrCreditOffice(ctx.principal, draw.departmentCode))
        throw forbidden(`only ${draw.departmentCode} or the credit office may record outcomes of this draw`);
      await lockForTransaction(em, `spot-check:${drawId}:${subjectId}`);
      const item = await em.findOne(SpotCheckItem, { drawId, subjectId }, { refresh: true });
      if (!item) throw notFound(`subject ${subjectId} was not drawn in ${drawId}`, 'input.subjectId');
      const problem = outcomeChangeProblem(item.outcome, input.outcome);
      if (problem) throw conflict(problem, 'input.outcome', 'OUTCOME_RECORDED');
      if (item.outcome === input.outcome) return item;
      Object.assign(item, { outcome: input.outcome, note, recordedAt: new Date(), recordedBy: ctx.principal.sub });
      await em.flush();
      await recomputeSubjects(em, [subjectId]);
      return item;
    })
    .finally(() => forget(ctx.loaders));
}

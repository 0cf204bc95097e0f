import type { FilterQuery } from '@mikro-orm/core';
import { GATEWAY_SERVICE_SUB } from '../../../shared/auth/principal';
import { idArgument } from '../../../shared/graphql/arguments';
import { badUserInput, forbidden } from '../../../shared/graphql/errors';
import { PageArgs, resolvePage, toConnection } from '../../../shared/graphql/pagination';
import { AuditEvent } from '../entities/audit-event';
import type { AuditBatchInput, AuditEventFilter } from '../inputs/audit-inputs';
import type { SubjectsContext } from '../loaders';
import { AuditBatchRow, insertAuditEvents } from '../repositories/audit-events';
import type { AuditEventConnection } from '../types/connections';

/** Events per call at most: a screening of 10,000 codes records 10,000 codes and up to as many profiles and PII reads, and the gateway sends several requests’ batches together. */
const MAX_EVENTS_PER_CALL = 50_000;

function clip(value: string | null | undefined, length: number): string | null {
  return value == null ? null : value.slice(0, length);
}

function batchRow(batch: AuditBatchInput, b: number): AuditBatchRow {
  const { fieldsClass, subjectId, uscc, purpose } = batch.reads;
  const count = fieldsClass.length;
  for (const [name, column] of Object.entries({ subjectId, uscc, purpose }))
    if (column.length !== count)
      throw badUserInput(
        `batches[${b}].reads.${name}`,
        `reads.${name} has ${column.length} values for ${count} reads (fieldsClass): the columns must be equally long`,
      );
  return {
    principal_sub: batch.principalSub.slice(0, 255),
    principal_name: batch.principalName.slice(0, 255),
    org: clip(batch.org, 32),
    roles: batch.roles,
    request_id: batch.requestId.slice(0, 64),
    operation_name: clip(batch.operationName, 255),
    reads: {
      fieldsClass,
      subjectId: subjectId.map((id) => (id ? idArgument(`batches[${b}].reads.subjectId`, id, 'a subject') : null)),
      uscc: uscc.map((code) => clip(code, 64)),
      purpose: purpose.map((text) => clip(text, 255)),
    },
  };
}

/** Records the gateway's audit batches (one per request); returns how many reads were recorded. */
export async function recordAuditEvents(ctx: SubjectsContext, batches: AuditBatchInput[]): Promise<number> {
  // audit:write is never taken from a client's token (policy INTERNAL_SCOPES); the caller must also be the gateway itself.
  if (ctx.principal.sub !== GATEWAY_SERVICE_SUB) throw forbidden('the audit log is written by the gateway only');
  const events = batches.reduce((sum, batch) => sum + batch.reads.fieldsClass.length, 0);
  if (events > MAX_EVENTS_PER_CALL)
    throw badUserInput('batches', `at most ${MAX_EVENTS_PER_CALL} reads per call, got ${events}`);
  const rows = batches.map(batchRow);
  if (events === 0) return 0;
  await insertAuditEvents(ctx.em, rows);
  return events;
}

/** The audit log (newest first), filtered. */
export async function findAuditEvents(
  ctx: SubjectsContext,
  pageArgs: PageArgs,
  filter: AuditEventFilter | null,
): Promise<AuditEventConnection> {
  const page = resolvePage(pageArgs);
  const where: FilterQuery<AuditEvent> = {};
  if (filter?.subjectId) where.subjectId = idArgument('filter.subjectId', filter.subjectId, 'a subject');
  if (filter?.uscc) where.uscc = filter.uscc.trim().toUpperCase();
  if (filter?.principalSub) where.principalSub = filter.principalSub;
  if (filter?.org) where.org = filter.org;
  if (filter?.fieldsClass) where.fieldsClass = filter.fieldsClass;
  if (filter?.requestId) where.requestId = filter.requestId;
  if (filter?.from || filter?.to) {
    where.occurredAt = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
  }
  const [nodes, total] = await ctx.em.findAndCount(AuditEvent, where, {
    orderBy: { occurredAt: 'desc', id: 'asc' },
    limit: page.limit,
    offset: page.offset,
  });
  return toConnection(nodes, total, page);
}

import type { Principal } from '../../../shared/auth/principal';
import { boundQuery } from '../../../shared/db/bound-query';
import type { EntityManager } from '../../../shared/db/orm';
import { badUserInput, notFound } from '../../../shared/graphql/errors';
import { MAX_WATCHED_CODES } from '../../../shared/graphql/input-limits';
import { checkUscc } from '../../../shared/identifiers/uscc';
import { ReceiverKind } from '../entities/enums';
import { Receiver } from '../entities/receiver';
import type { WatchChange, WatchPage } from '../types/feed-page';
import { requireReceiverAccess } from './access';

/** Watches per page. */
export const MAX_WATCH_PAGE = 1000;

async function receiverFor(em: EntityManager, principal: Principal, code: string): Promise<Receiver> {
  const receiver = await em.findOne(Receiver, { code });
  requireReceiverAccess(principal, code, receiver);
  if (!receiver) throw notFound(`no receiver ${code}`, 'receiver');
  return receiver;
}

/** 1–10,000 valid codes (GB 32100-2015), normalised and de-duplicated; the first bad one named by its index. */
function codesArgument(usccs: readonly string[]): string[] {
  if (usccs.length === 0 || usccs.length > MAX_WATCHED_CODES)
    throw badUserInput('usccs', `'usccs' takes 1–${MAX_WATCHED_CODES} codes, got ${usccs.length}`);
  const codes = usccs.map((raw, i) => {
    const check = checkUscc(raw);
    if (check.problem)
      throw badUserInput(
        'usccs',
        `usccs[${i}] ${JSON.stringify(check.normalized)} is not a 统一社会信用代码: ${check.reason}`,
      );
    return check.normalized;
  });
  return [...new Set(codes)];
}

async function countWatches(em: EntityManager, receiverCode: string): Promise<number> {
  const [row] = await boundQuery<{ n: string }>(
    em,
    'select count(*) as n from exchange.watch where receiver_code = ?',
    [receiverCode],
  );
  return Number(row.n);
}

/** Adds codes to a department receiver's watch (one statement for all of them); codes watched already count nothing. */
export async function watchSubjects(
  em: EntityManager,
  principal: Principal,
  receiverCode: string,
  usccs: readonly string[],
): Promise<WatchChange> {
  const receiver = await receiverFor(em, principal, receiverCode);
  if (receiver.kind !== ReceiverKind.DEPARTMENT)
    throw badUserInput(
      'receiver',
      `receiver ${receiverCode} is a ${receiver.kind}: only a DEPARTMENT receiver watches subjects`,
    );
  const codes = codesArgument(usccs);
  return em.transactional(async (tx) => {
    const added = await boundQuery<{ uscc: string }>(
      tx,
      `insert into exchange.watch (receiver_code, uscc, created_at)
       select ?, u, now() from unnest(?::text[]) as u on conflict do nothing returning uscc`,
      [receiverCode, codes],
    );
    return { changed: added.length, watched: await countWatches(tx, receiverCode) };
  });
}

/** Removes codes from a receiver's watch (one statement); codes not watched count nothing. */
export async function unwatchSubjects(
  em: EntityManager,
  principal: Principal,
  receiverCode: string,
  usccs: readonly string[],
): Promise<WatchChange> {
  await receiverFor(em, principal, receiverCode);
  const codes = codesArgument(usccs);
  return em.transactional(async (tx) => {
    const removed = await boundQuery<{ uscc: string }>(
      tx,
      'delete from exchange.watch where receiver_code = ? and uscc = any(?::text[]) returning uscc',
      [receiverCode, codes],
    );
    return { changed: removed.length, watched: await countWatches(tx, receiverCode) };
  });
}

/** A page of a receiver's watch, by code after `after` (keyset). */
export async function listWatches(
  em: EntityManager,
  principal: Principal,
  receiverCode: string,
  first: number,
  after: string | null,
): Promise<WatchPage> {
  if (!Number.isInteger(first) || first < 1 || first > MAX_WATCH_PAGE)
    throw badUserInput('first', `'first' must be 1–${MAX_WATCH_PAGE}`);
  await receiverFor(em, principal, receiverCode);
  const rows = await boundQuery<{ uscc: string; created_at: Date }>(
    em,
    `select uscc, created_at from exchange.watch where receiver_code = ? and uscc > ? order by uscc limit ?`,
    [receiverCode, after ?? '', first + 1],
  );
  const page = rows.slice(0, first);
  return {
    subjects: page.map((r) => ({ uscc: r.uscc, createdAt: r.created_at })),
    endCursor: page.length > 0 ? page[page.length - 1].uscc : null,
    hasMore: rows.length > first,
  };
}

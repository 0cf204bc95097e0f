import type { Principal } from '../../../shared/auth/principal';
import type { EntityManager } from '../../../shared/db/orm';
import { badUserInput, notFound } from '../../../shared/graphql/errors';
import { FeedTopic } from '../entities/enums';
import { pullPage } from '../repositories/pull';
import type { ExchangeFeedPage } from '../types/feed-page';
import { requireReceiverAccess } from './access';

/** A page holds at most this many entries. */
export const MAX_PULL = 1000;
const SEQ = /^\d{1,18}$/;

/** `changes(receiver, after, first)`: the entries after `after`, in seq order; `hasMore` from one entry more. */
export async function pullChanges(
  em: EntityManager,
  principal: Principal,
  receiverCode: string,
  after: string,
  first: number,
): Promise<ExchangeFeedPage> {
  if (!SEQ.test(after))
    throw badUserInput('after', `'after' must be a seq (a decimal number), got ${JSON.stringify(after)}`);
  if (!Number.isInteger(first) || first < 1 || first > MAX_PULL)
    throw badUserInput('first', `'first' must be 1–${MAX_PULL}`);
  const page = await pullPage(em, receiverCode, after, first + 1);
  requireReceiverAccess(principal, receiverCode, page.receiver);
  if (!page.receiver) throw notFound(`no receiver ${receiverCode}`, 'receiver');
  const rows = page.rows.slice(0, first);
  return {
    entries: rows.map((r) => ({
      seq: r.seq,
      entryId: r.entryId,
      topic: r.topic,
      kind: r.kind,
      key: r.key,
      version: r.version,
      operation: r.operation,
      record: r.topic === FeedTopic.RECORD ? r.payload : null,
      screening: r.topic === FeedTopic.SCREENING ? r.payload : null,
      createdAt: r.createdAt,
    })),
    lastSeq: rows.length > 0 ? rows[rows.length - 1].seq : after.replace(/^0+(?=\d)/, ''),
    hasMore: page.rows.length > first,
  };
}

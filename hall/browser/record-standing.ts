import { chinaDate } from './china-time';
import { label } from './labels';
import type { MyAction, MyLicense, MyListEntry, MyPenalty } from './operations';

/**
 * Where one of the subject's own records stands, as /hall/my shows it, and whether 提出异议 is offered:
 * not for a record already withdrawn from view (the API refuses it: RECORD_WITHDRAWN), and not here for
 * a list entry objected to elsewhere (an outside authority's: EXTERNAL_AUTHORITY; one not yet published:
 * the list workflow's own 异议期). Pure: the page renders what these say.
 */
export interface Standing {
  /** 状态, in words. */
  text: string;
  /** The badge of a record withdrawn from view (已撤销, 无效, 已撤回, 已移出 …); no form then. */
  closed: string | null;
  /** Where to object instead, shown in the form's place; null: the form is offered (unless closed). */
  elsewhere: string | null;
}

const open = (text: string): Standing => ({ text, closed: null, elsewhere: null });
const because = (reason: string | null): string => (reason ? `：${reason}` : '');

/** 公示: the public rule of subgraphs/subjects/rules/penalty-visibility.ts, on China dates. */
export function penaltyPublicity(penalty: MyPenalty, today: string): string {
  if (penalty.revokedAt || penalty.repairedAt) return '不再公示';
  if (!penalty.published) return '不公示';
  if (penalty.decidedAt > today) return '尚未公示';
  return penalty.publicityEndsAt >= today ? `公示中（至 ${penalty.publicityEndsAt}）` : '公示期已满';
}

export function penaltyStanding(penalty: MyPenalty): Standing {
  if (penalty.revokedAt)
    return {
      text: `已撤销（${chinaDate(penalty.revokedAt)}${because(penalty.revocationReason)}）`,
      closed: '已撤销',
      elsewhere: null,
    };
  if (penalty.repairedAt)
    return { text: `已信用修复（${chinaDate(penalty.repairedAt)}）`, closed: '已修复', elsewhere: null };
  return open('有效');
}

/** A licence made 无效 (revoked, withdrawn, cancelled, or an upheld objection) is withdrawn; one merely out of its term is not. */
export function licenseStanding(license: MyLicense): Standing {
  if (license.status === 'INVALID')
    return {
      text: `无效（${license.invalidatedAt ? chinaDate(license.invalidatedAt) : '—'}${because(license.invalidationReason)}）`,
      closed: '无效',
      elsewhere: null,
    };
  return open(license.inForce ? '有效' : '有效（不在有效期内）');
}

export function actionStanding(action: MyAction): Standing {
  if (action.withdrawnAt)
    return {
      text: `已撤回（${chinaDate(action.withdrawnAt)}${because(action.withdrawalReason)}），不再公示和共享`,
      closed: '已撤回',
      elsewhere: null,
    };
  return open('有效');
}

/** Before publication an entry's objection is the list workflow's (认定 → 告知 → 异议 → 公示, docs/rules/authority-and-lists.md). */
const BEFORE_PUBLICATION = ['DESIGNATED', 'NOTIFIED', 'OBJECTED'];

export function listEntryStanding(entry: MyListEntry): Standing {
  const status = label('ListEntryStatus', entry.status);
  if (entry.status === 'REMOVED')
    return { text: `${status}${because(entry.removalReason)}`, closed: '已移出', elsewhere: null };
  if (entry.listKind && !entry.listKind.repairableHere && entry.listKind.turnTo)
    return {
      text: status,
      closed: null,
      elsewhere: `本条目由${entry.designatingAuthority}认定，不在本平台处理异议：请向${entry.listKind.turnTo}提出（谁认定、谁负责）。`,
    };
  if (BEFORE_PUBLICATION.includes(entry.status))
    return {
      text: status,
      closed: null,
      elsewhere: `尚未公示：对认定有异议的，按名单认定程序向认定单位（${entry.designatingAuthority}）提出${
        entry.objectionDeadline ? `，异议期至 ${entry.objectionDeadline}` : ''
      }。`,
    };
  return open(status);
}

import { FilterQuery, LockMode } from '@mikro-orm/core';
import type { EntityManager } from '../../../shared/db/orm';
import { applyObjectionMark } from '../../../shared/domain/objection-mark';
import { LicenseStatus } from '../../../shared/domain/vocabulary';
import type { EventCatalogue } from '../../../shared/events/catalogue';
import { AdministrativeAction } from '../entities/administrative-action';
import { AdministrativeLicense } from '../entities/administrative-license';
import { AdministrativePenalty } from '../entities/administrative-penalty';
import type { ReportedRecord } from '../entities/reported-record';
import { actionFacts, announceActions } from './action-facts';
import { announceRecords } from './exchange-records';
import { announceLicenses, licenseFacts } from './license-facts';
import { announcePenalties, penaltyFacts } from './penalty-facts';

type ObjectionChange = EventCatalogue['objection.changed'];

/** How one kind of subjects' record is withdrawn (撤回) by its department's own path, its change told to whoever keeps it. */
interface Withdrawal<R extends ReportedRecord> {
  entity: new () => R;
  /** Already gone from view (revoked, 无效, withdrawn): withdrawing it again changes nothing. */
  isWithdrawn(record: R): boolean;
  withdraw(em: EntityManager, record: R, reason: string): Promise<void>;
}

const PENALTY: Withdrawal<AdministrativePenalty> = {
  entity: AdministrativePenalty,
  isWithdrawn: (penalty) => penalty.revokedAt !== null,
  async withdraw(em, penalty, reason) {
    penalty.revokedAt = new Date();
    penalty.revocationReason = reason;
    await announcePenalties(em, [penaltyFacts(penalty, true)]);
    await announceRecords(em, 'PENALTY', [penalty.id]);
  },
};

const LICENSE: Withdrawal<AdministrativeLicense> = {
  entity: AdministrativeLicense,
  isWithdrawn: (license) => license.status === LicenseStatus.INVALID,
  async withdraw(em, license, reason) {
    license.status = LicenseStatus.INVALID;
    license.invalidatedAt = new Date();
    license.invalidationReason = reason;
    await announceLicenses(em, [licenseFacts(license)]);
    await announceRecords(em, 'LICENSE', [license.id]);
  },
};

const ACTION: Withdrawal<AdministrativeAction> = {
  entity: AdministrativeAction,
  isWithdrawn: (action) => action.withdrawnAt !== null,
  async withdraw(em, action, reason) {
    action.withdrawnAt = new Date();
    action.withdrawalReason = reason;
    await announceActions(em, [actionFacts({ ...action, withdrawn: true })]);
  },
};

async function applyTo<R extends ReportedRecord>(
  em: EntityManager,
  kind: Withdrawal<R>,
  change: ObjectionChange,
  occurredAt: Date,
): Promise<void> {
  // Every reported record is keyed by id (entities/reported-record.ts); MikroORM cannot see that through R.
  const where = { id: change.targetId } as FilterQuery<R>;
  const record = await em.findOne(kind.entity, where, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!record) throw new Error(`${change.target} ${change.targetId} of objection ${change.objectionId} does not exist`);
  if (applyObjectionMark(record, change, occurredAt) !== 'DECIDED') return;
  if (change.status === 'UPHELD' && change.outcome === 'WITHDRAWN' && !kind.isWithdrawn(record))
    await kind.withdraw(
      em,
      record,
      `异议成立，信息提供单位撤回 (异议案件 ${change.caseNumber}): ${change.note ?? ''}`.trim(),
    );
}

/**
 * An objection to a penalty, a licence or another action (repairs' objection.changed): open, the record
 * is marked 异议处理中; decided, the mark ends, and upheld with WITHDRAWN the record is withdrawn as by
 * its department (a penalty 撤销, a licence 无效, an action 撤回: public view and sharing end; repairs,
 * evaluations and the exchange are told). List entries are sanctions', the evaluation evaluations'.
 * Applying an event again, or an older one, changes nothing.
 */
export async function applyRecordObjection(
  em: EntityManager,
  change: ObjectionChange,
  occurredAt: Date,
): Promise<void> {
  if (change.target === 'PENALTY') return applyTo(em, PENALTY, change, occurredAt);
  if (change.target === 'LICENSE') return applyTo(em, LICENSE, change, occurredAt);
  if (change.target === 'ACTION') return applyTo(em, ACTION, change, occurredAt);
}

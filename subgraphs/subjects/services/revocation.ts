import { LockMode } from '@mikro-orm/core';
import { LicenseStatus } from '../../../shared/domain/vocabulary';
import { AdministrativeLicense } from '../entities/administrative-license';
import { AdministrativePenalty } from '../entities/administrative-penalty';
import type { SubjectsContext } from '../loaders';
import { announceRecords } from './exchange-records';
import { announceLicenses, licenseFacts } from './license-facts';
import { announcePenalties, penaltyFacts } from './penalty-facts';
import { recordToRevoke, RevocableKind } from './record-to-revoke';

/** Identifies a record for revocation: the authority's USCC, the document number, and why. */
export interface Revocation {
  authorityUscc: string;
  number: string;
  reason: string;
}

const PENALTY: RevocableKind<AdministrativePenalty> = {
  action: '撤销处罚',
  records: 'penalties',
  numberArgument: 'decisionNo',
  noun: 'penalty',
  find: (em, authority, decisionNo) => em.findOne(AdministrativePenalty, { authorityCode: authority.code, decisionNo }),
};

const LICENSE: RevocableKind<AdministrativeLicense> = {
  action: '撤销许可',
  records: 'licences',
  numberArgument: 'licenseNo',
  noun: 'licence',
  find: (em, authority, licenseNo) => em.findOne(AdministrativeLicense, { authorityCode: authority.code, licenseNo }),
};

/** 行政处罚决定被撤销: publicity and sharing end, repairs and the exchange (WITHDRAWN, REVOKED) are told; repeating it changes nothing. */
export async function revokePenalty(
  ctx: SubjectsContext,
  { authorityUscc, number, reason }: Revocation,
): Promise<AdministrativePenalty> {
  const { record: penalty, reason: why } = await recordToRevoke(ctx, PENALTY, authorityUscc, number, reason);
  if (penalty.revokedAt !== null) return penalty;
  return ctx.em.transactional(async (em) => {
    // Locked before its event is written: a background re-send of this penalty's facts (services/republish-penalties.ts) cannot read it meanwhile.
    const revoked = await em.findOneOrFail(
      AdministrativePenalty,
      { id: penalty.id },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    if (revoked.revokedAt !== null) return revoked;
    revoked.revokedAt = new Date();
    revoked.revocationReason = why;
    await announcePenalties(em, [penaltyFacts(revoked, true)]);
    await announceRecords(em, 'PENALTY', [revoked.id]);
    return revoked;
  });
}

/** 行政许可被撤销、撤回或注销: its 当前状态 becomes 无效 and evaluations and the exchange are told; repeating it changes nothing. */
export async function revokeLicense(
  ctx: SubjectsContext,
  { authorityUscc, number, reason }: Revocation,
): Promise<AdministrativeLicense> {
  const { record: license, reason: why } = await recordToRevoke(ctx, LICENSE, authorityUscc, number, reason);
  if (license.status === LicenseStatus.INVALID) return license;
  return ctx.em.transactional(async (em) => {
    // Locked and read again: two revocations at once change it, and tell evaluations, once.
    const revoked = await em.findOneOrFail(
      AdministrativeLicense,
      { id: license.id },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    if (revoked.status === LicenseStatus.INVALID) return revoked;
    revoked.status = LicenseStatus.INVALID;
    revoked.invalidatedAt = new Date();
    revoked.invalidationReason = why;
    await announceLicenses(em, [licenseFacts(revoked)]);
    await announceRecords(em, 'LICENSE', [revoked.id]);
    return revoked;
  });
}

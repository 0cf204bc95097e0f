import type { EntityManager } from '../../../shared/db/orm';
import { LicenseStatus } from '../../../shared/domain/vocabulary';
import type { LicenseFacts } from '../../../shared/events/catalogue';
import { publishEvent } from '../../../shared/events/publish';

/**
 * What evaluations and repairs are told of a licence: whose, who reported it (it decides an objection),
 * when, how long, and whether it is no longer valid (无效).
 */
export interface LicenseFactsSource {
  id: string;
  subjectId: string;
  dataSourceCode: string;
  decidedAt: string;
  validUntil: string | null;
  status: LicenseStatus | null;
}

export function licenseFacts(license: LicenseFactsSource): LicenseFacts {
  return {
    licenseId: license.id,
    subjectId: license.subjectId,
    dataSourceCode: license.dataSourceCode,
    decidedAt: license.decidedAt,
    validUntil: license.validUntil,
    revoked: license.status === LicenseStatus.INVALID,
  };
}

/** Tells the subgraphs that count licences (evaluations: 行政许可 is an indicator) or route objections to them (repairs) what changed, in the caller's transaction. */
export async function announceLicenses(em: EntityManager, licenses: LicenseFacts[]): Promise<void> {
  if (licenses.length > 0) await publishEvent(em, 'licenses.changed', { licenses });
}

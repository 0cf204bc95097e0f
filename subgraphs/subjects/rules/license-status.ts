import { LicenseStatus } from '../../../shared/domain/vocabulary';

/** What decides whether a licence is in force on a day. */
export interface LicenseValidity {
  status: LicenseStatus;
  validFrom: string;
  /** null = 长期 (reported empty or as 2099-12-31). */
  validUntil: string | null;
}

/** In force on `today`: 当前状态 有效, and today within 有效期自 … 有效期至 (no end when 长期). */
export function licenseInForce(license: LicenseValidity, today: string): boolean {
  return (
    license.status === LicenseStatus.VALID &&
    license.validFrom <= today &&
    (license.validUntil === null || license.validUntil >= today)
  );
}

/** The validity as shown: 2026-01-01 至 长期, 2026-01-01 至 2029-12-31. */
export function validityText(license: Pick<LicenseValidity, 'validFrom' | 'validUntil'>): string {
  return `${license.validFrom} 至 ${license.validUntil ?? '长期'}`;
}

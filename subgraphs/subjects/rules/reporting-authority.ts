/**
 * 谁的决定谁报送: a record's authority (处罚/许可/实施机关) is the reporting
 * department itself, or one the credit office delegated to it for today. Pure:
 * the caller brings the delegations it read.
 */
export interface DelegationTerms {
  authorityCode: string;
  delegateCode: string;
  validFrom: string;
  validUntil: string | null;
  revokedAt: Date | null;
}

/** A delegation binds from its first to its last day (both inclusive) until it is revoked. */
export function isDelegationInForce(delegation: DelegationTerms, today: string): boolean {
  return (
    delegation.revokedAt === null &&
    delegation.validFrom <= today &&
    (delegation.validUntil === null || delegation.validUntil >= today)
  );
}

/** The authorities `org` may report and revoke for today: itself and those delegated to it. */
export function authoritiesOf(org: string, delegations: readonly DelegationTerms[], today: string): Set<string> {
  const codes = new Set([org]);
  for (const delegation of delegations) {
    if (delegation.delegateCode === org && isDelegationInForce(delegation, today)) codes.add(delegation.authorityCode);
  }
  return codes;
}

/**
 * Who may update a record already reported under an authority's document
 * number: the authority itself always (the record is its decision); a delegate
 * only what it reported itself, so two delegates never overwrite each other.
 */
export function mayUpdateReported(org: string, record: { authorityCode: string; dataSourceCode: string }): boolean {
  return record.authorityCode === org || record.dataSourceCode === org;
}

import { isCreditOffice } from '../../../shared/auth/ownership';
import type { Principal } from '../../../shared/auth/principal';
import { forbidden } from '../../../shared/graphql/errors';
import type { ReceiverKind } from '../entities/enums';
import { isReceiverOwner } from '../rules/receiver';

/**
 * The receiver's own account, or the credit office; else FORBIDDEN naming the receiver. An unknown receiver
 * (null) is FORBIDDEN too, to anyone but the credit office, so codes cannot be probed.
 */
export function requireReceiverAccess(
  principal: Principal,
  code: string,
  receiver: { kind: ReceiverKind; clientId: string | null; departmentCode: string | null } | null,
): void {
  if (isCreditOffice(principal) || (receiver !== null && isReceiverOwner(principal, receiver))) return;
  throw forbidden(
    `receiver ${code}: only its own account (platform client or department) or the credit office may read or change its feed and watches`,
  );
}

/**
 * 谁认定、谁修复 on the sanctions side: `removeListEntry(repaired: true)` removes an
 * entry as 信用修复 without a repair case. The repairs subgraph lets only the
 * designating department decide a list-entry repair and never one of a kind not
 * repaired here; the direct path must not be a way around that. So a direct repair
 * is the designating department's own act (in practice the credit office's own
 * designations, as only it holds lists:decide) on a kind repaired here; any other
 * repair goes through a repair case, decided by the designating department.
 */
export interface DirectRepairRefusal {
  code: 'FORBIDDEN' | 'NOT_REPAIRABLE';
  message: string;
  turnTo?: string;
}

export function directRepairRefusal(
  entry: { decidedByCode: string; listKind: string },
  kind: { name: string; repairableHere: boolean; turnTo: string | null } | null,
  org: string | null,
): DirectRepairRefusal | null {
  if (kind === null || !kind.repairableHere) {
    const where = kind?.turnTo ? `: 请向${kind.turnTo}申请` : '';
    return {
      code: 'NOT_REPAIRABLE',
      message: `${kind?.name ?? entry.listKind} 不在本平台修复 (谁认定、谁修复)${where}; remove it as 撤销 (repaired: false) when its authority removes it`,
      ...(kind?.turnTo ? { turnTo: kind.turnTo } : {}),
    };
  }
  if (org === null || org !== entry.decidedByCode) {
    return {
      code: 'FORBIDDEN',
      message: `谁认定、谁修复: only ${entry.decidedByCode}, which designated this entry, decides its repair, through a repair case (applyForRepair)`,
    };
  }
  return null;
}

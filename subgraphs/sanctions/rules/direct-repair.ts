/**
 * 谁认定、谁修复 on the sanctions side: `removeListEntry(repaired: true)` removes an
 * entry as 信用修复 without a repair case. The repairs subgraph lets only the
 * designating department decide a list-entry repair and never one of a kind not
 * repaired here; the direct path must not be a way around that. So a direct repair
 * is the designating department's own act (in practice the credit office's own
 * designations, as only it holds lists:decide) on a kind repaired here; any other
 * repair goes through a repair case, decided by the designating department.
 * An entry imported from an upper-level source (国家、省下发, importUpperLevelList) is of a kind
 * never repaired here: the refusal names its authority and where to turn, and says that it leaves the
 * list when its source removes it (a later import), not by a district 撤销.
 */
export interface DirectRepairRefusal {
  code: 'FORBIDDEN' | 'NOT_REPAIRABLE';
  message: string;
  turnTo?: string;
}

export function directRepairRefusal(
  entry: { decidedByCode: string; listKind: string; designatingAuthority?: string; sourcePlatform?: string | null },
  kind: { name: string; repairableHere: boolean; turnTo: string | null } | null,
  org: string | null,
): DirectRepairRefusal | null {
  if (kind === null || !kind.repairableHere) {
    const where = kind?.turnTo ? `: 请向${kind.turnTo}申请` : '';
    const name = kind?.name ?? entry.listKind;
    const message = entry.sourcePlatform
      ? `${name} 由${entry.designatingAuthority ?? '上级认定单位'}认定、经 ${entry.sourcePlatform} 下发，不在本平台修复 (谁认定、谁修复)${where}; it leaves the list when ${entry.sourcePlatform} removes it (importUpperLevelList)`
      : `${name} 不在本平台修复 (谁认定、谁修复)${where}; remove it as 撤销 (repaired: false) when its authority removes it`;
    return {
      code: 'NOT_REPAIRABLE',
      message,
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

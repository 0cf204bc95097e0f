import { registerEnumType } from 'type-graphql';
import { RepairStatus, RepairTarget } from '../../../shared/domain/vocabulary';
import { RepairCondition } from '../rules/eligibility';
import { RepairAction } from '../rules/workflow';

registerEnumType(RepairTarget, { name: 'RepairTarget', description: '修复对象: 行政处罚信息 / 名单条目' });
registerEnumType(RepairStatus, {
  name: 'RepairStatus',
  description: '信用修复案件状态: 已申请 → 已受理 / 不予受理 → 准予修复 / 不予修复; 已撤回',
  valuesConfig: { REJECTED: { deprecationReason: 'stored cases were migrated to DENIED; nothing returns it' } },
});
registerEnumType(RepairAction, { name: 'RepairAction', description: '信用修复案件操作' });
registerEnumType(RepairCondition, { name: 'RepairCondition', description: '信用修复申请条件 (未满足的条件)' });

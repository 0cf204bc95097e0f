import { registerEnumType } from 'type-graphql';
import {
  ObjectionOutcome,
  ObjectionStatus,
  ObjectionTarget,
  RepairStatus,
  RepairTarget,
} from '../../../shared/domain/vocabulary';
import { PersonIdType } from '../../../shared/identifiers/person-id';
import { ApplicantCapacity, RepairChannel } from '../rules/channel';
import { RepairCondition } from '../rules/eligibility';
import { ObjectionAction } from '../rules/objection-workflow';
import { RepairAction } from '../rules/workflow';

registerEnumType(RepairTarget, { name: 'RepairTarget', description: '修复对象: 行政处罚信息 / 名单条目' });
registerEnumType(RepairStatus, {
  name: 'RepairStatus',
  description: '信用修复案件状态: 已申请 → 已受理 / 不予受理 → 准予修复 / 不予修复; 已撤回',
  valuesConfig: { REJECTED: { deprecationReason: 'stored cases were migrated to DENIED; nothing returns it' } },
});
registerEnumType(RepairAction, { name: 'RepairAction', description: '信用修复案件操作' });
registerEnumType(RepairCondition, { name: 'RepairCondition', description: '信用修复申请条件 (未满足的条件)' });
registerEnumType(RepairChannel, {
  name: 'RepairChannel',
  description: '申请渠道: 线下窗口 / 线上申请 / 部门代录',
});
registerEnumType(ApplicantCapacity, {
  name: 'ApplicantCapacity',
  description: '窗口到场人身份: 法定代表人 / 本人 / 受托代理人',
});
registerEnumType(PersonIdType, { name: 'IdentityDocumentType', description: '身份证件类型 (checked at the window)' });
registerEnumType(ObjectionStatus, {
  name: 'ObjectionStatus',
  description: '异议案件状态: 已申请 → 已受理 (核查中) → 异议成立 / 异议不成立',
});
registerEnumType(ObjectionTarget, {
  name: 'ObjectionTarget',
  description: '异议对象: 行政处罚信息 / 名单条目 / 行政许可信息 / 其他行政行为信息 / 公共信用综合评价结果',
});
registerEnumType(ObjectionOutcome, { name: 'ObjectionOutcome', description: '异议成立后的处理: 撤回 / 更正' });
registerEnumType(ObjectionAction, { name: 'ObjectionAction', description: '异议案件操作' });

import { registerEnumType } from 'type-graphql';
import { RepairStatus, RepairTarget } from '../../../shared/domain/vocabulary';

registerEnumType(RepairTarget, { name: 'RepairTarget', description: '修复对象: 行政处罚信息 / 名单条目' });
registerEnumType(RepairStatus, { name: 'RepairStatus', description: '信用修复案件状态' });

import { registerEnumType } from 'type-graphql';
import {
  ActionKind,
  AuditClass,
  LicenseCategory,
  LicenseStatus,
  PenaltyDomain,
  RecordKind,
  Severity,
  SubjectKind,
  SubjectStatus,
  SubmissionOutcome,
} from '../../../shared/domain/vocabulary';

registerEnumType(SubjectKind, { name: 'SubjectKind', description: '信用主体类别' });
registerEnumType(SubjectStatus, { name: 'SubjectStatus', description: '登记状态' });
registerEnumType(Severity, { name: 'Severity', description: '失信信息等级: 轻微 / 一般 / 严重' });
registerEnumType(LicenseCategory, { name: 'LicenseCategory', description: '许可类别' });
registerEnumType(RecordKind, { name: 'RecordKind', description: '报送记录类别: 行政许可 / 行政处罚 / 其他行政行为' });
registerEnumType(AuditClass, { name: 'AuditClass', description: '审计类别' });
registerEnumType(ActionKind, { name: 'ActionKind', description: '其他行政行为类别' });
registerEnumType(SubmissionOutcome, { name: 'SubmissionOutcome', description: '报送结果: 有效入库 / 退回' });
registerEnumType(LicenseStatus, { name: 'LicenseStatus', description: '行政许可当前状态: 有效 / 无效' });
registerEnumType(PenaltyDomain, {
  name: 'PenaltyDomain',
  description: '处罚所属领域: 食品 / 药品 / 特种设备 / 安全生产 / 消防 / 其他',
});

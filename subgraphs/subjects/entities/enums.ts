import { registerEnumType } from 'type-graphql';
import { SubmissionChannel } from '../../../shared/domain/submission-channel';
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
registerEnumType(SubmissionChannel, {
  name: 'SubmissionChannel',
  description: '报送渠道 (§6): 接口调用 / 文件报送 / 人工录入 / 未记录 (before channels were recorded)',
  valuesConfig: {
    INTERFACE: { description: '接口调用: a department system with a service token' },
    FILE: { description: '文件报送: a file uploaded through POST /ingest/…' },
    MANUAL: { description: '人工录入: a person signed in through the identity provider' },
    UNKNOWN: { description: '未记录: reported before the channel was recorded' },
  },
});
registerEnumType(LicenseStatus, { name: 'LicenseStatus', description: '行政许可当前状态: 有效 / 无效' });
registerEnumType(PenaltyDomain, {
  name: 'PenaltyDomain',
  description: '处罚所属领域: 食品 / 药品 / 特种设备 / 安全生产 / 消防 / 其他',
});

import { registerEnumType } from 'type-graphql';
import { CommitmentKind, CommitmentStatus } from '../../../shared/domain/vocabulary';
import { CommitmentAction } from '../rules/actions';

registerEnumType(CommitmentKind, {
  name: 'CommitmentKind',
  description: '信用承诺类别: 告知承诺 / 主动型 / 信用修复型 / 行业自律型',
});
registerEnumType(CommitmentStatus, {
  name: 'CommitmentStatus',
  description: '履约状态 (EXPIRED also when an in-effect commitment is past its validity)',
});
registerEnumType(CommitmentAction, {
  name: 'CommitmentAction',
  description: '信用承诺操作: 签署 / 履约 / 违诺 / 撤回',
});

import { registerEnumType } from 'type-graphql';
import { CommitmentKind, CommitmentStatus } from '../../../shared/domain/vocabulary';

registerEnumType(CommitmentKind, { name: 'CommitmentKind', description: '信用承诺类别: 告知承诺 / 主动型 / 信用修复型 / 行业自律型' });
registerEnumType(CommitmentStatus, { name: 'CommitmentStatus', description: '履约状态' });

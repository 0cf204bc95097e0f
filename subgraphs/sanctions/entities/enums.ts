import { registerEnumType } from 'type-graphql';
import '../../../shared/graphql/screening-enums';
import {
  AuthorityKind,
  CreditGrade,
  CreditList,
  ListAction,
  ListEntryStatus,
  MeasureKind,
} from '../../../shared/domain/vocabulary';
import { BasisKind } from '../rules/basis-kind';
import { CreditStatus } from '../rules/verdict';

registerEnumType(CreditList, { name: 'CreditList', description: '红名单 / 黑名单 / 重点关注名单' });
registerEnumType(ListEntryStatus, {
  name: 'ListEntryStatus',
  description: '名单条目状态: 认定 → 告知 → 异议 → 公示 → 移出 (EXPIRED: 有效期届满)',
});
registerEnumType(ListAction, { name: 'ListAction', description: '名单操作' });
registerEnumType(AuthorityKind, {
  name: 'AuthorityKind',
  description: '认定单位类别: 本区部门、区信用办、人民法院、税务机关、上级平台',
});
registerEnumType(BasisKind, {
  name: 'BasisKind',
  description: '措施依据层级 (国办发〔2020〕49号: 法律、法规或党中央、国务院政策文件)',
});
registerEnumType(MeasureKind, { name: 'MeasureKind', description: '激励 / 惩戒' });
registerEnumType(CreditStatus, { name: 'CreditStatus', description: '信用状态 (from the lists the subject is on)' });
// Registered by the evaluations subgraph too, with the same description (composition sees one enum).
registerEnumType(CreditGrade, { name: 'CreditGrade', description: '信用等级: A 优 / B 良 / C 中 / D 差' });

import { ObjectType } from 'type-graphql';
import { connectionType } from '../../../shared/graphql/pagination';
import { AdministrativeAction } from '../entities/administrative-action';
import { AdministrativeLicense } from '../entities/administrative-license';
import { AdministrativePenalty } from '../entities/administrative-penalty';
import { AuditEvent } from '../entities/audit-event';
import { Subject } from '../entities/subject';
import { Submission } from '../entities/submission';

@ObjectType({ description: '信用主体分页' })
export class SubjectConnection extends connectionType(Subject) {}

@ObjectType({ description: '行政处罚分页' })
export class PenaltyConnection extends connectionType(AdministrativePenalty) {}

@ObjectType({ description: '行政许可分页' })
export class LicenseConnection extends connectionType(AdministrativeLicense) {}

@ObjectType({ description: '其他行政行为分页' })
export class ActionConnection extends connectionType(AdministrativeAction) {}

@ObjectType({ description: '报送记录分页' })
export class ReportSubmissionConnection extends connectionType(Submission) {}

@ObjectType({ description: '查询审计分页' })
export class AuditEventConnection extends connectionType(AuditEvent) {}

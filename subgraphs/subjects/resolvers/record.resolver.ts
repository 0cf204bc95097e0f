import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { isOwnerOrCreditOffice } from '../../../shared/auth/ownership';
import { SCOPES } from '../../../shared/auth/policy';
import { AdministrativeAction } from '../entities/administrative-action';
import { AdministrativeLicense } from '../entities/administrative-license';
import { AdministrativePenalty } from '../entities/administrative-penalty';
import { Department } from '../entities/department';
import { ReportedRecord } from '../entities/reported-record';
import { Subject } from '../entities/subject';
import type { SubjectsContext } from '../loaders';

/** 处罚机关 / 许可机关 / 实施机关, the party and the internal report time of a record, through the request's loaders. */
function reportedRecordResolver<T extends ReportedRecord>(entity: new () => T, authority: string) {
  @Resolver(() => entity)
  class ReportedRecordResolver {
    @FieldResolver(() => Department, { nullable: true, description: authority })
    authority(@Root() record: T, @Ctx() ctx: SubjectsContext): Promise<Department | null> {
      return ctx.loaders.departmentByCode.load(record.authorityCode);
    }

    @FieldResolver(() => Department, {
      nullable: true,
      description: '数据来源单位 (the department that reported the record)',
    })
    dataSource(@Root() record: T, @Ctx() ctx: SubjectsContext): Promise<Department | null> {
      return ctx.loaders.departmentByCode.load(record.dataSourceCode);
    }

    @FieldResolver(() => Date, {
      nullable: true,
      description: '报送时间 (internal: the reporting department and the credit office see it; null for others)',
    })
    @RequiresScopes([SCOPES.read])
    reportedAt(@Root() record: T, @Ctx() ctx: SubjectsContext): Date | null {
      return isOwnerOrCreditOffice(ctx.principal, record.dataSourceCode) ? record.reportedAt : null;
    }

    @FieldResolver(() => Subject, { nullable: true, description: '行政相对人' })
    subject(@Root() record: T, @Ctx() ctx: SubjectsContext): Promise<Subject | null> {
      return ctx.loaders.subjectById.load(record.subjectId);
    }
  }
  return ReportedRecordResolver;
}

export const PenaltyResolver = reportedRecordResolver(AdministrativePenalty, '处罚机关');
export const LicenseResolver = reportedRecordResolver(AdministrativeLicense, '许可机关');
export const ActionResolver = reportedRecordResolver(AdministrativeAction, '实施机关');

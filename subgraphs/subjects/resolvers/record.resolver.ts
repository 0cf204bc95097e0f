import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { AdministrativeLicense } from '../entities/administrative-license';
import { AdministrativePenalty } from '../entities/administrative-penalty';
import { Department } from '../entities/department';
import { Subject } from '../entities/subject';
import type { SubjectsContext } from '../loaders';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { isOwnOrCreditOffice } from '../../../shared/auth/principal';

const INTERNAL_REPORTED_AT = '报送时间 (internal: the reporting department and the credit office see it; null for others)';

/** 处罚机关 / 许可机关 and the party of a 双公示 record, through the request's loaders. */
@Resolver(() => AdministrativePenalty)
export class PenaltyResolver {
  @FieldResolver(() => Department, { nullable: true, description: '处罚机关' })
  authority(@Root() penalty: AdministrativePenalty, @Ctx() ctx: SubjectsContext): Promise<Department | null> {
    return ctx.loaders.departmentByCode.load(penalty.authorityCode);
  }

  @FieldResolver(() => Date, { nullable: true, description: INTERNAL_REPORTED_AT })
  @RequiresScopes([SCOPES.read])
  reportedAt(@Root() penalty: AdministrativePenalty, @Ctx() ctx: SubjectsContext): Date | null {
    return isOwnOrCreditOffice(ctx.principal, penalty.dataSourceCode) ? penalty.reportedAt : null;
  }

  @FieldResolver(() => Subject, { nullable: true, description: '行政相对人' })
  subject(@Root() penalty: AdministrativePenalty, @Ctx() ctx: SubjectsContext): Promise<Subject | null> {
    return ctx.loaders.subjectById.load(penalty.subjectId);
  }
}

@Resolver(() => AdministrativeLicense)
export class LicenseResolver {
  @FieldResolver(() => Department, { nullable: true, description: '许可机关' })
  authority(@Root() license: AdministrativeLicense, @Ctx() ctx: SubjectsContext): Promise<Department | null> {
    return ctx.loaders.departmentByCode.load(license.authorityCode);
  }

  @FieldResolver(() => Date, { nullable: true, description: INTERNAL_REPORTED_AT })
  @RequiresScopes([SCOPES.read])
  reportedAt(@Root() license: AdministrativeLicense, @Ctx() ctx: SubjectsContext): Date | null {
    return isOwnOrCreditOffice(ctx.principal, license.dataSourceCode) ? license.reportedAt : null;
  }

  @FieldResolver(() => Subject, { nullable: true, description: '行政相对人' })
  subject(@Root() license: AdministrativeLicense, @Ctx() ctx: SubjectsContext): Promise<Subject | null> {
    return ctx.loaders.subjectById.load(license.subjectId);
  }
}

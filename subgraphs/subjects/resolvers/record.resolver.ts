import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { AdministrativeLicense } from '../entities/administrative-license';
import { AdministrativePenalty } from '../entities/administrative-penalty';
import { Department } from '../entities/department';
import { Subject } from '../entities/subject';
import type { SubjectsContext } from '../loaders';

/** 处罚机关 / 许可机关 and the party of a 双公示 record, through the request's loaders. */
@Resolver(() => AdministrativePenalty)
export class PenaltyResolver {
  @FieldResolver(() => Department, { nullable: true, description: '处罚机关' })
  authority(@Root() penalty: AdministrativePenalty, @Ctx() ctx: SubjectsContext): Promise<Department | null> {
    return ctx.loaders.departmentByCode.load(penalty.authorityCode);
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

  @FieldResolver(() => Subject, { nullable: true, description: '行政相对人' })
  subject(@Root() license: AdministrativeLicense, @Ctx() ctx: SubjectsContext): Promise<Subject | null> {
    return ctx.loaders.subjectById.load(license.subjectId);
  }
}

import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Audited, RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { hasScope } from '../../../shared/auth/principal';
import { isSelf, isStaffOrSelf } from '../../../shared/auth/self';
import { AuditClass, SubjectKind } from '../../../shared/domain/vocabulary';
import { idArgument } from '../../../shared/graphql/arguments';
import { badUserInput } from '../../../shared/graphql/errors';
import { PageArgs, Paged, resolvePage, toConnection } from '../../../shared/graphql/pagination';
import { maskPersonId } from '../../../shared/identifiers/person-id';
import { maskPersonName } from '../../../shared/identifiers/person-name';
import { usccWarning } from '../../../shared/identifiers/uscc';
import { Subject } from '../entities/subject';
import { usccArgument } from '../inputs/uscc-argument';
import type { SubjectsContext } from '../loaders';
import { searchSubjects } from '../repositories/subject-search';
import { penaltyVisibility } from '../rules/penalty-visibility';
import { ownSubject } from '../services/own-subject';
import { ActionConnection, LicenseConnection, PenaltyConnection, SubjectConnection } from '../types/connections';
import { LegalRepresentative } from '../types/legal-representative';

/**
 * The parent of a Subject field as the loaders give it: a plain row (shared/db/loaders.ts rowsByKeys). Declared
 * as a mapped type, not the class, so that type-graphql hands it over as it is instead of copying it into a new
 * Subject for every field it resolves (its @Root() conversion by the parameter's reflected class).
 */
type SubjectRow = Readonly<Subject>;

@Resolver(() => Subject)
export class SubjectResolver {
  @Query(() => Subject, { nullable: true, description: '按 id 或统一社会信用代码查询信用主体 (exactly one of them)' })
  async subject(
    @Ctx() ctx: SubjectsContext,
    @Arg('id', () => ID, { nullable: true }) id?: string | null,
    @Arg('uscc', () => String, { nullable: true, description: '统一社会信用代码' }) uscc?: string | null,
  ): Promise<Subject | null> {
    if (id != null && uscc == null) return ctx.loaders.subjectById.load(idArgument('id', id, 'a subject'));
    if (uscc != null && id == null) return ctx.loaders.subjectByUscc.load(usccArgument('uscc', uscc));
    throw badUserInput(id == null ? 'id' : 'uscc', "give exactly one of 'id' and 'uscc'");
  }

  @Query(() => Subject, {
    nullable: true,
    description:
      '本主体信息: the signed-in subject itself (信用主体本人, the subject role): its own profile and records, the non-public ones included; null when the platform holds no subject of its login',
  })
  @RequiresScopes([SCOPES.self])
  mySubject(@Ctx() ctx: SubjectsContext): Promise<Subject | null> {
    return ownSubject(ctx);
  }

  @Paged()
  @Query(() => SubjectConnection, {
    description:
      '按名称 (模糊) 或统一社会信用代码 (前缀) 检索信用主体; without credit:read a natural person’s name is searched and sorted as it is shown (张**)',
  })
  async subjects(
    @Ctx() ctx: SubjectsContext,
    @Args() pageArgs: PageArgs,
    @Arg('search', () => String, { nullable: true, description: '名称关键字或统一社会信用代码' })
    search?: string | null,
  ): Promise<SubjectConnection> {
    const page = resolvePage(pageArgs);
    // A caller who sees natural persons' names masked searches and sorts on the masked form only.
    const maskedNames = !hasScope(ctx.principal, SCOPES.read);
    const { nodes, total } = await searchSubjects(ctx.em, {
      term: search?.trim() ?? '',
      maskedNames,
      limit: page.limit,
      offset: page.offset,
      afterId: page.afterId,
    });
    return toConnection(nodes, total, page, (subject) => subject.id);
  }

  @FieldResolver(() => String, {
    description:
      '名称 (a natural person’s is masked, 张**, for callers without credit:read other than the person itself)',
  })
  @Audited([[SCOPES.read], [SCOPES.self]])
  name(@Root() subject: SubjectRow, @Ctx() ctx: SubjectsContext): string {
    return subject.kind === SubjectKind.NATURAL_PERSON && !isStaffOrSelf(ctx.principal, SCOPES.read, subject)
      ? maskPersonName(subject.name)
      : subject.name;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      '自然人证件号码 (居民身份证号 …): masked (320502********1234) unless the caller holds credit:pii or is the person itself; null for other subjects',
  })
  @RequiresScopes([SCOPES.read], [SCOPES.self])
  @Audited([[SCOPES.pii], [SCOPES.self]], AuditClass.PII)
  idNumber(@Root() subject: SubjectRow, @Ctx() ctx: SubjectsContext): string | null {
    if (subject.idNumber === null) return null;
    return hasScope(ctx.principal, SCOPES.pii) || isSelf(ctx.principal, subject)
      ? subject.idNumber
      : maskPersonId(subject.idNumber);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      '统一社会信用代码的提示: the reason when the code fails only its check character (a real pilot-era code, 经报送部门核实); null when the code is valid. Screening reports the same reason as invalidReason.',
  })
  usccWarning(@Root() subject: SubjectRow): string | null {
    return subject.uscc === null ? null : usccWarning(subject.uscc);
  }

  @FieldResolver(() => LegalRepresentative, { nullable: true, description: '法定代表人 / 负责人' })
  @RequiresScopes([SCOPES.read], [SCOPES.self])
  legalRepresentative(@Root() subject: SubjectRow, @Ctx() ctx: SubjectsContext): LegalRepresentative | null {
    if (subject.legalRepName === null) return null;
    return {
      name: subject.legalRepName,
      idType: subject.legalRepIdType ?? (subject.legalRepIdNumber === null ? null : '身份证'),
      // The subject sees its own representative's number whole: it is the subject's own record.
      idNumber:
        subject.legalRepIdNumber === null || isStaffOrSelf(ctx.principal, SCOPES.pii, subject)
          ? subject.legalRepIdNumber
          : maskPersonId(subject.legalRepIdNumber),
      of: { uscc: subject.uscc, idNumber: subject.idNumber },
    };
  }

  @Audited([[SCOPES.read], [SCOPES.self]])
  @Paged()
  @FieldResolver(() => PenaltyConnection, {
    description:
      '行政处罚 (newest first): the public sees those within their publicity period; repaired ones only their department, the credit office and the subject itself (which sees all of its own)',
  })
  async penalties(
    @Root() subject: SubjectRow,
    @Ctx() ctx: SubjectsContext,
    @Args() pageArgs: PageArgs,
  ): Promise<PenaltyConnection> {
    const page = resolvePage(pageArgs);
    const { nodes, totalCount } = await ctx.loaders
      .penaltiesVisibleTo(penaltyVisibility(ctx.principal, subject))(page)
      .load(subject.id);
    return toConnection(nodes, totalCount, page);
  }

  @Paged()
  @FieldResolver(() => LicenseConnection, { description: '行政许可 (newest first)' })
  async licenses(
    @Root() subject: SubjectRow,
    @Ctx() ctx: SubjectsContext,
    @Args() pageArgs: PageArgs,
  ): Promise<LicenseConnection> {
    const page = resolvePage(pageArgs);
    const { nodes, totalCount } = await ctx.loaders.licensesBySubject(page).load(subject.id);
    return toConnection(nodes, totalCount, page);
  }

  @Paged()
  @FieldResolver(() => ActionConnection, {
    description:
      '其他行政行为 (行政强制、确认、征收、给付、裁决、补偿、奖励、监督检查; newest first): one withdrawn after an upheld objection only its department, the credit office and the subject itself see',
  })
  async actions(
    @Root() subject: SubjectRow,
    @Ctx() ctx: SubjectsContext,
    @Args() pageArgs: PageArgs,
  ): Promise<ActionConnection> {
    const page = resolvePage(pageArgs);
    const { nodes, totalCount } = await ctx.loaders
      .actionsVisibleTo(penaltyVisibility(ctx.principal, subject))(page)
      .load(subject.id);
    return toConnection(nodes, totalCount, page);
  }
}

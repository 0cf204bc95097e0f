import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { AdministrativeLicense } from '../entities/administrative-license';
import type { SubjectsContext } from '../loaders';
import { licenseInForce, validityText } from '../rules/license-status';
import { revokeLicense } from '../services/revocation';

/** A licence's 当前状态 as it reads today, and its revocation by the department that owns it. */
@Resolver(() => AdministrativeLicense)
export class LicenseStatusResolver {
  @FieldResolver(() => Boolean, {
    description: '今日是否有效: 当前状态为有效, 且在有效期内 (长期 = 无截止日); a revoked licence is not in force',
  })
  inForce(@Root() license: AdministrativeLicense, @Ctx() ctx: SubjectsContext): boolean {
    return licenseInForce(license, ctx.today);
  }

  @FieldResolver(() => Boolean, { description: '长期有效 (有效期至 为空或 2099-12-31)' })
  longTerm(@Root() license: AdministrativeLicense): boolean {
    return license.validUntil === null;
  }

  @FieldResolver(() => String, { description: '有效期, as shown: “2026-01-01 至 长期”' })
  validity(@Root() license: AdministrativeLicense): string {
    return validityText(license);
  }

  @Mutation(() => AdministrativeLicense, {
    nullable: true,
    description:
      '行政许可被撤销、撤回或注销: 当前状态改为无效 (the authority, a department it delegated reporting to, or the credit office; repeating it changes nothing)',
  })
  @RequiresScopes([SCOPES.recordsWrite])
  revokeLicense(
    @Ctx() ctx: SubjectsContext,
    @Arg('authorityUscc', { description: '许可机关统一社会信用代码' }) authorityUscc: string,
    @Arg('licenseNo', { description: '行政许可决定文书号' }) licenseNo: string,
    @Arg('reason', { description: '原因 (撤销、撤回、注销的决定文书号)' }) reason: string,
  ): Promise<AdministrativeLicense> {
    return revokeLicense(ctx, { authorityUscc, number: licenseNo, reason });
  }
}

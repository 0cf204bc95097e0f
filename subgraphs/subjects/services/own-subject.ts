import { SCOPES } from '../../../shared/auth/policy';
import { hasScope } from '../../../shared/auth/principal';
import type { Subject } from '../entities/subject';
import type { SubjectsContext } from '../loaders';

/**
 * The subject the signed-in subject is (信用主体本人): the row its token's 统一社会信用代码 or 证件号码 names,
 * through the request's loaders (one statement however often it is asked); null for a staff principal,
 * the public, or a login whose subject the platform does not hold.
 */
export function ownSubject(ctx: SubjectsContext): Promise<Readonly<Subject> | null> {
  const self = ctx.principal.self;
  if (!self || !hasScope(ctx.principal, SCOPES.self)) return Promise.resolve(null);
  if (self.uscc !== null) return ctx.loaders.subjectByUscc.load(self.uscc);
  return self.idNumber !== null ? ctx.loaders.subjectByIdNumber.load(self.idNumber) : Promise.resolve(null);
}

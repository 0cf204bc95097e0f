import {
  defaultFieldResolver,
  getNamedType,
  GraphQLError,
  GraphQLNamedType,
  GraphQLResolveInfo,
  GraphQLSchema,
  isObjectType,
  responsePathAsArray,
} from 'graphql';
import { AccessRule, combine, satisfies } from './access-rule';
import { accessRuleOf } from './directives';
import type { Principal } from './principal';
import { satisfiedOnlyAsSelf, SelfChecks } from './self';

/** The error for a field the caller may not read (Apollo Router's code). */
export function unauthorizedField(path: readonly (string | number)[]): GraphQLError {
  return new GraphQLError('Unauthorized field or type', {
    path,
    extensions: { code: 'UNAUTHORIZED_FIELD_OR_TYPE' },
  });
}

function typeRule(type: GraphQLNamedType): AccessRule | undefined {
  return accessRuleOf(type.astNode?.directives);
}

/**
 * Enforced again in the subgraph: every field whose own declaration, parent
 * type or return type carries an authorization directive checks the principal
 * the gateway forwarded. A misconfigured gateway therefore still leaks nothing.
 * A subject that satisfies a rule only through subject:self reads the field only
 * where its parent is its own (`selfChecks`, by parent type; none = refused).
 * Returns the number of guarded fields.
 */
export function enforceAccessRules(schema: GraphQLSchema, selfChecks: SelfChecks = {}): number {
  let guarded = 0;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const parentRule = typeRule(type);
    for (const field of Object.values(type.getFields())) {
      const rule = combine(
        combine(parentRule, accessRuleOf(field.astNode?.directives)),
        typeRule(getNamedType(field.type)),
      );
      if (!rule) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      const selfCheck = Object.prototype.hasOwnProperty.call(selfChecks, type.name) ? selfChecks[type.name] : undefined;
      field.resolve = (source, args, context: { principal: Principal }, info: GraphQLResolveInfo) => {
        if (!satisfies(context.principal, rule)) throw unauthorizedField(responsePathAsArray(info.path));
        if (!satisfiedOnlyAsSelf(context.principal, rule)) return resolve(source, args, context, info);
        if (!selfCheck) throw unauthorizedField(responsePathAsArray(info.path));
        return Promise.resolve(selfCheck(source, context, info)).then((own) => {
          if (!own) throw unauthorizedField(responsePathAsArray(info.path));
          return resolve(source, args, context, info);
        });
      };
      guarded += 1;
    }
  }
  return guarded;
}

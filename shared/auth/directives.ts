import { ConstDirectiveNode, Kind, valueFromASTUntyped } from 'graphql';
import { Directive } from 'type-graphql';
import { AuditClass } from '../domain/vocabulary';
import type { AccessRule } from './access-rule';
import type { Scope } from './policy';

/**
 * Declared once: a subgraph puts this on a type, a field or a query. It emits
 * the Federation 2 directive, which composition carries into the supergraph;
 * the gateway and the subgraph both enforce the rule they read back from it
 * (gateway/auth, shared/auth/enforce.ts).
 */
export function RequiresScopes(...alternatives: Scope[][]): MethodDecorator & PropertyDecorator & ClassDecorator {
  return Directive(`@requiresScopes(scopes: ${JSON.stringify(alternatives)})`);
}

/** Our own directive, linked and composed into the supergraph (shared/graphql/federation.ts). */
export const AUDIT_SPEC_URL = 'https://gusu.suzhou.gov.cn/audit/v1.0';
export const AUDITED_DIRECTIVE_DEFINITION =
  'directive @audited(scopes: [[String!]!]!, class: String = "PROFILE") on FIELD_DEFINITION';

/**
 * A data-dependent reveal: a field whose rule lets everyone read it, but whose
 * value says more to a caller holding these scopes (an unmasked name, a whole ID
 * number, watch-list entries). Reading it with them is audited like a protected
 * field; the subgraph that owns the masking declares it beside the field.
 */
export function Audited(
  alternatives: Scope[][],
  auditClass: AuditClass = AuditClass.PROFILE,
): MethodDecorator & PropertyDecorator {
  return Directive(`@audited(scopes: ${JSON.stringify(alternatives)}, class: "${auditClass}")`);
}

export interface AuditDeclaration {
  /** Audited for a caller who satisfies any of these alternatives. */
  scopes: string[][];
  auditClass: AuditClass;
}

/** The @audited declaration on a field definition; undefined when it has none. */
export function auditDeclarationOf(
  directives: readonly ConstDirectiveNode[] | undefined,
): AuditDeclaration | undefined {
  const directive = directives?.find((d) => d.name.value === 'audited');
  if (!directive) return undefined;
  const scopes = directive.arguments?.find((a) => a.name.value === 'scopes');
  const auditClass = directive.arguments?.find((a) => a.name.value === 'class');
  const value = auditClass ? String(valueFromASTUntyped(auditClass.value)) : AuditClass.PROFILE;
  if (!Object.values(AuditClass).includes(value as AuditClass))
    throw new Error(`@audited class must be one of ${Object.values(AuditClass).join(', ')}, got ${value}`);
  return { scopes: scopes ? (valueFromASTUntyped(scopes.value) as string[][]) : [], auditClass: value as AuditClass };
}

/**
 * The rule the authorization directives on a definition declare; undefined when it has none.
 * @authenticated is read too, so a supergraph that gains it from any subgraph is enforced.
 */
export function accessRuleOf(directives: readonly ConstDirectiveNode[] | undefined): AccessRule | undefined {
  let rule: AccessRule | undefined;
  for (const directive of directives ?? []) {
    if (directive.name.value === 'authenticated') {
      rule = { authenticated: true, scopes: rule?.scopes ?? [] };
    } else if (directive.name.value === 'requiresScopes') {
      const argument = directive.arguments?.find((a) => a.name.value === 'scopes');
      const scopes =
        argument && argument.value.kind === Kind.LIST ? (valueFromASTUntyped(argument.value) as string[][]) : [];
      rule = { authenticated: rule?.authenticated ?? false, scopes };
    }
  }
  return rule;
}

import { ConstDirectiveNode, Kind, valueFromASTUntyped } from 'graphql';
import { Directive } from 'type-graphql';
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
      const scopes = argument && argument.value.kind === Kind.LIST ? (valueFromASTUntyped(argument.value) as string[][]) : [];
      rule = { authenticated: rule?.authenticated ?? false, scopes };
    }
  }
  return rule;
}

import { DocumentNode, Kind, parse, print, visit } from 'graphql';
import type { AccessRule } from '../../shared/auth/access-rule';
import { accessRuleOf, AuditDeclaration, auditDeclarationOf } from '../../shared/auth/directives';
import { ListSize, listSizeOf } from '../../shared/graphql/sized-by';

/** The authorization rules the composed supergraph declares, by type and by Type.field. */
export interface AccessRules {
  types: Map<string, AccessRule>;
  fields: Map<string, AccessRule>;
  /** Data-dependent reveals declared @audited, by Type.field. */
  audited: Map<string, AuditDeclaration>;
  /** What a list answers, for the cost model (@sizedBy), by Type.field. */
  listSizes: Map<string, ListSize>;
}

export function accessRulesOf(supergraph: DocumentNode): AccessRules {
  const rules: AccessRules = { types: new Map(), fields: new Map(), audited: new Map(), listSizes: new Map() };
  for (const definition of supergraph.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    const typeRule = accessRuleOf(definition.directives);
    if (typeRule) rules.types.set(definition.name.value, typeRule);
    for (const field of definition.fields ?? []) {
      const fieldRule = accessRuleOf(field.directives);
      if (fieldRule) rules.fields.set(`${definition.name.value}.${field.name.value}`, fieldRule);
      const audited = auditDeclarationOf(field.directives);
      if (audited) rules.audited.set(`${definition.name.value}.${field.name.value}`, audited);
      const listSize = listSizeOf(field.directives);
      if (listSize) rules.listSizes.set(`${definition.name.value}.${field.name.value}`, listSize);
    }
  }
  return rules;
}

/**
 * The SDL the gateway plans with: the committed supergraph without the
 * `for: SECURITY` purpose on its @link directives, which @apollo/gateway 2.14
 * refuses. The gateway enforces those features itself (authorize-operation.ts);
 * supergraph.graphql stays exactly as composition wrote it, for Apollo Router.
 */
export function planningSdl(supergraph: DocumentNode): string {
  const withoutSecurityPurpose = visit(supergraph, {
    Directive(node) {
      if (node.name.value !== 'link') return undefined;
      const args = node.arguments?.filter(
        (a) => !(a.name.value === 'for' && a.value.kind === Kind.ENUM && a.value.value === 'SECURITY'),
      );
      return args?.length === node.arguments?.length ? undefined : { ...node, arguments: args };
    },
  });
  return print(withoutSecurityPurpose);
}

export function loadSupergraph(sdl: string): { rules: AccessRules; planningSdl: string } {
  const document = parse(sdl);
  return { rules: accessRulesOf(document), planningSdl: planningSdl(document) };
}

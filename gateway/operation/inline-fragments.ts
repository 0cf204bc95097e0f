import { DocumentNode, FragmentDefinitionNode, Kind, OperationDefinitionNode, SelectionSetNode, visit } from 'graphql';

/**
 * The operation with every named fragment spread replaced by an inline
 * fragment, so that each place of use can be rewritten on its own (removing
 * an unauthorized field, adding an audit key) and every path is explicit.
 */
export function inlineFragments(document: DocumentNode, operation: OperationDefinitionNode): OperationDefinitionNode {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  if (fragments.size === 0) return operation;
  const inline = (selectionSet: SelectionSetNode, seen: ReadonlySet<string>): SelectionSetNode =>
    visit(selectionSet, {
      FragmentSpread(node) {
        const fragment = fragments.get(node.name.value);
        // A cycle is a validation error already; drop it rather than loop.
        if (!fragment || seen.has(node.name.value)) return null;
        return {
          kind: Kind.INLINE_FRAGMENT,
          typeCondition: fragment.typeCondition,
          directives: node.directives,
          selectionSet: inline(fragment.selectionSet, new Set([...seen, node.name.value])),
        };
      },
    });
  return { ...operation, selectionSet: inline(operation.selectionSet, new Set()) };
}

export function singleOperationDocument(operation: OperationDefinitionNode): DocumentNode {
  return { kind: Kind.DOCUMENT, definitions: [operation] };
}

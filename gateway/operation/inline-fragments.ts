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

/**
 * How many selections the operation has once every fragment is expanded,
 * computed with one memo per fragment, so that a document whose fragments
 * spread each other twice over (2^n selections in a few hundred bytes) is
 * measured in linear time and refused before anything expands it.
 */
export function expandedSelectionCount(document: DocumentNode, operation: OperationDefinitionNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const memo = new Map<string, number>();
  const count = (selectionSet: SelectionSetNode, seen: ReadonlySet<string>): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD)
        total += 1 + (selection.selectionSet ? count(selection.selectionSet, seen) : 0);
      else if (selection.kind === Kind.INLINE_FRAGMENT) total += count(selection.selectionSet, seen);
      else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || seen.has(name)) continue;
        if (!memo.has(name)) memo.set(name, count(fragment.selectionSet, new Set([...seen, name])));
        total += memo.get(name) as number;
      }
    }
    return total;
  };
  return count(operation.selectionSet, new Set());
}

export function singleOperationDocument(operation: OperationDefinitionNode): DocumentNode {
  return { kind: Kind.DOCUMENT, definitions: [operation] };
}

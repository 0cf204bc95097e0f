import { ConstDirectiveNode, valueFromASTUntyped } from 'graphql';
import { Directive } from 'type-graphql';

/**
 * Our own directive, linked and composed into the supergraph (federation.ts):
 * Federation 2.9's @listSize takes only Int slicing arguments on list fields
 * (not a screening's list of codes, nor a connection's page), and linking 2.9
 * would move the whole supergraph to join v0.5.
 */
export const SIZED_BY_SPEC_URL = 'https://gusu.suzhou.gov.cn/cost/v1.0';
export const SIZED_BY_DIRECTIVE_DEFINITION =
  'directive @sizedBy(argument: String!, assumedSize: Int) on FIELD_DEFINITION';

/** How many items a field answers, for the gateway's cost model (gateway/limits/limits.ts). */
export interface ListSize {
  /** The argument that asks for the size: a number, or a list whose length it is. */
  argument: string;
  /** The size of a page (a connection, not a list) whose argument is given as null. */
  assumedSize: number | null;
}

/** Declared beside the argument that sizes the field's answer. */
export function SizedBy(argument: string, assumedSize?: number): MethodDecorator & PropertyDecorator {
  return Directive(
    `@sizedBy(argument: ${JSON.stringify(argument)}${assumedSize === undefined ? '' : `, assumedSize: ${assumedSize}`})`,
  );
}

/** The @sizedBy declaration on a field definition; undefined when it has none. */
export function listSizeOf(directives: readonly ConstDirectiveNode[] | undefined): ListSize | undefined {
  const directive = directives?.find((d) => d.name.value === 'sizedBy');
  if (!directive) return undefined;
  const argument = directive.arguments?.find((a) => a.name.value === 'argument');
  const assumed = directive.arguments?.find((a) => a.name.value === 'assumedSize');
  const assumedSize = assumed ? valueFromASTUntyped(assumed.value) : null;
  return {
    argument: argument ? String(valueFromASTUntyped(argument.value)) : '',
    assumedSize: typeof assumedSize === 'number' ? assumedSize : null,
  };
}

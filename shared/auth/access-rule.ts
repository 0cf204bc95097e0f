import type { Principal } from './principal';

/**
 * What a type or field requires, as Federation's authorization directives say it:
 * @authenticated, and @requiresScopes(scopes: [[a, b], [c]]) = (a AND b) OR c.
 */
export interface AccessRule {
  authenticated: boolean;
  /** Alternatives, each a set of scopes that must all be held; empty = no scope needed. */
  scopes: string[][];
}

export function satisfies(principal: Principal, rule: AccessRule): boolean {
  if (rule.authenticated && !principal.authenticated) return false;
  if (rule.scopes.length === 0) return true;
  return rule.scopes.some((all) => all.every((scope) => principal.scopes.includes(scope)));
}

/** Both rules must hold (a field's own and its type's). */
export function combine(a: AccessRule | undefined, b: AccessRule | undefined): AccessRule | undefined {
  if (!a) return b;
  if (!b) return a;
  const scopes =
    a.scopes.length === 0
      ? b.scopes
      : b.scopes.length === 0
        ? a.scopes
        : a.scopes.flatMap((x) => b.scopes.map((y) => [...new Set([...x, ...y])]));
  return { authenticated: a.authenticated || b.authenticated, scopes };
}

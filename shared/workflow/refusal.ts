/**
 * A workflow step the record's state does not allow (a status it cannot leave
 * that way, a period not yet over). Thrown by the rules, which know nothing of
 * GraphQL; the workflow step turns it into one CONFLICT (shared/graphql/errors.ts).
 */
export class TransitionRefused extends Error {
  constructor(
    message: string,
    readonly action: string,
    /** The status the record reads as. */
    readonly status: string,
    /** Why, for a client to act on (`extensions.reason`). */
    readonly reason: string = 'INVALID_STATUS',
  ) {
    super(message);
    this.name = 'TransitionRefused';
  }
}

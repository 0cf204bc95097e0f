import { GraphQLError } from 'graphql';
import { RESERVED_ALIAS_PREFIX } from '../audit/audit-plan';
import { CONTINUE, GuardStep } from './guarded-request';

/** A client alias could collide with the keys the audit adds to the operation. */
export const reservedAliases: GuardStep = {
  name: 'reserved aliases',
  run({ walk }) {
    const alias = walk.reservedAlias;
    if (!alias) return CONTINUE;
    return {
      errors: [
        new GraphQLError(`the alias prefix '${RESERVED_ALIAS_PREFIX}' is reserved (${alias})`, {
          extensions: { code: 'BAD_USER_INPUT', argument: alias },
        }),
      ],
    };
  },
};

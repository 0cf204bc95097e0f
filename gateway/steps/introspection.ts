import { GraphQLError } from 'graphql';
import { CONTINUE, GuardStep } from './guarded-request';

/** In production, introspection only for authenticated principals. */
export const introspection: GuardStep = {
  name: 'introspection',
  run({ options, principal, walk }) {
    if (!options.introspectionNeedsAuthentication || principal.authenticated || !walk.usesIntrospection)
      return CONTINUE;
    return {
      errors: [new GraphQLError('introspection needs an authenticated caller', { extensions: { code: 'FORBIDDEN' } })],
    };
  },
};

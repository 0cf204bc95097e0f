import { GraphQLError } from 'graphql';
import { isStaffPrincipal } from '../../shared/auth/self';
import { CONTINUE, GuardStep } from './guarded-request';

/** In production, introspection only for authenticated staff and systems (not the public, not a subject signed in as itself). */
export const introspection: GuardStep = {
  name: 'introspection',
  run({ options, principal, walk }) {
    if (!options.introspectionNeedsAuthentication || isStaffPrincipal(principal) || !walk.usesIntrospection)
      return CONTINUE;
    return {
      errors: [new GraphQLError('introspection needs an authenticated caller', { extensions: { code: 'FORBIDDEN' } })],
    };
  },
};

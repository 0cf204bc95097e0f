import { nullDeniedFields, unauthorizedErrors } from '../auth/authorize-operation';
import { CONTINUE, GuardStep } from './guarded-request';

/**
 * Router semantics: the walk removed every field the principal may not read;
 * each is answered null with one error per path — or the whole operation is
 * refused, when the gateway runs so (REJECT_UNAUTHORIZED).
 */
export const authorization: GuardStep = {
  name: 'authorization',
  run(request) {
    const { walk, options } = request;
    request.errors = unauthorizedErrors(walk.denied);
    if (request.errors.length > 0 && options.rejectUnauthorized) return { errors: request.errors };
    if (!walk.operation) return { data: nullDeniedFields(undefined, walk.denied), errors: request.errors };
    return CONTINUE;
  },
};

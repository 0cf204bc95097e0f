import { createHash } from 'node:crypto';
import { print } from 'graphql';
import { nullDeniedFields } from '../auth/authorize-operation';
import { singleOperationDocument } from '../operation/inline-fragments';
import { CONTINUE, GuardStep, ResponseData, StepOutcome } from './guarded-request';

/** Plans and runs the operation as the walk left it (fields removed, audit keys added); removed fields come back null. */
export const execution: GuardStep = {
  name: 'execution',
  async run(request): Promise<StepOutcome> {
    const { context, walk } = request;
    const operation = walk.operation ?? request.operation;
    const rewritten = operation !== context.operation;
    const document = rewritten ? singleOperationDocument(operation) : context.document;
    request.result = await request.executor({
      ...context,
      document,
      operation,
      // The query-plan cache is keyed by this hash: a rewritten operation plans differently.
      queryHash: rewritten ? createHash('sha256').update(print(document)).digest('hex') : context.queryHash,
    });
    request.data = nullDeniedFields(request.result.data as ResponseData | null | undefined, walk.denied);
    return CONTINUE;
  },
};

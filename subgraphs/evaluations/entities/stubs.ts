import { createEntityStubs } from '../../../shared/graphql/stubs';

/** Subject as this subgraph sees it: its key only. */
export const { SubjectRef } = createEntityStubs();
export type SubjectRef = InstanceType<typeof SubjectRef>;

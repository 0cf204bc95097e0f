import { createEntityStubs } from '../../../shared/graphql/stubs';

/** Subject as this subgraph sees it: the key only (a report points at the subject it is about). */
export const { SubjectRef } = createEntityStubs();
export type SubjectRef = InstanceType<typeof SubjectRef>;

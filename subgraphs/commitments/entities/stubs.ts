import { createEntityStubs } from '../../../shared/graphql/stubs';

/** Subject and Department as this subgraph sees them: keys only. */
export const { SubjectRef, DepartmentRef } = createEntityStubs();
export type SubjectRef = InstanceType<typeof SubjectRef>;
export type DepartmentRef = InstanceType<typeof DepartmentRef>;

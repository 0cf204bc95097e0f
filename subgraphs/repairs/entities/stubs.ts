import { createEntityStubs } from '../../../shared/graphql/stubs';

/** Subject and Department as this subgraph sees them: keys only. */
export const { SubjectRef, DepartmentRef } = createEntityStubs();
export type SubjectRef = InstanceType<typeof SubjectRef>;
export type DepartmentRef = InstanceType<typeof DepartmentRef>;

/** A department by its code; null when there is none. */
export function departmentRef(code: string | null): DepartmentRef | null {
  return code === null ? null : { code };
}

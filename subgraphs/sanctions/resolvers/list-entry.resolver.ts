import { FieldResolver, Resolver, Root } from 'type-graphql';
import { DepartmentRef, SubjectRef } from '../entities/stubs';
import { ListEntry } from '../entities/list-entry';

@Resolver(() => ListEntry)
export class ListEntryResolver {
  @FieldResolver(() => DepartmentRef, { description: '认定部门' })
  decidedBy(@Root() entry: ListEntry): DepartmentRef {
    return { code: entry.decidedByCode };
  }

  @FieldResolver(() => SubjectRef, { description: '名单主体' })
  subject(@Root() entry: ListEntry): SubjectRef {
    return { id: entry.subjectId };
  }
}

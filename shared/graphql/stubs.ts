import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * Entity stubs for a subgraph that extends Subject or points at a Department,
 * both owned by the subjects subgraph: only the key lives here. Each subgraph
 * calls this once for classes of its own, because type-graphql keeps the
 * fields its resolvers add on the class itself.
 */
export function createEntityStubs() {
  @ObjectType('Subject', { description: '信用主体 (owned by the subjects subgraph)' })
  @Directive('@key(fields: "id")')
  class SubjectRef {
    @Field(() => ID)
    id!: string;
  }

  @ObjectType('Department', { description: '部门 / 责任单位 (owned by the subjects subgraph)' })
  @Directive('@key(fields: "code", resolvable: false)')
  class DepartmentRef {
    @Field()
    code!: string;
  }

  return { SubjectRef, DepartmentRef };
}

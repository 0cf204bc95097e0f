import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * 主体索引: the id ↔ 统一社会信用代码 of every subject, replicated from the
 * subjects subgraph so screening resolves codes without crossing schemas.
 */
@Entity({ tableName: 'subject_index' })
export class SubjectIndex {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ length: 18, unique: true })
  uscc!: string;

  @Property()
  name!: string;
}

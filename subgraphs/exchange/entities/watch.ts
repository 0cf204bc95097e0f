import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** 监测名单: a department receiver watches a subject's code; its screening changes enter the receiver's feed. */
@Entity({ tableName: 'watch' })
@Index({ properties: ['uscc'] })
export class Watch {
  @PrimaryKey({ type: 'text' })
  receiverCode!: string;

  @PrimaryKey({ type: 'text' })
  uscc!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date;
}

import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: '对账差异 (记录键与版本)' })
export class ReconciliationDifference {
  @Field({ description: '记录键 (所属子图中的记录 id)' })
  key!: string;

  @Field({ description: '版本' })
  version!: string;
}

import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import type { GradeQuota } from '../rules/spot-check-draw';
import { SpotCheckQuota } from '../types/spot-check-quota';

/**
 * 双随机、一公开 抽查名单: who drew it, for what, with which seed and ratios, from which population.
 * The row is the draw's audit record: with the seed and the population anyone can redo it
 * (rules/spot-check-draw.ts). Several draws of one period are allowed; each is recorded.
 */
@ObjectType({ description: '双随机抽查名单 (抽取记录)' })
@Entity({ tableName: 'spot_check_draw' })
@Index({ properties: ['departmentCode', 'drawnAt'] })
export class SpotCheckDraw {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field({ description: '抽取部门代码' })
  @Property({ length: 32 })
  departmentCode!: string;

  @Field({ description: '行业' })
  @Property({ type: 'text' })
  industry!: string;

  @Field(() => String, { nullable: true, description: '街道; null = 全区' })
  @Property({ type: 'text', nullable: true })
  street!: string | null;

  @Field({ description: '抽查周期, e.g. 2026-Q4' })
  @Property({ length: 7 })
  period!: string;

  @Field({ description: '随机种子 (同一种子、同一对象库 → 同一名单)' })
  @Property({ length: 64 })
  seed!: string;

  /** The quota cap asked for; null = the ratios alone. */
  @Property({ type: 'integer', nullable: true })
  size!: number | null;

  @Field(() => [SpotCheckQuota], { description: '各等级的对象数、比例和抽取数' })
  @Property({ type: 'json' })
  quotas!: GradeQuota[];

  @Field(() => Date, { description: '抽取时间' })
  @Property({ type: 'datetime' })
  drawnAt!: Date;

  @Field({ description: '抽取人 (token sub)' })
  @Property({ length: 255 })
  drawnBy!: string;
}

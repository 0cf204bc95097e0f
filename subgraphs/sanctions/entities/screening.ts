import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Scenario } from '../../../shared/domain/vocabulary';
import { Verdict } from '../rules/verdict';

/** 比对记录: one screening call — who asked, for which scenario and business reference. */
@Entity({ tableName: 'screening' })
@Index({ properties: ['occurredAt', 'org'] })
export class Screening {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'datetime' })
  occurredAt!: Date;

  @Property()
  principalSub!: string;

  @Property({ length: 32, nullable: true })
  org!: string | null;

  @Enum(() => Scenario)
  scenario!: Scenario;

  @Property({ nullable: true })
  reference!: string | null;

  @Property()
  codes!: number;
}

/** One code's outcome in a screening, with the measures it prompted. */
@Entity({ tableName: 'screening_result' })
export class ScreeningResult {
  @PrimaryKey({ type: 'uuid' })
  screeningId!: string;

  @PrimaryKey()
  position!: number;

  @Property({ length: 64 })
  uscc!: string;

  @Enum({ items: () => Verdict, nullable: true })
  verdict!: Verdict | null;

  @Property({ type: 'uuid', nullable: true })
  subjectId!: string | null;

  @Property({ type: 'text[]' })
  measureCodes!: string[];
}

/** 奖惩反馈 outcome */
export enum MeasureOutcome {
  APPLIED = 'APPLIED', // 已实施
  NOT_APPLIED = 'NOT_APPLIED', // 未实施 (with a note why)
}

/** 奖惩反馈: whether a prompted measure was acted on. One per screening, code and measure. */
@Entity({ tableName: 'measure_application' })
@Unique({ properties: ['screeningId', 'uscc', 'measureCode'] })
export class MeasureApplication {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  screeningId!: string;

  @Property({ length: 64 })
  uscc!: string;

  @Property({ length: 32 })
  measureCode!: string;

  @Enum(() => MeasureOutcome)
  outcome!: MeasureOutcome;

  @Property({ type: 'text', nullable: true })
  note!: string | null;

  @Property()
  recordedBy!: string;

  @Property({ length: 32, nullable: true })
  org!: string | null;

  @Property({ type: 'datetime' })
  recordedAt!: Date;
}

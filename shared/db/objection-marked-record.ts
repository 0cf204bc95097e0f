import { Opt, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import type { ObjectionMarked } from '../domain/objection-mark';

/**
 * The 异议处理中 mark as each owner stores and shows it (a penalty, licence or action in subjects, a
 * list entry in sanctions, an evaluation in evaluations): the open objection's id (repairs'
 * ObjectionCase) and when the last objection.changed was applied (shared/domain/objection-mark.ts).
 */
@ObjectType()
export abstract class ObjectionMarkedRecord implements ObjectionMarked {
  /** The objection being handled about this record; null when none is open. */
  @Property({ type: 'uuid', nullable: true })
  openObjectionId: Opt<string> | null = null;

  /** When the last objection.changed applied to the mark was written (older ones change nothing). */
  @Property({ type: 'datetime', nullable: true })
  objectionChangedAt: Opt<Date> | null = null;

  /** Shown wherever the record is (the public included) while its objection is open. */
  @Field(() => Boolean, {
    description: '异议处理中: the subject has objected and whoever provided the record has not yet decided',
  })
  get objectionPending(): Opt<boolean> {
    return this.openObjectionId !== null;
  }
}

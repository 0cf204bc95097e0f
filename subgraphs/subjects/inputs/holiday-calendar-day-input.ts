import { Field, InputType } from 'type-graphql';
import { DateScalar } from '../../../shared/graphql/scalars';
import { HolidayDayKind } from '../types/holiday-calendar';

@InputType({ description: '通知中的一天' })
export class HolidayCalendarDayInput {
  @Field(() => DateScalar)
  date!: string;

  @Field(() => HolidayDayKind)
  kind!: HolidayDayKind;

  @Field({ description: '节日名称, e.g. 春节' })
  name!: string;
}

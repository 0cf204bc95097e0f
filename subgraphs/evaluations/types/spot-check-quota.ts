import { Field, Float, Int, ObjectType } from 'type-graphql';
import { CreditGrade } from '../../../shared/domain/vocabulary';
import '../entities/enums';

@ObjectType({ description: '一个等级的抽取: 对象数 × 比例 → 抽取数 (向上取整)' })
export class SpotCheckQuota {
  @Field(() => CreditGrade, { description: '信用等级' })
  grade!: CreditGrade;

  @Field(() => Int, { description: '抽取时该等级的对象数' })
  population!: number;

  @Field(() => Float, { description: '适用的抽查比例' })
  ratio!: number;

  @Field(() => Int, { description: '抽取数' })
  drawn!: number;
}

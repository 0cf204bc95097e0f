import { FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { SpotCheckItem } from '../entities/spot-check-item';
import { SubjectRef } from '../entities/stubs';

@Resolver(() => SpotCheckItem)
export class SpotCheckItemResolver {
  @FieldResolver(() => ID, { description: '抽查名单 id' })
  drawId(@Root() item: SpotCheckItem): string {
    return item.drawId;
  }

  @FieldResolver(() => SubjectRef, { description: '抽查对象' })
  subject(@Root() item: SpotCheckItem): SubjectRef {
    return { id: item.subjectId };
  }
}

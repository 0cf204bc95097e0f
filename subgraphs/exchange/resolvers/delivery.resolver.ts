import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { DeadLetter } from '../entities/dead-letter';
import type { ExchangeContext } from '../loaders';
import { deadLetters, deliveryStatus, replayDeadLetters, rewindDelivery } from '../services/delivery';
import { DeliveryStatus } from '../types/delivery-status';

@Resolver()
export class DeliveryResolver {
  @Query(() => DeliveryStatus, {
    nullable: true,
    description: '推送状态 (exchange:manage, 区信用办): 已送达序号、积压、失败次数、下次尝试、最后错误、死信数',
  })
  @RequiresScopes([SCOPES.exchangeManage])
  deliveryStatus(@Ctx() ctx: ExchangeContext, @Arg('receiver') receiver: string): Promise<DeliveryStatus> {
    return deliveryStatus(ctx.em, receiver);
  }

  @Query(() => [DeadLetter], {
    nullable: true,
    description: '死信 (exchange:manage, 区信用办): 推送失败超时而搁置的批次, newest first (1–200)',
  })
  @RequiresScopes([SCOPES.exchangeManage])
  deadLetters(
    @Ctx() ctx: ExchangeContext,
    @Arg('receiver') receiver: string,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
  ): Promise<DeadLetter[]> {
    return deadLetters(ctx.em, receiver, first);
  }

  @Mutation(() => [DeadLetter], {
    nullable: true,
    description:
      "重发死信 (exchange:manage, 区信用办): the receiver's dead letters not yet replayed, or those of `ids` (at most 200), are sent again with their original entry ids",
  })
  @RequiresScopes([SCOPES.exchangeManage])
  replayDeadLetters(
    @Ctx() ctx: ExchangeContext,
    @Arg('receiver') receiver: string,
    @Arg('ids', () => [ID], { nullable: true }) ids: string[] | null,
  ): Promise<DeadLetter[]> {
    return replayDeadLetters(ctx.em, receiver, ids ?? null);
  }

  @Mutation(() => DeliveryStatus, {
    nullable: true,
    description:
      '重新推送 (exchange:manage, 区信用办): a receiver that lost its state is sent every entry after toSeq again (0 = the whole feed); toSeq at most its delivered seq',
  })
  @RequiresScopes([SCOPES.exchangeManage])
  rewindDelivery(
    @Ctx() ctx: ExchangeContext,
    @Arg('receiver') receiver: string,
    @Arg('toSeq') toSeq: string,
  ): Promise<DeliveryStatus> {
    return rewindDelivery(ctx.em, receiver, toSeq);
  }
}

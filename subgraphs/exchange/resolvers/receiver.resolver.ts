import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { Receiver } from '../entities/receiver';
import { RegisterReceiverInput, UpdateReceiverInput } from '../inputs/receiver.input';
import type { ExchangeContext } from '../loaders';
import { registerReceiver, updateReceiver } from '../services/receivers';

@Resolver(() => Receiver)
export class ReceiverResolver {
  @Query(() => [Receiver], {
    nullable: true,
    description: '共享交换接收方 (exchange:manage, 区信用办): 市/省信用平台与订阅的部门, by code; 推送密钥从不返回',
  })
  @RequiresScopes([SCOPES.exchangeManage])
  receivers(@Ctx() ctx: ExchangeContext): Promise<Receiver[]> {
    return ctx.em.find(Receiver, {}, { orderBy: { code: 'asc' } });
  }

  @Mutation(() => Receiver, {
    nullable: true,
    description:
      '登记共享交换接收方 (exchange:manage, 区信用办): a platform (clientId = its service token sub) or a department (departmentCode = its org); audited',
  })
  @RequiresScopes([SCOPES.exchangeManage])
  registerReceiver(
    @Ctx() ctx: ExchangeContext,
    @Arg('input', () => RegisterReceiverInput) input: RegisterReceiverInput,
  ): Promise<Receiver> {
    return registerReceiver(ctx.em, ctx.principal, input);
  }

  @Mutation(() => Receiver, {
    nullable: true,
    description: '变更共享交换接收方 (exchange:manage, 区信用办): 名称、账号、推送与对账地址、密钥、启停; audited',
  })
  @RequiresScopes([SCOPES.exchangeManage])
  updateReceiver(
    @Ctx() ctx: ExchangeContext,
    @Arg('input', () => UpdateReceiverInput) input: UpdateReceiverInput,
  ): Promise<Receiver> {
    return updateReceiver(ctx.em, ctx.principal, input);
  }
}

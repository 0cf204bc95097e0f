import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { RecordKind } from '../entities/enums';
import { Reconciliation } from '../entities/reconciliation';
import type { ExchangeContext } from '../loaders';
import { reconcileNow, reconciliations } from '../services/reconciliations';

@Resolver(() => Reconciliation)
export class ReconciliationResolver {
  @Mutation(() => [Reconciliation], {
    nullable: true,
    description:
      '对账 (exchange:manage, 区信用办): compares what the receiver should hold (count, digest over key:version) with what its reconcile URL reports, per kind (default: every kind of its catalogue), lists the differences and sends them again',
  })
  @RequiresScopes([SCOPES.exchangeManage])
  reconcile(
    @Ctx() ctx: ExchangeContext,
    @Arg('receiver') receiver: string,
    @Arg('kind', () => RecordKind, { nullable: true }) kind: RecordKind | null,
  ): Promise<Reconciliation[]> {
    return reconcileNow(ctx.em, ctx.principal.sub, receiver, kind ?? null);
  }

  @Query(() => [Reconciliation], {
    nullable: true,
    description: "对账记录 (exchange:manage, 区信用办): a receiver's reconciliations, newest first (1–100)",
  })
  @RequiresScopes([SCOPES.exchangeManage])
  reconciliations(
    @Ctx() ctx: ExchangeContext,
    @Arg('receiver') receiver: string,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
  ): Promise<Reconciliation[]> {
    return reconciliations(ctx.em, receiver, first);
  }
}

import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { boundQuery } from '../../../shared/db/bound-query';
import { badUserInput } from '../../../shared/graphql/errors';
import type { SubjectsContext } from '../loaders';
import { SizedBy } from '../../../shared/graphql/sized-by';

@ObjectType({ description: '投递失败的事件 (dead letter): retried with back-off and still failing; the effect it carries has not happened' })
export class DeadLetter {
  @Field(() => ID, { description: '事件 id' })
  eventId!: string;

  @Field({ description: '事件类型, e.g. penalty.repaired' })
  type!: string;

  @Field({ description: '消费队列, e.g. subjects.penalty-repaired' })
  queue!: string;

  @Field(() => GraphQLJSONObject, { description: '事件内容' })
  payload!: Record<string, unknown>;

  @Field(() => String, { nullable: true, description: '最后一次失败的原因' })
  error!: string | null;

  @Field({ description: '进入死信的时间' })
  failedAt!: Date;

  @Field(() => Int, { description: '死信已存在的秒数 (how long it has waited, as of this answer)' })
  ageSeconds!: number;
}

interface DeadLetterRow {
  data: { id: string; type: string; payload: Record<string, unknown> };
  queue: string;
  error: { message?: string } | null;
  failed_at: string;
}

@Resolver()
export class DeadLetterResolver {
  @SizedBy('first')
  @Query(() => [DeadLetter], { nullable: true, description: '事件死信列表 (newest first; the credit office: audit:read)' })
  @RequiresScopes([SCOPES.auditRead])
  async eventDeadLetters(@Ctx() ctx: SubjectsContext, @Arg('first', () => Int, { defaultValue: 50, description: '条数 (1–500)' }) first: number): Promise<DeadLetter[]> {
    if (first < 1 || first > 500) throw badUserInput('first', "'first' must be 1–500");
    // The bus's own tables (pg-boss): a dead letter is a job on `<queue>.dead`; its failed original holds the error.
    const rows = await boundQuery<DeadLetterRow>(
      ctx.em,
      `select d.data, left(d.name, -5) as queue, d.created_on as failed_at, f.output as error
         from pgboss.job d
         left join lateral (select o.output from pgboss.job o where o.name = left(d.name, -5) and o.data->>'id' = d.data->>'id' and o.state = 'failed' limit 1) f on true
        where d.name like '%.dead'
        order by d.created_on desc
        limit ?`,
      [first],
    );
    return rows.map((row) => ({
      eventId: row.data.id,
      type: row.data.type,
      queue: row.queue,
      payload: row.data.payload,
      error: row.error?.message ?? null,
      failedAt: new Date(row.failed_at),
      ageSeconds: Math.max(0, Math.floor((Date.now() - new Date(row.failed_at).getTime()) / 1000)),
    }));
  }
}

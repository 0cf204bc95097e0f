import { ArgsType, ClassType, Directive, Field, Int, ObjectType } from 'type-graphql';
import { badUserInput } from './errors';
import { SizedBy } from './sized-by';

/** Page sizes: a client asks for at most MAX_PAGE_SIZE items per page. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ObjectType({ description: '分页信息' })
@Directive('@shareable')
export class PageInfo {
  @Field({ description: '是否还有下一页' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: '本页最后一项的游标，传给 after 取下一页' })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `每页条数 (1–${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE})` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: '从该游标之后开始' })
  after?: string | null;
}

/** On a connection paged with PageArgs: its cost counts the page asked for (`first`), or the default page when `first` is null. */
export function Paged(): MethodDecorator & PropertyDecorator {
  return SizedBy('first', DEFAULT_PAGE_SIZE);
}

export interface Page {
  limit: number;
  offset: number;
}

export interface Connection<T> {
  totalCount: number;
  pageInfo: PageInfo;
  nodes: T[];
}

export function connectionType<T extends object>(item: ClassType<T>): ClassType<Connection<T>> {
  @ObjectType()
  abstract class ConnectionClass implements Connection<T> {
    @Field(() => Int, { description: '总条数' })
    totalCount!: number;

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => [item])
    nodes!: T[];
  }
  return ConnectionClass as unknown as ClassType<Connection<T>>;
}

const CURSOR_PREFIX = 'offset:';

function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const offset = Number(text.slice(CURSOR_PREFIX.length));
  if (!text.startsWith(CURSOR_PREFIX) || !Number.isInteger(offset) || offset < 0) {
    throw badUserInput('after', `'after' is not a cursor this API issued: ${JSON.stringify(cursor)}`);
  }
  return offset;
}

/** Validates `first`/`after` and turns them into limit/offset. */
export function resolvePage(args: PageArgs, maxSize = MAX_PAGE_SIZE): Page {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > maxSize) {
    throw badUserInput('first', `'first' must be between 0 and ${maxSize}, got ${first}`);
  }
  return { limit: first, offset: args.after ? decodeCursor(args.after) : 0 };
}

export function toConnection<T>(nodes: T[], totalCount: number, page: Page): Connection<T> {
  const end = page.offset + nodes.length;
  return {
    totalCount,
    nodes,
    pageInfo: { hasNextPage: end < totalCount, endCursor: nodes.length > 0 ? encodeCursor(end) : null },
  };
}

/** A stable key for caching per-page loaders. */
export function pageKey(page: Page): string {
  return `${page.limit}:${page.offset}`;
}

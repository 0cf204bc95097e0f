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

/**
 * A page as a query takes it: `limit` rows from position `offset`. A page reached by a keyset cursor
 * also names the row the previous page ended on (`afterId`): a query that orders by a unique key can
 * start right after that row ("seek"), so a deep page costs what the first does; one that cannot
 * (or whose row has gone) uses `offset`, which the cursor carries too.
 */
export interface Page {
  limit: number;
  offset: number;
  afterId?: string;
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

const OFFSET_PREFIX = 'offset:';
const KEYSET_PREFIX = 'after:';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `offset:N`, or `after:N:<id>` (position N, right after the row with that id). */
function encodeCursor(offset: number, afterId?: string): string {
  const text = afterId === undefined ? `${OFFSET_PREFIX}${offset}` : `${KEYSET_PREFIX}${offset}:${afterId}`;
  return Buffer.from(text, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): Pick<Page, 'offset' | 'afterId'> {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const forged = () => badUserInput('after', `'after' is not a cursor this API issued: ${JSON.stringify(cursor)}`);
  const position = (value: string) => {
    const offset = Number(value);
    if (value === '' || !Number.isInteger(offset) || offset < 0) throw forged();
    return offset;
  };
  if (text.startsWith(OFFSET_PREFIX)) return { offset: position(text.slice(OFFSET_PREFIX.length)) };
  if (text.startsWith(KEYSET_PREFIX)) {
    const [at, afterId, ...rest] = text.slice(KEYSET_PREFIX.length).split(':');
    if (afterId === undefined || rest.length > 0 || !UUID.test(afterId)) throw forged();
    return { offset: position(at), afterId };
  }
  throw forged();
}

/** Validates `first`/`after` and turns them into limit/offset. */
export function resolvePage(args: PageArgs, maxSize = MAX_PAGE_SIZE): Page {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > maxSize) {
    throw badUserInput('first', `'first' must be between 0 and ${maxSize}, got ${first}`);
  }
  return { limit: first, ...(args.after ? decodeCursor(args.after) : { offset: 0 }) };
}

/**
 * The page as a connection. Given `idOf`, the end cursor is a keyset cursor naming the last row (for a
 * query that can seek, see Page); without it, an offset cursor.
 */
export function toConnection<T>(nodes: T[], totalCount: number, page: Page, idOf?: (node: T) => string): Connection<T> {
  const end = page.offset + nodes.length;
  const last = nodes.at(-1);
  const endCursor = last === undefined ? null : encodeCursor(end, idOf?.(last));
  return { totalCount, nodes, pageInfo: { hasNextPage: end < totalCount, endCursor } };
}

/** A stable key for caching per-page loaders. */
export function pageKey(page: Page): string {
  return `${page.limit}:${page.offset}:${page.afterId ?? ''}`;
}

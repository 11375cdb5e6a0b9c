import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { encodeCursor, type Ordering } from './ordering';
import type { Page } from './page-query';
import { PageInfo } from './page-info';

export interface Connection<T extends object> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** The `<Name>Edge` and `<Name>Connection` GraphQL types of a node type. */
export function connectionType<T extends object>(node: ClassType<T>, name: string): ClassType<Connection<T>> {
  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with the cursor that points at it.` })
  class Edge {
    @Field({ description: 'Opaque keyset cursor: pass it as `after` to continue after this item.' })
    cursor!: string;

    @Field(() => node, { description: `The ${name} at this position of the list.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items.` })
  class ConnectionType {
    @Field(() => [Edge], { description: 'The items of this page, in order, each with its cursor; at most `first` of them.' })
    edges!: Edge[];

    @Field(() => [node], { description: 'The nodes of `edges`, for callers that need no cursors.' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Whether more items follow or precede this page, and the cursors of its ends.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Items in the whole list (all pages) that the caller may see.' })
    totalCount!: number;
  }
  return ConnectionType as ClassType<Connection<T>>;
}

/**
 * A Relay connection from one fetched page. Cursors are encoded when first read: most pages
 * are asked for `nodes` or `totalCount` alone, and a cursor is a JSON + base64 string per row.
 */
export function toConnection<T extends object>(ordering: Ordering, page: Page<T>): Connection<T> {
  return new PageConnection(ordering, page);
}

class PageConnection<T extends object> implements Connection<T> {
  readonly nodes: T[];
  readonly totalCount: number;
  readonly #ordering: Ordering;
  readonly #page: Page<T>;
  #edges: { cursor: string; node: T }[] | null = null;
  #pageInfo: PageInfo | null = null;

  constructor(ordering: Ordering, page: Page<T>) {
    this.#ordering = ordering;
    this.#page = page;
    this.nodes = page.rows;
    this.totalCount = page.totalCount;
  }

  get edges(): { cursor: string; node: T }[] {
    this.#edges ??= this.#page.rows.map((node, i) => ({ node, cursor: encodeCursor(this.#ordering, this.#page.keys[i]) }));
    return this.#edges;
  }

  get pageInfo(): PageInfo {
    if (!this.#pageInfo) {
      const page = this.#page;
      const last = page.rows.length - 1;
      this.#pageInfo = {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: page.hasPreviousPage,
        startCursor: last < 0 ? null : this.#edges?.[0].cursor ?? encodeCursor(this.#ordering, page.keys[0]),
        endCursor: last < 0 ? null : this.#edges?.[last].cursor ?? encodeCursor(this.#ordering, page.keys[last]),
      };
    }
    return this.#pageInfo;
  }
}

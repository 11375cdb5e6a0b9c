import { Directive, Field, ObjectType } from 'type-graphql';

// Shareable: other subgraphs of the supergraph may define the same Relay PageInfo.
@Directive('@shareable')
@ObjectType({ description: 'Relay page information; hasNextPage and hasPreviousPage are exact.' })
export class PageInfo {
  @Field({ description: 'true when at least one more item follows this page: ask again with `after: endCursor`.' })
  hasNextPage!: boolean;

  @Field({ description: 'true when at least one item the caller may see precedes this page (it was asked for `after` a cursor).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'The cursor of the first item of this page; null when the page is empty.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'The cursor of the last item of this page (pass it as `after` for the next page); null when the page is empty.' })
  endCursor!: string | null;
}

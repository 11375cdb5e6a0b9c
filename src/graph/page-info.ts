import { Directive, Field, ObjectType } from 'type-graphql';

// Shareable: other subgraphs of the supergraph may define the same Relay PageInfo.
@Directive('@shareable')
@ObjectType({ description: 'Relay page information; hasNextPage and hasPreviousPage are exact.' })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

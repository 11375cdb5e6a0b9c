import { Field, InputType, Int } from 'type-graphql';
import { DateTimeScalar } from '../graph/scalars';
import { EventKind } from './event-kind';

@InputType({ description: 'Narrows a list of events; given fields combine with AND.' })
export class EventFilter {
  @Field(() => Boolean, { nullable: true, description: 'true: starts now or later; false: started before now.' })
  upcoming?: boolean | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Starts at or after this instant.' })
  from?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Starts at or before this instant.' })
  to?: Date | null;

  @Field(() => [EventKind], { nullable: true, description: 'Is of any of these kinds.' })
  kinds?: EventKind[] | null;

  @Field(() => [Int], { nullable: true, description: 'Is about any of these objectives (1..23).' })
  objectives?: number[] | null;
}

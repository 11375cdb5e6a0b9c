import { Field, ID, ObjectType } from 'type-graphql';
import { ContentStatus } from '../content/content-status';
import { DateTimeScalar } from '../graph/scalars';

@ObjectType({ description: "One step of a submission's history: who moved it from what to what, and why (editors only)." })
export class WorkflowStep {
  @Field(() => DateTimeScalar, { description: 'When the step happened.' })
  at!: Date;

  @Field(() => ContentStatus, { nullable: true, description: 'null for the creation of the item.' })
  from!: ContentStatus | null;

  @Field(() => ContentStatus, { description: 'The status the item moved to.' })
  to!: ContentStatus;

  @Field(() => ID, { nullable: true, description: 'null for callers who may not see who acted.' })
  actorId!: string | null;

  @Field(() => String, { nullable: true, description: "The editor's note with a decision; null for other steps or when the editor wrote none." })
  note!: string | null;
}

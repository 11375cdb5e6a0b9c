import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Objective } from './objective.entity';

@ObjectType({ description: 'Two objectives that published practices address together.' })
export class ObjectiveLink {
  /** Resolved through the objective loader. */
  objectiveNumber!: number;

  @Field(() => Objective)
  objective!: Objective;

  @Field(() => Int, { description: 'Published practices tagged with both.' })
  sharedPractices!: number;

  @Field(() => Float, { description: 'sharedPractices ÷ published practices tagged with either.' })
  jaccard!: number;
}

@ObjectType()
export class ObjectiveNode {
  @Field(() => Objective)
  objective!: Objective;

  @Field(() => Int, { description: 'Matching published practices that address the objective.' })
  practiceCount!: number;
}

@ObjectType()
export class ObjectiveEdge {
  @Field(() => Objective, { description: 'The lower-numbered objective of the pair.' })
  source!: Objective;

  @Field(() => Objective)
  target!: Objective;

  @Field(() => Int)
  sharedPractices!: number;

  @Field(() => Float)
  jaccard!: number;
}

@ObjectType({ description: 'Objectives (nodes) and how often matching published practices address them together (edges).' })
export class ObjectiveNetwork {
  @Field(() => [ObjectiveNode])
  nodes!: ObjectiveNode[];

  @Field(() => [ObjectiveEdge])
  edges!: ObjectiveEdge[];

  @Field(() => Int, { description: 'Matching published practices.' })
  practiceCount!: number;
}

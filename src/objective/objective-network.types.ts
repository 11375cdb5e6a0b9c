import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Objective } from './objective.entity';

@ObjectType({ description: 'Two objectives that published practices address together.' })
export class ObjectiveLink {
  /** Resolved through the objective loader. */
  objectiveNumber!: number;

  @Field(() => Objective, { description: 'The other objective of the pair.' })
  objective!: Objective;

  @Field(() => Int, { description: 'Published practices tagged with both.' })
  sharedPractices!: number;

  @Field(() => Float, { description: 'sharedPractices ÷ published practices tagged with either.' })
  jaccard!: number;
}

@ObjectType({ description: 'An objective in the network, with how many matching practices address it.' })
export class ObjectiveNode {
  @Field(() => Objective, { description: 'The objective.' })
  objective!: Objective;

  @Field(() => Int, { description: 'Matching published practices that address the objective.' })
  practiceCount!: number;
}

@ObjectType({ description: 'A pair of objectives that matching published practices address together (not a Relay edge).' })
export class ObjectiveEdge {
  @Field(() => Objective, { description: 'The lower-numbered objective of the pair.' })
  source!: Objective;

  @Field(() => Objective, { description: 'The higher-numbered objective of the pair.' })
  target!: Objective;

  @Field(() => Int, { description: 'Matching published practices tagged with both objectives; at least minShared.' })
  sharedPractices!: number;

  @Field(() => Float, { description: 'Jaccard index, 0..1: sharedPractices ÷ matching practices tagged with either objective.' })
  jaccard!: number;
}

@ObjectType({ description: 'Objectives (nodes) and how often matching published practices address them together (edges).' })
export class ObjectiveNetwork {
  @Field(() => [ObjectiveNode], { description: 'All 23 objectives, by number, each with its count of matching practices (0 included).' })
  nodes!: ObjectiveNode[];

  @Field(() => [ObjectiveEdge], { description: 'Pairs of objectives addressed together by at least minShared matching practices, most shared first.' })
  edges!: ObjectiveEdge[];

  @Field(() => Int, { description: 'Matching published practices.' })
  practiceCount!: number;
}

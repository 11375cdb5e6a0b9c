import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Objective } from '../objective/objective.entity';

/** What published practice counts per objective are broken down by. */
export enum CoverageDimension {
  REGION = 'REGION',
  SCOPE = 'SCOPE',
  IMPLEMENTER_KIND = 'IMPLEMENTER_KIND',
  START_YEAR = 'START_YEAR',
  GUIDING_PRINCIPLE = 'GUIDING_PRINCIPLE',
}

registerEnumType(CoverageDimension, {
  name: 'CoverageDimension',
  description: 'REGION: top M49 region (an item counts in every region it is tagged in, directly or through a sub-region or country; untagged items count under "001" World). SCOPE: geographic scope. IMPLEMENTER_KIND: kind of the implementing organizations (each kind once per practice). START_YEAR: year the practice started ("unknown" when undated). GUIDING_PRINCIPLE: principle code.',
});

@ObjectType({ description: 'Published practices that address an objective, within one bucket of a dimension.' })
export class CoverageRow {
  /** Resolved through the objective loader. */
  objectiveNumber!: number;

  @Field(() => Objective)
  objective!: Objective;

  @Field({ description: 'The bucket: an M49 code, a scope, an organization kind, a year or a principle code.' })
  bucket!: string;

  @Field({ description: 'A readable name of the bucket (region name, principle title in English, or the bucket itself).' })
  label!: string;

  @Field(() => Int)
  practiceCount!: number;
}

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
  valuesConfig: {
    REGION: {
      description: 'By top M49 region (002, 019, 142, 150, 009); an item counts in every region it is tagged in, directly or through a sub-region or country; untagged items count under "001" (World).',
    },
    SCOPE: { description: 'By geographic scope (GLOBAL ... LOCAL).' },
    IMPLEMENTER_KIND: { description: 'By the kinds of the implementing organizations; a practice counts once per kind.' },
    START_YEAR: { description: 'By the year the practice started; "unknown" when it has no start date.' },
    GUIDING_PRINCIPLE: { description: 'By guiding principle code; a practice counts under each principle it follows.' },
  },
});

@ObjectType({ description: 'Published practices that address an objective, within one bucket of a dimension.' })
export class CoverageRow {
  /** Resolved through the objective loader. */
  objectiveNumber!: number;

  @Field(() => Objective, { description: 'The objective the practices address.' })
  objective!: Objective;

  @Field({ description: 'The bucket: an M49 code, a scope, an organization kind, a year or a principle code.' })
  bucket!: string;

  @Field({ description: 'A readable name of the bucket (region name, principle title in English, or the bucket itself).' })
  label!: string;

  @Field(() => Int, { description: 'Matching published practices that address the objective and fall in the bucket (never 0: empty rows are left out).' })
  practiceCount!: number;
}

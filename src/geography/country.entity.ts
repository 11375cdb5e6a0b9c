import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A country or area, by ISO 3166-1 alpha-3 code.' })
@Entity('country')
export class Country {
  @Field({ description: 'ISO 3166-1 alpha-3 code, e.g. "CHE".' })
  @PrimaryColumn('char', { length: 3 })
  code!: string;

  @Field()
  @Column('text')
  name!: string;

  /** Top-level M49 region (one of the five). */
  @Column('char', { name: 'region_code', length: 3 })
  regionCode!: string;

  /** Most specific M49 grouping (intermediate region or sub-region). */
  @Column('char', { name: 'subregion_code', length: 3 })
  subregionCode!: string;
}

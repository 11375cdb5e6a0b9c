import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../node/node.interface';
import { LocalizedText } from '../i18n/localized-text';

@ObjectType({ implements: Node, description: 'A country or area, by ISO 3166-1 alpha-3 code.' })
@Entity('country')
export class Country {
  @Field({ description: 'ISO 3166-1 alpha-3 code, e.g. "CHE".' })
  @PrimaryColumn('char', { length: 3 })
  code!: string;

  /** The seeded (M49) English name; the graph's `name(locale:)` comes from `localizedName`. */
  @Column('text')
  name!: string;

  /** The name in English, French and Spanish (i18n-iso-countries); exposed as `name(locale:)` by a field resolver. */
  @Column('jsonb', { name: 'name_i18n' })
  localizedName!: LocalizedText;

  /** Top-level M49 region (one of the five). */
  @Column('char', { name: 'region_code', length: 3 })
  regionCode!: string;

  /** Most specific M49 grouping (intermediate region or sub-region). */
  @Column('char', { name: 'subregion_code', length: 3 })
  subregionCode!: string;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../node/node.interface';
import { LocalizedText } from '../i18n/localized-text';

/** A UN M49 region, sub-region or intermediate region. */
@ObjectType({ implements: Node, description: 'A UN M49 region, e.g. "002" Africa, or one of its sub-regions.' })
@Entity('region')
export class Region {
  @Field({ description: 'UN M49 code, three digits.' })
  @PrimaryColumn('char', { length: 3 })
  code!: string;

  /** M49's English name; the graph's `name(locale:)` comes from `localizedName`. */
  @Column('text')
  name!: string;

  /** The name in English, French and Spanish (M49's); exposed as `name(locale:)` by a field resolver. */
  @Column('jsonb', { name: 'name_i18n' })
  localizedName!: LocalizedText;

  /** The region this one is part of; null for the five top regions. */
  @Column('char', { name: 'parent_code', length: 3, nullable: true })
  parentCode!: string | null;
}

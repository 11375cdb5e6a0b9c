import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { LocalizedText } from '../i18n/localized-text';

/** One of the 23 objectives of the Global Compact for Migration (A/RES/73/195, para. 16). */
@Directive('@key(fields: "number")')
@ObjectType({ description: 'An objective of the Global Compact for Safe, Orderly and Regular Migration.' })
@Entity('objective')
export class Objective {
  @Field(() => Int, { description: 'As numbered in the Compact, 1..23.' })
  @PrimaryColumn('smallint')
  number!: number;

  @Field({ description: 'The hub\'s short title, e.g. "Eradicate trafficking".' })
  @Column('text', { name: 'short_title' })
  shortTitle!: string;

  /** Full title from the Compact's text; exposed through a locale-aware field resolver. */
  @Column('jsonb')
  title!: LocalizedText;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../node/node.interface';
import { LocalizedText } from '../i18n/localized-text';

/** One of the 23 objectives of the Global Compact for Migration (A/RES/73/195, para. 16). */
@Directive('@key(fields: "number")')
@ObjectType({ implements: Node, description: 'An objective of the Global Compact for Safe, Orderly and Regular Migration.' })
@Entity('objective')
export class Objective {
  @Field(() => Int, { description: 'As numbered in the Compact, 1..23.' })
  @PrimaryColumn('smallint')
  number!: number;

  /** The hub's short title in English (the exports' label). */
  @Column('text', { name: 'short_title' })
  shortTitle!: string;

  /** The short title in English, French and Spanish; exposed as `shortTitle(locale:)` by a field resolver. */
  @Column('jsonb', { name: 'short_title_i18n' })
  localizedShortTitle!: LocalizedText;

  /** Full title from the Compact's text; exposed through a locale-aware field resolver. */
  @Column('jsonb')
  title!: LocalizedText;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Node } from '../node/node.interface';
import { DateScalar } from '../graph/scalars';
import { LocalizedText } from '../i18n/localized-text';

/** A (joint) call for practices on a theme, open from opensOn until its deadline. */
@Directive('@key(fields: "id")')
@ObjectType({ implements: Node, description: 'A (joint) call for practices on a theme.' })
@Entity('call_for_practices')
export class CallForPractices {
  @Field(() => ID, { description: 'The call id: a UUID, unique across all types and stable; `callForPractices(id:)`, `node(id:)` and federation take it.' })
  @PrimaryColumn('uuid')
  id!: string;

  @Field({ description: 'Stable, URL-safe name, unique among calls, e.g. "leave-no-child-behind-2024".' })
  @Column('text', { unique: true })
  slug!: string;

  @Column('jsonb')
  title!: LocalizedText;

  @Field({ description: 'The theme practices must address, e.g. "Leave No Child Behind in the Fight Against Human Trafficking".' })
  @Column('text')
  theme!: string;

  @Field(() => DateScalar, { description: 'First day submissions are accepted, inclusive.' })
  @Column('date', { name: 'opens_on' })
  opensOn!: string;

  @Field(() => DateScalar, { description: 'Last day to submit, inclusive.' })
  @Column('date')
  deadline!: string;

  /** Computed by the loaders: today (UTC) lies between opensOn and the deadline. */
  @Field({ description: 'Today (UTC) lies between opensOn and the deadline, both inclusive.' })
  isOpen!: boolean;
}

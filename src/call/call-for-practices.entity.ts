import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '../graph/scalars';
import { LocalizedText } from '../i18n/localized-text';

/** A (joint) call for practices on a theme, open from opensOn until its deadline. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A (joint) call for practices on a theme.' })
@Entity('call_for_practices')
export class CallForPractices {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id!: string;

  @Field()
  @Column('text', { unique: true })
  slug!: string;

  @Column('jsonb')
  title!: LocalizedText;

  @Field()
  @Column('text')
  theme!: string;

  @Field(() => DateScalar)
  @Column('date', { name: 'opens_on' })
  opensOn!: string;

  @Field(() => DateScalar, { description: 'Last day to submit, inclusive.' })
  @Column('date')
  deadline!: string;

  /** Computed by the loaders: today (UTC) lies between opensOn and the deadline. */
  @Field({ description: 'Today (UTC) lies between opensOn and the deadline, both inclusive.' })
  isOpen!: boolean;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalizedText } from '../i18n/localized-text';

/** A Community of Practice group, e.g. Counter-Trafficking. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A Community of Practice group, with its events, resources and practices.' })
@Entity('community_group')
export class CommunityGroup {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id!: string;

  @Field()
  @Column('text', { unique: true })
  slug!: string;

  @Column('jsonb')
  name!: LocalizedText;

  @Column('jsonb')
  description!: LocalizedText;

  @Field(() => Int)
  @Column('integer', { name: 'member_count' })
  memberCount!: number;
}

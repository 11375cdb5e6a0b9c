import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../node/node.interface';
import { LocalizedText } from '../i18n/localized-text';

/** A Community of Practice group, e.g. Counter-Trafficking. */
@Directive('@key(fields: "id")')
@ObjectType({ implements: Node, description: 'A Community of Practice group, with its events, resources and practices.' })
@Entity('community_group')
export class CommunityGroup {
  @Field(() => ID, { description: 'The group id: a UUID, unique across all types and stable; `communityGroup(id:)`, `node(id:)` and federation take it.' })
  @PrimaryColumn('uuid')
  id!: string;

  @Field({ description: 'Stable, URL-safe name, unique among groups, e.g. "counter-trafficking".' })
  @Column('text', { unique: true })
  slug!: string;

  @Column('jsonb')
  name!: LocalizedText;

  @Column('jsonb')
  description!: LocalizedText;

  @Field(() => Int, { description: 'How many members have joined the group.' })
  @Column('integer', { name: 'member_count' })
  memberCount!: number;
}

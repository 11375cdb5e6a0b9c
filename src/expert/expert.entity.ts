import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Node } from '../node/node.interface';

/** A member of the hub's peer review roster. */
@Directive('@key(fields: "id")')
@ObjectType({ implements: Node, description: 'An expert of the peer review roster.' })
@Entity('expert')
export class Expert {
  @Field(() => ID, { description: 'The expert id: a UUID, unique across all types and stable; `node(id:)` and federation take it.' })
  @PrimaryColumn('uuid')
  id!: string;

  @Field({ description: "The expert's full name." })
  @Column('text')
  name!: string;

  @Field(() => String, { nullable: true, description: 'The organization the expert works for; null when not given.' })
  @Column('text', { nullable: true })
  affiliation!: string | null;

  /** Reviews need at least one UN and two non-UN reviewers. */
  @Field({ description: 'Works for the UN system.' })
  @Column('boolean', { name: 'is_un' })
  isUN!: boolean;
}

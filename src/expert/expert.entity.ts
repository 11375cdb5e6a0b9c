import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** A member of the hub's peer review roster. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'An expert of the peer review roster.' })
@Entity('expert')
export class Expert {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id!: string;

  @Field()
  @Column('text')
  name!: string;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  affiliation!: string | null;

  /** Reviews need at least one UN and two non-UN reviewers. */
  @Field({ description: 'Works for the UN system.' })
  @Column('boolean', { name: 'is_un' })
  isUN!: boolean;
}

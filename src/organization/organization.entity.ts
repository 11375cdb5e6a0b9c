import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Node } from '../node/node.interface';
import { OrganizationKind } from './organization-kind';

/** A Member State, UN entity, network member or other actor that implements or publishes. */
@Directive('@key(fields: "id")')
@ObjectType({ implements: Node, description: 'A Member State, UN entity, network member or other migration actor.' })
@Entity('organization')
export class Organization {
  @Field(() => ID, { description: 'The organization id: a UUID, unique across all types and stable; `node(id:)` and federation take it.' })
  @PrimaryColumn('uuid')
  id!: string;

  @Field({ description: 'The official name, e.g. "University of Geneva" or "Switzerland".' })
  @Column('text')
  name!: string;

  @Field(() => OrganizationKind, { description: 'What kind of actor it is.' })
  @Column('text')
  kind!: OrganizationKind;

  @Column('char', { name: 'country_code', length: 3, nullable: true })
  countryCode!: string | null;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { OrganizationKind } from './organization-kind';

/** A Member State, UN entity, network member or other actor that implements or publishes. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A Member State, UN entity, network member or other migration actor.' })
@Entity('organization')
export class Organization {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id!: string;

  @Field()
  @Column('text')
  name!: string;

  @Field(() => OrganizationKind)
  @Column('text')
  kind!: OrganizationKind;

  @Column('char', { name: 'country_code', length: 3, nullable: true })
  countryCode!: string | null;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';
import { OrganizationKind } from './organization-kind';

/** A Member State, UN entity, network member or other actor that implements or publishes. */
@Entity('organization')
export class Organization {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text')
  kind!: OrganizationKind;

  @Column('char', { name: 'country_code', length: 3, nullable: true })
  countryCode!: string | null;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';

/** A UN M49 region, sub-region or intermediate region. */
@ObjectType({ description: 'A UN M49 region, e.g. "002" Africa, or one of its sub-regions.' })
@Entity('region')
export class Region {
  @Field({ description: 'UN M49 code, three digits.' })
  @PrimaryColumn('char', { length: 3 })
  code!: string;

  @Field()
  @Column('text')
  name!: string;

  /** The region this one is part of; null for the five top regions. */
  @Column('char', { name: 'parent_code', length: 3, nullable: true })
  parentCode!: string | null;
}

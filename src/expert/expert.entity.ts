import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A member of the hub's peer review roster. */
@Entity('expert')
export class Expert {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text', { nullable: true })
  affiliation!: string | null;

  /** Reviews need at least one UN and two non-UN reviewers. */
  @Column('boolean', { name: 'is_un' })
  isUN!: boolean;
}

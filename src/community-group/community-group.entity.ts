import { Column, Entity, PrimaryColumn } from 'typeorm';
import { LocalizedText } from '../i18n/localized-text';

/** A Community of Practice group, e.g. Counter-Trafficking. */
@Entity('community_group')
export class CommunityGroup {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { unique: true })
  slug!: string;

  @Column('jsonb')
  name!: LocalizedText;

  @Column('jsonb')
  description!: LocalizedText;

  @Column('integer', { name: 'member_count' })
  memberCount!: number;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';
import { LocalizedText } from '../i18n/localized-text';

/** A (joint) call for practices on a theme, open from opensOn until its deadline. */
@Entity('call_for_practices')
export class CallForPractices {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { unique: true })
  slug!: string;

  @Column('jsonb')
  title!: LocalizedText;

  @Column('text')
  theme!: string;

  @Column('date', { name: 'opens_on' })
  opensOn!: string;

  @Column('date')
  deadline!: string;
}

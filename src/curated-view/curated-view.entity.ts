import { Column, Entity, PrimaryColumn } from 'typeorm';
import { LocalizedText } from '../i18n/localized-text';

/**
 * A page's worth of curated content: `home` pins editor-chosen items (curated_view_item),
 * `objective-N` views are computed from objective N's ranked content.
 */
@Entity('curated_view')
export class CuratedView {
  @PrimaryColumn('text')
  slug!: string;

  @Column('jsonb')
  title!: LocalizedText;

  @Column('smallint', { name: 'objective_number', nullable: true })
  objectiveNumber!: number | null;

  @Column('jsonb')
  rules!: Record<string, unknown>;
}

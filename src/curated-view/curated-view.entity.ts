import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { LocalizedText } from '../i18n/localized-text';

/**
 * A page's worth of curated content: `home` pins editor-chosen items (curated_view_item),
 * `objective-N` views are computed from objective N's ranked content.
 */
@ObjectType({ description: "A page's worth of curated content, fetched in one round trip." })
@Entity('curated_view')
export class CuratedView {
  @Field()
  @PrimaryColumn('text')
  slug!: string;

  @Column('jsonb')
  title!: LocalizedText;

  @Column('smallint', { name: 'objective_number', nullable: true })
  objectiveNumber!: number | null;

  @Column('jsonb')
  rules!: Record<string, unknown>;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../node/node.interface';
import { LocalizedText } from '../i18n/localized-text';

/**
 * A page's worth of curated content: `home` pins editor-chosen items (curated_view_item),
 * `objective-N` views are computed from objective N's ranked content.
 */
@ObjectType({ implements: Node, description: "A page's worth of curated content, fetched in one round trip." })
@Entity('curated_view')
export class CuratedView {
  @Field({ description: 'Names the view and the page it serves: `home`, or `objective-1` … `objective-23`.' })
  @PrimaryColumn('text')
  slug!: string;

  @Column('jsonb')
  title!: LocalizedText;

  @Column('smallint', { name: 'objective_number', nullable: true })
  objectiveNumber!: number | null;

  @Column('jsonb')
  rules!: Record<string, unknown>;
}

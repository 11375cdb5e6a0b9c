import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../node/node.interface';
import { LocalizedText } from '../i18n/localized-text';

/** One of the 10 guiding principles of the Compact (para. 15). */
@ObjectType({ implements: Node, description: 'A guiding principle of the Global Compact for Migration.' })
@Entity('guiding_principle')
export class GuidingPrinciple {
  @Field({ description: 'Stable code, e.g. CHILD_SENSITIVE.' })
  @PrimaryColumn('text')
  code!: string;

  /** Order of the principle in paragraph 15. */
  @Column('smallint')
  position!: number;

  @Column('jsonb')
  title!: LocalizedText;
}

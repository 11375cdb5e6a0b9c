import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { ARG_DOCS } from '../graph/arg-docs';
import { Locale, localize } from '../i18n/localized-text';
import { GuidingPrinciple } from './guiding-principle.entity';

@Resolver(() => GuidingPrinciple)
export class GuidingPrincipleResolver {
  @Query(() => [GuidingPrinciple], { description: 'The 10 guiding principles, in the order of the Compact (para. 15).' })
  guidingPrinciples(@Ctx() ctx: Context): Promise<GuidingPrinciple[]> {
    return ctx.sql.query<GuidingPrinciple>(
      '/* allGuidingPrinciples */ SELECT code, position, title FROM guiding_principle ORDER BY position',
    );
  }

  @FieldResolver(() => String, { description: 'The principle as the Compact names it, e.g. "Child-sensitive", in the requested language.' })
  title(@Root() principle: Readonly<GuidingPrinciple>, @Ctx() ctx: Context, @Arg('locale', () => Locale, { nullable: true, description: ARG_DOCS.locale }) locale?: Locale): string {
    return localize(principle.title, locale ?? ctx.locale);
  }
}

import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Locale, localize } from '../i18n/localized-text';
import { allObjectives } from './objective.loaders';
import { Objective } from './objective.entity';

@Resolver(() => Objective)
export class ObjectiveResolver {
  @Query(() => [Objective], { description: 'The 23 objectives of the Global Compact for Migration, in order.' })
  objectives(@Ctx() ctx: Context): Promise<Objective[]> {
    return allObjectives(ctx.sql);
  }

  @Query(() => Objective, { nullable: true, description: 'One objective by its number (1..23); null for any other number.' })
  objective(@Arg('number', () => Int) number: number, @Ctx() ctx: Context): Promise<Objective | null> {
    return ctx.loaders.objective.load(number);
  }

  @FieldResolver(() => String, { description: 'Full title from the Compact; English when the locale has no text.' })
  title(@Root() objective: Objective, @Ctx() ctx: Context, @Arg('locale', () => Locale, { nullable: true }) locale?: Locale): string {
    return localize(objective.title, locale ?? ctx.locale);
  }
}

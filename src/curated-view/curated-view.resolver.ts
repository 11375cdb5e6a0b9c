import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { CommunityGroup } from '../community-group/community-group.entity';
import type { Context } from '../context';
import { Event } from '../event/event.entity';
import { ARG_DOCS } from '../graph/arg-docs';
import { pageSize } from '../graph/ordering';
import { Locale, localize } from '../i18n/localized-text';
import { Practice } from '../practice/practice.entity';
import { Resource } from '../resource/resource.entity';
import { CuratedView } from './curated-view.entity';
import { DEFAULT_FIRST, viewItemsLoader, viewListColumns, viewLookupLoader } from './curated-view.folds';
import type { ViewList } from './curated-view.store';

/**
 * A view's list, batched across views. Practices read only the columns their selected fields
 * need (`practiceListColumns`), so the columns are part of the batch's key.
 */
function items<Row>(ctx: Context, view: CuratedView, list: ViewList, first: number | null | undefined, info?: GraphQLResolveInfo): Promise<Row[]> {
  return viewItemsLoader<Row>(ctx, list, pageSize(first, DEFAULT_FIRST), viewListColumns(list, info)).load(view.slug);
}

@Resolver(() => CuratedView)
export class CuratedViewResolver {
  @Query(() => CuratedView, { nullable: true, description: '`home`, or `objective-1` … `objective-23`; null for an unknown slug.' })
  curatedView(
    @Arg('slug', { description: 'The view slug: `home` or `objective-N`.' }) slug: string,
    @Ctx() ctx: Context,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<CuratedView | null> | null {
    if (slug.includes('\u0000') || slug.length > 300) return null; // no view has such a slug
    // The selected lists come along in the view's statement.
    return viewLookupLoader(ctx, info).load(slug);
  }

  @FieldResolver(() => String, { description: 'The page heading, in the requested language.' })
  title(@Root() view: Readonly<CuratedView>, @Ctx() ctx: Context, @Arg('locale', () => Locale, { nullable: true, description: ARG_DOCS.locale }) locale?: Locale): string {
    return localize(view.title, locale ?? ctx.locale);
  }

  @FieldResolver(() => [Practice], { description: 'Pinned practices first, then the best-ranked (default 6, at most 100).' })
  practices(
    @Root() view: Readonly<CuratedView>,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: 'How many items: 0..100, 6 when omitted.' }) first?: number | null,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<Practice[]> {
    return items(ctx, view, 'practices', first, info);
  }

  @FieldResolver(() => [Resource], { description: 'Pinned resources first, then the best-ranked.' })
  resources(@Root() view: Readonly<CuratedView>, @Ctx() ctx: Context, @Arg('first', () => Int, { nullable: true, description: 'How many items: 0..100, 6 when omitted.' }) first?: number | null): Promise<Resource[]> {
    return items(ctx, view, 'resources', first);
  }

  @FieldResolver(() => [Event], { description: 'Pinned events first, then upcoming (soonest first), then past (latest first).' })
  events(@Root() view: Readonly<CuratedView>, @Ctx() ctx: Context, @Arg('first', () => Int, { nullable: true, description: 'How many items: 0..100, 6 when omitted.' }) first?: number | null): Promise<Event[]> {
    return items(ctx, view, 'events', first);
  }

  @FieldResolver(() => [CommunityGroup], { description: 'Pinned groups first, then the largest.' })
  communityGroups(@Root() view: Readonly<CuratedView>, @Ctx() ctx: Context, @Arg('first', () => Int, { nullable: true, description: 'How many items: 0..100, 6 when omitted.' }) first?: number | null): Promise<CommunityGroup[]> {
    return items(ctx, view, 'communityGroups', first);
  }
}

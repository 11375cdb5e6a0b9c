import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { ContentOrder, ResourceOrder } from '../content/orders';
import type { Context } from '../context';
import { Country } from '../geography/country.entity';
import { Region } from '../geography/region.entity';
import type { Connection } from '../graph/connection';
import { ARG_DOCS } from '../graph/arg-docs';
import { lookup } from '../graph/lookup';
import { Locale, localize } from '../i18n/localized-text';
import { Objective } from '../objective/objective.entity';
import { Organization } from '../organization/organization.entity';
import { Practice } from '../practice/practice.entity';
import { Review } from '../review/review.entity';
import { Resource } from './resource.entity';
import { ResourceFilter } from './resource.inputs';
import { ResourceConnection, resourceConnection } from './resource-connection';

@Resolver(() => Resource)
export class ResourceResolver {
  @Query(() => Resource, { nullable: true, description: 'One resource by id or slug (exactly one of them); null when none is visible.' })
  resource(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { nullable: true, description: 'The resource id (a UUID); give this or `slug`.' }) id?: string | null,
    @Arg('slug', () => String, { nullable: true, description: 'The resource slug; give this or `id`.' }) slug?: string | null,
  ): Promise<Resource | null> {
    return lookup('resource', { id, slug }, ctx.loaders.resource, ctx.loaders.resourceBySlug);
  }

  @Query(() => ResourceConnection, { description: 'Published resources, ranked global-first by default.' })
  resources(
    @Ctx() ctx: Context,
    @Arg('filter', () => ResourceFilter, { nullable: true, description: 'Only resources matching every given criterion; all when omitted.' }) filter?: ResourceFilter | null,
    @Arg('orderBy', () => ResourceOrder, { nullable: true, defaultValue: ContentOrder.RANK, description: 'The order of the list; RANK (global first) by default.' }) orderBy?: ContentOrder | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: '0..100.' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: ARG_DOCS.after }) after?: string | null,
  ): Promise<Connection<Resource>> {
    return resourceConnection(ctx, 'root', 'root', { filter, orderBy, first, after });
  }

  @FieldResolver(() => String, { description: 'The resource title, in the requested language.' })
  title(@Root() r: Readonly<Resource>, @Ctx() ctx: Context, @Arg('locale', () => Locale, { nullable: true, description: ARG_DOCS.locale }) locale?: Locale): string {
    return localize(r.title, locale ?? ctx.locale);
  }

  @FieldResolver(() => String, { description: 'What the resource covers and finds: a paragraph, in the requested language.' })
  summary(@Root() r: Readonly<Resource>, @Ctx() ctx: Context, @Arg('locale', () => Locale, { nullable: true, description: ARG_DOCS.locale }) locale?: Locale): string {
    return localize(r.summary, locale ?? ctx.locale);
  }

  @FieldResolver(() => [Region], { description: 'M49 regions and sub-regions the resource covers, by code.' })
  regions(@Root() r: Readonly<Resource>, @Ctx() ctx: Context): Promise<Region[]> {
    return ctx.loaders.regionsOfResource.load(r.id);
  }

  @FieldResolver(() => [Country], { description: 'Countries the resource covers, by English name.' })
  countries(@Root() r: Readonly<Resource>, @Ctx() ctx: Context): Promise<Country[]> {
    return ctx.loaders.countriesOfResource.load(r.id);
  }

  @FieldResolver(() => [Objective], { description: 'The Compact objectives the resource addresses, by number.' })
  objectives(@Root() r: Readonly<Resource>, @Ctx() ctx: Context): Promise<Objective[]> {
    return ctx.loaders.objectivesOfResource.load(r.id);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The organization that published it; null when unknown.' })
  publisher(@Root() r: Readonly<Resource>, @Ctx() ctx: Context): Promise<Organization | null> | null {
    return r.publisherId ? ctx.loaders.organization.load(r.publisherId) : null;
  }

  @FieldResolver(() => [Review], { description: 'Peer reviews of the resource, oldest first: all of them for editors and once it is published; a submitter sees those of decided rounds, a reviewer their own.' })
  reviews(@Root() r: Readonly<Resource>, @Ctx() ctx: Context): Promise<Review[]> {
    return ctx.loaders.reviewsOfResource.load(r.id);
  }

  @FieldResolver(() => [Practice], { description: 'Published practices that use this resource.' })
  practices(@Root() r: Readonly<Resource>, @Ctx() ctx: Context): Promise<Practice[]> {
    return ctx.loaders.practicesOfResource.load(r.id);
  }
}

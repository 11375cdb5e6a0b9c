import { GraphQLError } from 'graphql';
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { ARG_DOCS } from '../graph/arg-docs';
import { Locale, localize } from '../i18n/localized-text';
import { allCountries, allRegions } from './geography.store';
import { Country } from './country.entity';
import { Region } from './region.entity';

const M49 = /^[0-9]{3}$/;

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => [Region], { description: 'UN M49 regions: the five top regions first, then sub-regions, by code.' })
  regions(
    @Ctx() ctx: Context,
    @Arg('topLevelOnly', { defaultValue: false, description: 'Only Africa, Americas, Asia, Europe and Oceania.' }) topLevelOnly: boolean,
  ): Promise<Region[]> {
    return allRegions(ctx.sql, topLevelOnly);
  }

  @FieldResolver(() => String, { description: 'M49\'s name, e.g. "Africa" ("Afrique" in FR, "África" in ES); English when the locale has no name.' })
  name(@Root() region: Readonly<Region>, @Ctx() ctx: Context, @Arg('locale', () => Locale, { nullable: true, description: ARG_DOCS.locale }) locale?: Locale): string {
    return localize(region.localizedName, locale ?? ctx.locale);
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The region this one belongs to; null for a top region.' })
  parent(@Root() region: Readonly<Region>, @Ctx() ctx: Context): Promise<Region | null> | null {
    return region.parentCode ? ctx.loaders.region.load(region.parentCode) : null;
  }
}

@Resolver(() => Country)
export class CountryResolver {
  @Query(() => [Country], { description: 'Countries and areas by English name, optionally only those in one M49 region.' })
  countries(
    @Ctx() ctx: Context,
    @Arg('region', () => String, { nullable: true, description: 'M49 code of a region at any level, e.g. "002".' }) region?: string | null,
  ): Promise<Country[]> {
    if (region != null && !M49.test(region)) {
      throw new GraphQLError(`region must be a three-digit UN M49 code such as "002"; got "${region}".`, {
        extensions: { code: 'BAD_USER_INPUT', argumentName: 'region' },
      });
    }
    return allCountries(ctx.sql, region ?? null);
  }

  @FieldResolver(() => String, { description: 'The short name, e.g. "Switzerland" ("Suisse" in FR, "Suiza" in ES); English when the locale has no name.' })
  name(@Root() country: Readonly<Country>, @Ctx() ctx: Context, @Arg('locale', () => Locale, { nullable: true, description: ARG_DOCS.locale }) locale?: Locale): string {
    return localize(country.localizedName, locale ?? ctx.locale);
  }

  @FieldResolver(() => Region, { description: 'The top-level M49 region (Africa, Americas, Asia, Europe or Oceania).' })
  async region(@Root() country: Readonly<Country>, @Ctx() ctx: Context): Promise<Region> {
    return (await ctx.loaders.region.load(country.regionCode))!;
  }

  @FieldResolver(() => Region, { description: 'The most specific M49 grouping, e.g. "014" Eastern Africa.' })
  async subregion(@Root() country: Readonly<Country>, @Ctx() ctx: Context): Promise<Region> {
    return (await ctx.loaders.region.load(country.subregionCode))!;
  }
}

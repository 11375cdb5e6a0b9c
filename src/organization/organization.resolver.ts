import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Country } from '../geography/country.entity';
import { Organization } from './organization.entity';

@Resolver(() => Organization)
export class OrganizationResolver {
  @FieldResolver(() => Country, { nullable: true, description: 'The country the organization is based in; null for international organizations.' })
  country(@Root() org: Readonly<Organization>, @Ctx() ctx: Context): Promise<Country | null> | null {
    return org.countryCode ? ctx.loaders.country.load(org.countryCode) : null;
  }
}

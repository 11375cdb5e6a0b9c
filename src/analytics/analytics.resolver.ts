import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { SqlParams } from '../graph/sql-params';
import { Objective } from '../objective/objective.entity';
import { PracticeFilter } from '../practice/practice.inputs';
import { practiceConditions } from '../practice/practice-filter';
import { coverage } from './coverage.sql';
import { CoverageDimension, CoverageRow } from './coverage.types';

@Resolver(() => CoverageRow)
export class CoverageResolver {
  @Query(() => [CoverageRow], {
    description: 'Published practices per objective, broken down by a dimension, over the practices matching the filter (same semantics as practices(filter:)). Zero counts are left out.',
  })
  objectiveCoverage(
    @Ctx() ctx: Context,
    @Arg('by', () => CoverageDimension, { description: 'The dimension that splits each objective\'s count into buckets.' }) by: CoverageDimension,
    @Arg('filter', () => PracticeFilter, { nullable: true, description: 'Only published practices matching every given criterion count; all when omitted.' }) filter?: PracticeFilter | null,
  ): Promise<CoverageRow[]> {
    const params = new SqlParams();
    const conditions = practiceConditions(filter, params, ctx.locale);
    return coverage(ctx.sql, ctx.policy, by, conditions, params) as Promise<CoverageRow[]>;
  }

  @FieldResolver(() => Objective)
  async objective(@Root() row: Readonly<CoverageRow>, @Ctx() ctx: Context): Promise<Objective> {
    return (await ctx.loaders.objective.load(row.objectiveNumber))!;
  }
}

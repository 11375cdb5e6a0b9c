import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Objective } from '../objective/objective.entity';
import { Expert } from './expert.entity';

@Resolver(() => Expert)
export class ExpertResolver {
  @FieldResolver(() => [Objective], { description: 'Objectives the expert reviews for.' })
  expertise(@Root() expert: Readonly<Expert>, @Ctx() ctx: Context): Promise<Objective[]> {
    return ctx.loaders.expertiseOfExpert.load(expert.id);
  }
}

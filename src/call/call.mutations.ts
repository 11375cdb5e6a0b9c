import { Arg, Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { payload } from '../graph/payload';
import { UserError } from '../graph/user-error';
import { CallForPractices } from './call-for-practices.entity';
import { CallForPracticesInput, createCallForPractices } from './call.service';

@ObjectType({ description: 'The call as written, or why nothing was written.' })
export class CallForPracticesPayload {
  @Field(() => CallForPractices, { nullable: true, description: 'The new call; null when refused.' })
  call!: CallForPractices | null;

  @Field(() => [UserError], { description: 'Why nothing was written; empty on success.' })
  errors!: UserError[];
}

@Resolver()
export class CallMutations {
  @Mutation(() => CallForPracticesPayload, { description: 'Editors: a new Call for Practices.' })
  async createCallForPractices(@Ctx() ctx: Context, @Arg('input', () => CallForPracticesInput, { description: 'The call to create.' }) input: CallForPracticesInput): Promise<CallForPracticesPayload> {
    return payload('call', await createCallForPractices(ctx, input), (id) => ctx.loaders.call.load(id));
  }
}

import { Arg, Ctx, Field, ID, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { payload } from '../graph/payload';
import { UserError } from '../graph/user-error';
import { decide, EditorDecision } from '../workflow/workflow.service';
import { Resource } from './resource.entity';
import { ResourceInput } from './resource.inputs';
import { createResource, submitResource, updateResource } from './resource.service';

@ObjectType({ description: 'The resource as written, or why nothing was written.' })
export class ResourcePayload {
  @Field(() => Resource, { nullable: true, description: 'The resource as written, reloaded as the caller may now see it; null when refused.' })
  resource!: Resource | null;

  @Field(() => [UserError], { description: 'Why nothing was written; empty on success.' })
  errors!: UserError[];
}

/** The resource, fresh from the database (write() gave the operation new loaders), as the caller may see it now. */
function reload(ctx: Context) {
  return (id: string) => ctx.loaders.resource.load(id);
}

@Resolver()
export class ResourceMutations {
  @Mutation(() => ResourcePayload, { description: 'Members: a new DRAFT resource of their own (title, summary, type, url and scope required).' })
  async createResource(@Ctx() ctx: Context, @Arg('input', () => ResourceInput, { description: 'The draft; title, summary, type, url and scope are required.' }) input: ResourceInput): Promise<ResourcePayload> {
    return payload('resource', await createResource(ctx, input), reload(ctx));
  }

  @Mutation(() => ResourcePayload, { description: 'Members: change their own DRAFT or CHANGES_REQUESTED resource; absent fields stay, given lists replace.' })
  async updateResource(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The resource to change.' }) id: string, @Arg('input', () => ResourceInput, { description: 'The fields to change.' }) input: ResourceInput): Promise<ResourcePayload> {
    return payload('resource', await updateResource(ctx, id, input), reload(ctx));
  }

  @Mutation(() => ResourcePayload, { description: 'DRAFT or CHANGES_REQUESTED -> SUBMITTED, when it has a title, summary, type, url and at least one objective.' })
  async submitResource(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The resource to submit (the caller\'s own).' }) id: string): Promise<ResourcePayload> {
    return payload('resource', await submitResource(ctx, id), reload(ctx));
  }

  @Mutation(() => ResourcePayload, { description: 'Editors: PUBLISH needs the roster rule met; REQUEST_CHANGES sends it back to the submitter for a new round.' })
  async decideResource(
    @Ctx() ctx: Context,
    @Arg('subjectId', () => ID, { description: 'The resource decided on.' }) subjectId: string,
    @Arg('decision', () => EditorDecision, { description: 'What the editor decides.' }) decision: EditorDecision,
    @Arg('note', () => String, { nullable: true, description: 'A note to the submitter, kept in the workflow history (at most 5,000 characters).' }) note?: string | null,
  ): Promise<ResourcePayload> {
    return payload('resource', await decide(ctx, 'resource', subjectId, decision, note), reload(ctx));
  }
}

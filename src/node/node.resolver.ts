import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { userInputError } from '../graph/user-input-error';
import { loadNode } from './node-sources';
import { Node } from './node.interface';

/** Most ids one `nodes` call may ask for (its cost counts one object per id). */
export const MAX_NODE_IDS = 100;

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: 'The object with this id, of any type; null when the id is malformed, unknown or names something the caller may not see.',
  })
  node(@Arg('id', () => ID, { description: 'A `Node.id`.' }) id: string, @Ctx() ctx: Context): Promise<Node | null> {
    return loadNode(ctx, id);
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: `The objects with these ids, in the same order: null for each malformed, unknown or invisible id. At most ${MAX_NODE_IDS} ids; any number of them costs at most one statement per type.`,
  })
  nodes(@Arg('ids', () => [ID], { description: `At most ${MAX_NODE_IDS} \`Node.id\`s.` }) ids: string[], @Ctx() ctx: Context): Promise<(Node | null)[]> {
    if (ids.length > MAX_NODE_IDS) throw userInputError('ids', `nodes takes at most ${MAX_NODE_IDS} ids; got ${ids.length}. Split the request.`);
    return Promise.all(ids.map((id) => loadNode(ctx, id)));
  }
}

import 'reflect-metadata';
import { graphql, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import { Arg, buildSchema, Ctx, Field, FieldResolver, InputType, Int, ObjectType, Query, Resolver, Root, UseMiddleware, type MiddlewareFn } from 'type-graphql';
import { buildHubSchema } from '../../src/federation/subgraph-schema';
import { callResolversDirectly } from '../../src/graph/direct-resolvers';
import { Locale } from '../../src/i18n/localized-text';

/**
 * type-graphql 2.0.0-rc.4 makes every field resolver with an `@Arg` asynchronous, validation
 * or not: on the home page that was 100 promises for localized titles, and a `Promise.all` in
 * graphql-js for each object holding one. `callResolversDirectly` calls such resolvers
 * directly and must pass exactly what type-graphql would, and leave alone what it cannot.
 */
@ObjectType()
class Probe {
  @Field()
  id!: string;

  @Field({ name: 'label' })
  title!: string;
}

@InputType()
class ProbeFilter {
  @Field(() => Int)
  min!: number;
}

const middlewareCalls: string[] = [];
const logged: MiddlewareFn = async ({ info }, next) => {
  middlewareCalls.push(info.fieldName);
  return next();
};

@Resolver(() => Probe)
class ProbeResolver {
  @Query(() => Probe)
  probe(): Probe {
    return { id: 'p1', title: 'Probe one' };
  }

  @FieldResolver(() => String)
  greeting(@Root() probe: Readonly<Probe>, @Ctx() ctx: { suffix: string }, @Arg('times', () => Int, { defaultValue: 1 }) times: number): string {
    return `${probe.title}${ctx.suffix}`.repeat(times);
  }

  @FieldResolver(() => String)
  @UseMiddleware(logged)
  guarded(@Root() probe: Readonly<Probe>): string {
    return probe.id;
  }

  @FieldResolver(() => String)
  filtered(@Arg('filter', () => ProbeFilter) filter: ProbeFilter): string {
    return filter instanceof ProbeFilter ? `an input instance, min ${filter.min}` : 'a plain object';
  }

  @FieldResolver(() => String)
  listed(@Arg('numbers', () => [Int]) numbers: number[]): string {
    return numbers.join(',');
  }
}

const info = {} as GraphQLResolveInfo;

describe('callResolversDirectly', () => {
  it('calls only the resolvers whose parameters it can pass as type-graphql would', async () => {
    const schema = await buildSchema({ resolvers: [ProbeResolver], validate: false });
    const direct = callResolversDirectly(schema, [ProbeResolver]);
    expect(direct.fieldResolvers).toEqual(['Probe.greeting']);
    expect(direct.properties.sort()).toEqual(['Probe.id', 'Probe.label']);

    const greeting = (schema.getType('Probe') as GraphQLObjectType).getFields().greeting;
    expect(greeting.resolve!({ id: 'p1', title: 'Hi' }, { times: 2 }, { suffix: '!' }, info)).toBe('Hi!Hi!');
  });

  it('answers like type-graphql: renamed properties, argument defaults, middleware and input instances kept', async () => {
    const schema = await buildSchema({ resolvers: [ProbeResolver], validate: false });
    const before = await graphql({
      schema,
      source: '{ probe { id label greeting twice: greeting(times: 2) guarded filtered(filter: { min: 3 }) listed(numbers: [1, 2]) } }',
      contextValue: { suffix: '?' },
    });
    callResolversDirectly(schema, [ProbeResolver]);
    middlewareCalls.length = 0;
    const after = await graphql({
      schema,
      source: '{ probe { id label greeting twice: greeting(times: 2) guarded filtered(filter: { min: 3 }) listed(numbers: [1, 2]) } }',
      contextValue: { suffix: '?' },
    });
    expect(after).toEqual(before);
    expect(after).toEqual({
      data: {
        probe: {
          id: 'p1',
          label: 'Probe one',
          greeting: 'Probe one?',
          twice: 'Probe one?Probe one?',
          guarded: 'p1',
          filtered: 'an input instance, min 3',
          listed: '1,2',
        },
      },
    });
    expect(middlewareCalls).toEqual(['guarded']);
  });

  it("makes the hub's localized fields synchronous: a title is a string, not a promise", async () => {
    const { schema } = await buildHubSchema();
    const shortTitle = (schema.getType('Objective') as GraphQLObjectType).getFields().shortTitle;
    const objective = { number: 10, localizedShortTitle: { en: 'Eradicate trafficking', fr: 'Éliminer la traite de personnes' } };
    expect(shortTitle.resolve!(objective, { locale: Locale.FR }, { locale: Locale.EN }, info)).toBe('Éliminer la traite de personnes');
    expect(shortTitle.resolve!(objective, {}, { locale: Locale.ES }, info)).toBe('Eradicate trafficking');

    const title = (schema.getType('Practice') as GraphQLObjectType).getFields().title;
    expect(title.resolve!({ title: { en: 'A practice', es: 'Una práctica' } }, { locale: undefined }, { locale: Locale.ES }, info)).toBe('Una práctica');
  });
});

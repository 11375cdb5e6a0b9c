import 'reflect-metadata';
import { graphql, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import {
  Arg, Args, ArgsType, buildSchema, Ctx, Field, FieldResolver, ID, InputType, Int, ObjectType, Query, registerEnumType, Resolver, Root, UseMiddleware,
  type MiddlewareFn,
} from 'type-graphql';
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

  /** Resolved by `ProbeResolver.heading`, under the GraphQL name `headline`. */
  @Field({ name: 'headline' })
  heading!: string;

  /** A getter: an "internal" field resolver, left to type-graphql. */
  @Field()
  get shout(): string {
    return this.title.toUpperCase();
  }
}

enum Tone {
  LOUD = 'loud',
  QUIET = 'quiet',
}
registerEnumType(Tone, { name: 'Tone' });

@ArgsType()
class ProbeArgs {
  @Field(() => Int)
  n!: number;
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
    return Object.assign(new Probe(), { id: 'p1', title: 'Probe one', heading: 'unused' });
  }

  @FieldResolver(() => String)
  heading(@Root() probe: Readonly<Probe>): string {
    return `About ${probe.title}`;
  }

  @FieldResolver(() => String)
  toned(@Arg('tone', () => Tone) tone: Tone, @Arg('id', () => ID, { nullable: true }) id?: string | null): string {
    return `${tone}:${id === undefined ? 'undefined' : String(id)}`;
  }

  @FieldResolver(() => String)
  failing(@Arg('n', () => Int) n: number): string {
    throw new Error(`failing ${n}`);
  }

  @FieldResolver(() => String, { nullable: true })
  maybeFailing(@Arg('n', () => Int) n: number): string {
    throw new Error(`maybe failing ${n}`);
  }

  @FieldResolver(() => String)
  withArgs(@Args() { n }: ProbeArgs): string {
    return `args ${n}`;
  }

  @FieldResolver(() => String)
  byProperty(@Root('id') id: string): string {
    return `id ${id}`;
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

const OPTIONS = { resolvers: [ProbeResolver], validate: false } as const;
const EVERYTHING = `{ probe { id label headline shout greeting twice: greeting(times: 2) guarded filtered(filter: { min: 3 }) listed(numbers: [1, 2])
  loud: toned(tone: LOUD) quiet: toned(tone: QUIET, id: 7) unset: toned(tone: QUIET, id: null) withArgs(n: 4) byProperty } }`;

describe('callResolversDirectly', () => {
  it('calls only the resolvers whose parameters it can pass as type-graphql would', async () => {
    const schema = await buildSchema(OPTIONS);
    const direct = callResolversDirectly(schema, OPTIONS);
    expect(direct.fieldResolvers.sort()).toEqual(['Probe.failing', 'Probe.greeting', 'Probe.heading', 'Probe.headline', 'Probe.maybeFailing', 'Probe.toned']);
    expect(direct.properties.sort()).toEqual(['Probe.id', 'Probe.label']);

    const greeting = (schema.getType('Probe') as GraphQLObjectType).getFields().greeting;
    expect(greeting.resolve!({ id: 'p1', title: 'Hi' }, { times: 2 }, { suffix: '!' }, info)).toBe('Hi!Hi!');
  });

  it('answers exactly like type-graphql: renamed fields, enums, ids, null and absent arguments, defaults, getters, @Args, @Root(property), middleware and input instances', async () => {
    const before = await graphql({ schema: await buildSchema(OPTIONS), source: EVERYTHING, contextValue: { suffix: '?' } });
    const schema = await buildSchema(OPTIONS);
    callResolversDirectly(schema, OPTIONS);
    middlewareCalls.length = 0;
    const after = await graphql({ schema, source: EVERYTHING, contextValue: { suffix: '?' } });
    expect(after).toEqual(before);
    expect(after).toEqual({
      data: {
        probe: {
          id: 'p1',
          label: 'Probe one',
          headline: 'About Probe one',
          shout: 'PROBE ONE',
          greeting: 'Probe one?',
          twice: 'Probe one?Probe one?',
          guarded: 'p1',
          filtered: 'an input instance, min 3',
          listed: '1,2',
          loud: 'loud:undefined',
          quiet: 'quiet:7',
          unset: 'quiet:null',
          withArgs: 'args 4',
          byProperty: 'id p1',
        },
      },
    });
    expect(middlewareCalls).toEqual(['guarded']);
  });

  it.each([
    ['non-null', '{ probe { id a: failing(n: 1) b: failing(n: 2) } }', ['failing 1']],
    ['nullable', '{ probe { id a: maybeFailing(n: 1) b: maybeFailing(n: 2) } }', ['maybe failing 1', 'maybe failing 2']],
  ])('reports the errors type-graphql reported when %s siblings throw', async (_kind, source, messages) => {
    const before = await graphql({ schema: await buildSchema(OPTIONS), source, contextValue: {} });
    const schema = await buildSchema(OPTIONS);
    callResolversDirectly(schema, OPTIONS);
    const after = await graphql({ schema, source, contextValue: {} });
    expect(after.errors?.map((e) => e.message)).toEqual(messages);
    expect(JSON.parse(JSON.stringify(after))).toEqual(JSON.parse(JSON.stringify(before)));
  });

  // Roles (@Authorized) need an authChecker, which is one of these.
  it('changes nothing when type-graphql applies something to every resolver', async () => {
    const schema = await buildSchema(OPTIONS);
    const everywhere: MiddlewareFn = (_data, next) => next();
    expect(callResolversDirectly(schema, { ...OPTIONS, globalMiddlewares: [everywhere] })).toEqual({ fieldResolvers: [], properties: [] });
    expect(callResolversDirectly(schema, { ...OPTIONS, validate: true })).toEqual({ fieldResolvers: [], properties: [] });
    expect(callResolversDirectly(schema, { ...OPTIONS, authChecker: () => true })).toEqual({ fieldResolvers: [], properties: [] });
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

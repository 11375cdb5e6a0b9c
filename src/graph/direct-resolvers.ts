import { GraphQLObjectType, GraphQLScalarType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { getMetadataStorage, type BuildSchemaOptions } from 'type-graphql';

type ParamMetadata = NonNullable<ReturnType<typeof getMetadataStorage>['fieldResolvers'][number]['params']>[number];
type ParamGetter = (root: unknown, args: Record<string, unknown>, context: unknown, info: unknown) => unknown;

/** The `buildSchema` options the schema was built with: the pass stands aside if any applies to every resolver. */
export type DirectResolverBuildOptions = Pick<BuildSchemaOptions, 'validate' | 'validateFn' | 'authChecker' | 'globalMiddlewares' | 'container'> & {
  resolvers: readonly Function[];
};

/** What the pass changed: coordinates such as `Practice.title`, for tests and the README. */
export interface DirectResolvers {
  /** Field resolvers now called directly: their arguments are read, never validated. */
  fieldResolvers: string[];
  /** Plain fields now read as `root[property]` without type-graphql's wrapper. */
  properties: string[];
}

/**
 * Calls type-graphql's field resolvers directly where its wrapper adds nothing but cost.
 *
 * type-graphql 2.0.0-rc.4 wraps every resolver: a field resolver with any `@Arg` becomes
 * asynchronous even with validation off (its `validateArg` is an `async` function), so the
 * home page's 100 localized titles (`shortTitle(locale:)`) each cost a promise, and each of
 * their objects a `Promise.all` in graphql-js. For a field resolver with no middleware, no
 * roles, and parameters that are only `@Root()`, `@Ctx()`, `@Info()` and scalar or enum
 * `@Arg`s that no validation applies to, this calls the method with the same values
 * type-graphql would pass: a synchronous method stays synchronous. Plain `@Field`s without
 * middleware or roles read `root[property]`, which is what type-graphql's basic resolver
 * returns. Anything else (input-type or list arguments, `@Args()`, custom parameters,
 * validation, middleware, auth) keeps type-graphql's resolver.
 *
 * Run on the schema `buildSchema` returned, with the options it was given, before its
 * resolvers are read (`createResolversMap`); with validation, a global middleware, an auth
 * checker or a container it changes nothing. Resolver classes must be stateless: one instance
 * is made per class, as type-graphql's default container does. A resolver that throws
 * answers a rejected promise, as type-graphql's did, so graphql-js reports the same errors.
 */
export function callResolversDirectly(schema: GraphQLSchema, options: DirectResolverBuildOptions): DirectResolvers {
  const direct: DirectResolvers = { fieldResolvers: [], properties: [] };
  // Anything global type-graphql applies to every resolver: leave them all to it.
  if (options.validate !== false || options.validateFn || options.authChecker || options.globalMiddlewares?.length || options.container) return direct;
  const storage = getMetadataStorage();
  const inputTypes = new Set(storage.inputTypes.map((type) => type.target));
  const classes = new Set(options.resolvers);
  const instances = new Map<Function, Record<string, (...params: unknown[]) => unknown>>();

  // The same pairing of fields and field resolvers as type-graphql's schema generator.
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!(type instanceof GraphQLObjectType)) continue;
    for (const field of objectType.fields ?? []) {
      const schemaField = type.getFields()[field.schemaName];
      if (!schemaField) continue;
      const coordinate = `${objectType.name}.${field.schemaName}`;
      const resolver = storage.fieldResolvers.find(
        (it) => (it.kind === 'internal' || classes.has(it.target)) && it.getObjectType?.() === field.target && it.methodName === field.name,
      );
      if (resolver) {
        if (resolver.kind !== 'external' || resolver.middlewares?.length || resolver.roles) continue;
        const getters = paramGetters(resolver.params ?? [], inputTypes);
        if (!getters) continue;
        let instance = instances.get(resolver.target);
        if (!instance) {
          instance = new (resolver.target as new () => Record<string, (...params: unknown[]) => unknown>)();
          instances.set(resolver.target, instance);
        }
        schemaField.resolve = directCall(instance[resolver.methodName], instance, getters);
        direct.fieldResolvers.push(coordinate);
      } else {
        // `simple` fields already have graphql-js's default resolver.
        if (field.simple || objectType.simpleResolvers || field.middlewares?.length || field.roles || field.params?.length) continue;
        const property = field.name;
        schemaField.resolve = (root: Record<string, unknown>) => root[property];
        direct.properties.push(coordinate);
      }
    }
  }
  return direct;
}

/** The values type-graphql would pass, or `null` when a parameter needs its own handling. */
function paramGetters(params: readonly ParamMetadata[], inputTypes: ReadonlySet<Function>): ParamGetter[] | null {
  const getters: ParamGetter[] = [];
  for (const param of [...params].sort((a, b) => a.index - b.index)) {
    if (getters.length !== param.index) return null;
    switch (param.kind) {
      case 'root': {
        if (param.propertyName) return null;
        // `@Root() x: Readonly<T>` reflects as Object, which type-graphql passes as it is.
        if (param.getType && param.getType() !== Object) return null;
        getters.push((root) => root);
        break;
      }
      case 'context': {
        const property = param.propertyName;
        getters.push(property ? (_root, _args, context) => (context as Record<string, unknown>)[property] : (_root, _args, context) => context);
        break;
      }
      case 'info':
        getters.push((_root, _args, _context, info) => info);
        break;
      case 'arg': {
        if (param.validateFn || (param.validateSettings !== undefined && param.validateSettings !== false)) return null;
        if (param.typeOptions.array) return null;
        const type = param.getType();
        if (typeof type === 'function' && inputTypes.has(type)) return null;
        if (!isScalarOrEnum(type)) return null;
        const name = param.name;
        getters.push((_root, args) => args[name]);
        break;
      }
      default:
        return null;
    }
  }
  return getters;
}

/** Scalars (graphql-scalars, String, Number, Boolean, Date) and TypeScript enums pass through type-graphql unchanged. */
function isScalarOrEnum(type: unknown): boolean {
  if (type instanceof GraphQLScalarType) return true;
  if (type === String || type === Number || type === Boolean || type === Date) return true;
  return getMetadataStorage().enums.some((metadata) => metadata.enumObj === type);
}

function directCall(method: (...params: unknown[]) => unknown, self: unknown, getters: readonly ParamGetter[]): GraphQLFieldResolver<unknown, unknown> {
  // A throw becomes a rejection: graphql-js stops a selection at the first synchronous throw
  // in a non-null field, but collects every sibling's rejection, as it did with type-graphql.
  return (root, args, context, info) => {
    try {
      return method.apply(self, getters.map((get) => get(root, args, context, info)));
    } catch (error) {
      return Promise.reject(error);
    }
  };
}

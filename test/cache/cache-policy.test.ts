import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { getNamedType, isCompositeType, isInterfaceType, isObjectType, isUnionType, Kind, parse, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { buildHubSchema } from '../../src/federation/subgraph-schema';
import { CONTENT_MAX_AGE, FIELD_HINTS, REFERENCE_MAX_AGE, TYPE_HINTS } from '../../src/cache/cache-hints';
import { CachePolicyMemo, computeCachePolicy } from '../../src/cache/cache-policy';
import { cacheControlHeader } from '../../src/cache/http-cache';

describe('cache policy from the document and the hint table', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    ({ schema } = await buildHubSchema());
  });

  const policy = (query: string, operationName?: string) => {
    const document = parse(query);
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    const operation = operationName ? operations.find((o) => o.name?.value === operationName)! : operations[0];
    return computeCachePolicy(schema, document, operation);
  };

  it('the table names every object, interface and union type of the schema, and only those; field hints name real fields', () => {
    const types = Object.values(schema.getTypeMap())
      .filter((t) => (isObjectType(t) || isInterfaceType(t) || isUnionType(t)) && !t.name.startsWith('__') && t !== schema.getQueryType() && t !== schema.getMutationType())
      .map((t) => t.name)
      .sort();
    expect(Object.keys(TYPE_HINTS).sort()).toEqual(types);
    for (const key of Object.keys(FIELD_HINTS)) {
      const [type, field] = key.split('.');
      const owner = schema.getType(type);
      expect(owner && isObjectType(owner) && owner.getFields()[field]).toBeTruthy();
    }
  });

  it('every root query field says how long it lives (its own hint or its type\'s), so none is uncacheable by oversight', () => {
    for (const [name, field] of Object.entries(schema.getQueryType()!.getFields())) {
      const type = getNamedType(field.type);
      const maxAge = FIELD_HINTS[`Query.${name}`]?.maxAge ?? (isCompositeType(type) ? TYPE_HINTS[type.name]?.maxAge : undefined);
      expect([name, typeof maxAge]).toEqual([name, 'number']);
    }
  });

  it('reference data only: the long max-age, public', () => {
    expect(policy('{ objectives { number title } guidingPrinciples { code title } regions { code name parent { name } } countries(region: "002") { code name region { name } } }'))
      .toEqual({ maxAge: REFERENCE_MAX_AGE, scope: 'PUBLIC', mutation: false });
    expect(policy('{ objective(number: 3) { number shortTitle } __typename }').maxAge).toBe(REFERENCE_MAX_AGE);
  });

  it('content anywhere in the document shortens it to the content max-age, through fields, fragments and aliases', () => {
    expect(policy('{ objectives { number } practices(first: 2) { totalCount } }')).toEqual({ maxAge: CONTENT_MAX_AGE, scope: 'PUBLIC', mutation: false });
    // An objective's attached content is content, even when only a count is asked.
    expect(policy('{ objective(number: 3) { practices { totalCount } } }').maxAge).toBe(CONTENT_MAX_AGE);
    expect(policy('{ objective(number: 3) { linkedObjectives { sharedPractices } } }').maxAge).toBe(CONTENT_MAX_AGE);
    expect(policy('query Q { objectives { ...O } } fragment O on Objective { n: number events { totalCount } }').maxAge).toBe(CONTENT_MAX_AGE);
    expect(policy('{ objectiveNetwork { practiceCount } }').maxAge).toBe(CONTENT_MAX_AGE);
    expect(policy('{ objectiveCoverage(by: REGION) { bucket practiceCount } }').maxAge).toBe(CONTENT_MAX_AGE);
  });

  it('viewer-specific fields make the answer private and uncacheable, wherever they are', () => {
    for (const query of [
      '{ viewer { id } }',
      '{ objectives { number } viewer { id } }',
      '{ practice(slug: "x") { title reviewProgress { round } } }',
      '{ resource(slug: "x") { title history { at } } }',
      '{ experts { totalCount } }',
      '{ rosterApplications { id } }',
      '{ _entities(representations: []) { ... on ReviewAssignment { id } } }',
    ]) {
      expect([query, policy(query)]).toEqual([query, { maxAge: 0, scope: 'PRIVATE', mutation: false }]);
    }
  });

  it('a root connection is content even when only its count is asked', () => {
    for (const root of ['practices', 'resources', 'events', 'communityGroups']) {
      expect(policy(`{ objectives { number } ${root} { totalCount } }`)).toEqual({ maxAge: CONTENT_MAX_AGE, scope: 'PUBLIC', mutation: false });
    }
    // Reviews with reviewer identities (null for every anonymous caller) are content like the rest.
    expect(policy('{ practices { nodes { reviews { score reviewer { name } } } } }')).toEqual({ maxAge: CONTENT_MAX_AGE, scope: 'PUBLIC', mutation: false });
  });

  it('abstract types: each type condition applies its type\'s hint', () => {
    expect(policy('{ _entities(representations: []) { ... on Objective { title } } }').maxAge).toBe(CONTENT_MAX_AGE);
    expect(policy('{ practices { nodes { reviews { subject { __typename ... on Resource { title } } } } } }').maxAge).toBe(CONTENT_MAX_AGE);
    expect(policy('{ _service { sdl } }')).toEqual({ maxAge: CONTENT_MAX_AGE, scope: 'PUBLIC', mutation: false });
    expect(policy('{ node(id: "x") { id ... on Objective { title } } }')).toEqual({ maxAge: CONTENT_MAX_AGE, scope: 'PUBLIC', mutation: false });
    expect(policy('{ nodes(ids: ["x"]) { id ... on ReviewAssignment { status } } }')).toEqual({ maxAge: 0, scope: 'PRIVATE', mutation: false });
  });

  it('mutations, introspection and fields the table cannot place are not cacheable', () => {
    expect(policy('mutation { joinCommunityGroup(id: "x") { errors { code } } }').mutation).toBe(true);
    expect(policy('{ __schema { queryType { name } } }').maxAge).toBe(0);
    expect(policy('{ nope }').maxAge).toBe(0);
  });

  it('the operation named in a document of several is the one measured', () => {
    const document = 'query A { objectives { number } } query B { viewer { id } }';
    expect(policy(document, 'A').maxAge).toBe(REFERENCE_MAX_AGE);
    expect(policy(document, 'B').maxAge).toBe(0);
  });

  it('every committed front-end operation is publicly cacheable for anonymous callers', () => {
    const dir = path.join('schema', 'operations');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.graphql'))) {
      const result = policy(readFileSync(path.join(dir, file), 'utf8'));
      expect([file, result.scope, result.maxAge > 0]).toEqual([file, 'PUBLIC', true]);
    }
  });

  it('is computed once per parsed document and operation', () => {
    const memo = new CachePolicyMemo();
    const document = parse('{ objectives { number } }');
    const operation = document.definitions[0] as OperationDefinitionNode;
    expect(memo.policyOf(schema, document, operation)).toBe(memo.policyOf(schema, document, operation));
  });

  it('maps a policy and the caller to Cache-Control', () => {
    const pub = { maxAge: 60, scope: 'PUBLIC' as const, mutation: false };
    expect(cacheControlHeader(pub, false)).toBe('public, max-age=60');
    expect(cacheControlHeader({ ...pub, scope: 'PRIVATE' }, false)).toBe('private, max-age=60');
    expect(cacheControlHeader({ ...pub, maxAge: 0, scope: 'PRIVATE' }, false)).toBe('private, no-store');
    expect(cacheControlHeader({ ...pub, maxAge: 0 }, false)).toBe('no-store');
    expect(cacheControlHeader(pub, true)).toBe('private, no-store');
    expect(cacheControlHeader({ ...pub, mutation: true }, true)).toBe('no-store');
    expect(cacheControlHeader(null, false)).toBe('no-store');
  });
});

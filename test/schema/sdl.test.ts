import { readFile } from 'node:fs/promises';
import { buildSchema, GraphQLSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isSpecifiedScalarType } from 'graphql';
import { SCHEMA_FILE } from '../../src/graph/print-schema';

/** Schema members without a description: types, fields, input fields, arguments, enum values. */
function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const has = (x: { description?: string | null }) => Boolean(x.description?.trim());
  for (const [name, type] of Object.entries(schema.getTypeMap())) {
    if (name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    if (!has(type)) missing.push(name);
    if (isEnumType(type)) for (const value of type.getValues()) if (!has(value)) missing.push(`${name}.${value.name}`);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!has(field)) missing.push(`${name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) if (!has(arg)) missing.push(`${name}.${field.name}(${arg.name})`);
      }
    }
  }
  return missing;
}

describe('schema/schema.graphql as plain SDL', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    // No federation tooling: the file declares the federation directives it uses.
    schema = buildSchema(await readFile(SCHEMA_FILE, 'utf8'));
  });

  it('loads with graphql.buildSchema, federation directives declared as Federation 2 defines them', () => {
    const key = schema.getDirective('key');
    expect(key?.isRepeatable).toBe(true);
    expect(key?.locations).toEqual(['OBJECT', 'INTERFACE']);
    expect(key?.args.map((a) => `${a.name}: ${a.type}`)).toEqual(['fields: String!', 'resolvable: Boolean']);
    expect(schema.getDirective('shareable')?.locations).toEqual(['OBJECT', 'FIELD_DEFINITION']);
    expect(schema.getType('Practice')?.astNode?.directives?.map((d) => d.name.value)).toContain('key');
  });

  it('describes every type, field, argument and enum value', () => {
    expect(undescribed(schema)).toEqual([]);
  });
});

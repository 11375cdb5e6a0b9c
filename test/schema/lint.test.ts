import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

interface Problem {
  line: number;
  ruleId: string | null;
  message: string;
}
interface FileResult {
  file: string;
  problems: Problem[];
}
interface LintRun {
  files: FileResult[];
  schemaRules: Record<string, unknown>;
  operationRules: Record<string, unknown>;
  probe: Problem[];
}

/**
 * ESLint's `ESLint` class, run in a child Node process: it loads `eslint.config.mjs` with a
 * dynamic `import()`, which jest's module sandbox refuses (without --experimental-vm-modules).
 */
const SCRIPT = `
import { ESLint } from 'eslint';
const eslint = new ESLint({ cwd: process.cwd() });
const pick = (messages) => messages.map((m) => ({ line: m.line, ruleId: m.ruleId, message: m.message }));
const results = await eslint.lintFiles(['schema/schema.graphql', 'schema/operations/*.graphql']);
const files = results.map((r) => ({ file: r.filePath, problems: pick(r.messages) }));
const schemaRules = (await eslint.calculateConfigForFile('schema/schema.graphql')).rules;
const operationRules = (await eslint.calculateConfigForFile('schema/operations/home.graphql')).rules;
// The description rule is live: a type and a field without one are reported.
const [probeResult] = await eslint.lintText('type Query { probe: Int }', { filePath: 'schema/schema.graphql' });
process.stdout.write(JSON.stringify({ files, schemaRules, operationRules, probe: pick(probeResult.messages) }));
`;

function runEslint(): LintRun {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', SCRIPT], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out) as LintRun;
}

const format = (files: FileResult[]): string =>
  files
    .flatMap((f) => f.problems.map((p) => `${path.relative(ROOT, f.file)}:${p.line} ${p.ruleId}: ${p.message}`))
    .join('\n');

describe('GraphQL lint (eslint.config.mjs, `npm run lint:schema`)', () => {
  let run: LintRun;
  beforeAll(() => {
    run = runEslint();
  });

  it('lints the schema and every operation document', () => {
    const operations = readdirSync(path.join(ROOT, 'schema', 'operations')).filter((f) => f.endsWith('.graphql'));
    expect(run.files.map((f) => path.relative(ROOT, f.file)).sort()).toEqual(
      ['schema/schema.graphql', ...operations.map((f) => `schema/operations/${f}`)].sort(),
    );
  });

  it('applies the schema rules: descriptions everywhere, relay, naming, reachability, ids', () => {
    const on = (rule: string) => {
      const setting = run.schemaRules[`@graphql-eslint/${rule}`] as [number, ...unknown[]] | undefined;
      return setting?.[0];
    };
    for (const rule of [
      'require-description',
      'relay-connection-types',
      'relay-edge-types',
      'relay-page-info',
      'relay-arguments',
      'naming-convention',
      'no-unreachable-types',
      'strict-id-in-types',
      'known-directives',
    ]) {
      expect([rule, on(rule)]).toEqual([rule, 2]);
    }
    expect(run.schemaRules['@graphql-eslint/require-description']).toEqual([
      2,
      expect.objectContaining({ types: true, rootField: true, FieldDefinition: true, InputValueDefinition: true, EnumValueDefinition: true }),
    ]);
  });

  it('applies the operation rules', () => {
    for (const rule of ['known-type-names', 'fields-on-correct-type', 'no-deprecated', 'require-selections']) {
      expect([rule, (run.operationRules[`@graphql-eslint/${rule}`] as unknown[] | undefined)?.[0]]).toEqual([rule, 2]);
    }
  });

  it('reports a missing description (the rule is live)', () => {
    expect(run.probe.filter((p) => p.ruleId === '@graphql-eslint/require-description').length).toBeGreaterThanOrEqual(2);
  });

  it('finds zero problems (describe new fields, arguments and enum values in their decorators)', () => {
    expect(format(run.files)).toBe('');
  });
});

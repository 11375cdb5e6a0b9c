import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import ts from 'typescript';
import config, { OUTPUT_CONFIG } from '../../codegen';

const ROOT = path.resolve(__dirname, '..', '..');
const CUSTOM_SCALARS = ['Date', 'DateTime', 'URL'] as const;

/** Type-checks files with the compiler API; returns the diagnostics as text ('' when clean). */
function typeCheck(files: string[]): string {
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    lib: ['lib.es2022.d.ts'],
    types: [],
    skipLibCheck: true,
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => {
      const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
      const at = d.file ? `${path.basename(d.file.fileName)}:${(where?.line ?? 0) + 1} ` : '';
      return `${at}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    })
    .join('\n');
}

describe('GraphQL Code Generator (codegen.ts, `npm run codegen`)', () => {
  let dir: string;
  let output: string;
  let text: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hub-codegen-'));
    output = path.join(dir, 'graphql.ts');
    // The project's config, written into a temp folder instead of generated/.
    await generate({ ...config, cwd: ROOT, silent: true, generates: { [output]: OUTPUT_CONFIG } }, true);
    text = await readFile(output, 'utf8');
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('maps Date, DateTime and URL to string, never unknown', () => {
    const scalars = /export type Scalars = \{([\s\S]*?)\n\};/.exec(text)?.[1] ?? '';
    for (const name of CUSTOM_SCALARS) {
      expect(scalars).toMatch(new RegExp(`\\n  ${name}: \\{ input: string; output: string; \\}`));
    }
    expect(scalars).not.toMatch(/\bunknown\b|\bany\b/);
    // Outside the generic helpers (Exact, MakeEmpty), no generated type is unknown or any.
    const typed = text.split('\n').filter((line) => !/^export type (Exact|MakeEmpty)</.test(line) && !/^\s*(\/\*\*|\*)/.test(line));
    expect(typed.filter((line) => /\bunknown\b|:\s*any\b/.test(line))).toEqual([]);
  });

  it('generates a result and a variables type for each operation', () => {
    expect(text).toMatch(/export type \w+Query = \{/);
    expect(text).toMatch(/export type \w+QueryVariables = Exact</);
  });

  it('type-checks, and Date, DateTime and URL are exactly string (not any)', async () => {
    const probe = path.join(dir, 'probe.ts');
    await writeFile(
      probe,
      [
        `import type { Scalars } from './graphql';`,
        `type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;`,
        ...CUSTOM_SCALARS.flatMap((name) => [
          `export const ${name}Output: Equal<Scalars['${name}']['output'], string> = true;`,
          `export const ${name}Input: Equal<Scalars['${name}']['input'], string> = true;`,
        ]),
        '',
      ].join('\n'),
    );
    expect(typeCheck([output, probe])).toBe('');
  });

  it('fails on a custom scalar without a mapping (strictScalars)', async () => {
    const schema = 'scalar Money\ntype Query { price: Money }';
    const run = generate(
      { schema, cwd: ROOT, silent: true, generates: { [path.join(dir, 'strict.ts')]: OUTPUT_CONFIG } },
      false,
    );
    await expect(run).rejects.toThrow(/Money/);
  });
});

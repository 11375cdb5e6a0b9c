import path from 'node:path';
import { ConfigError, loadConfig } from '../src/config';

describe('loadConfig', () => {
  it('has sensible defaults: embedded database under .data, port 4000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ databaseUrl: null, port: 4000, dataDir: path.resolve('.data'), production: false, debugSql: false, seed: 42, seedScale: 'default' });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/hub', PORT: '8080', NODE_ENV: 'production', HUBGRAPH_DEBUG_SQL: '1', SEED: '7', SEED_SCALE: 'large', HUBGRAPH_SEED_ON_START: 'off',
      HUBGRAPH_EDITOR_TOKEN: 'a-long-enough-editor-token', HUBGRAPH_LOADERS: 'off',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://u:p@db:5432/hub', port: 8080, production: true, debugSql: true, seed: 7, seedScale: 'large', seedOnStart: false,
      editorToken: 'a-long-enough-editor-token', batching: false,
    });
  });

  it('lists every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({ DATABASE_URL: 'mysql://x@y/z', PORT: '99999', NODE_ENV: 'staging', HUBGRAPH_DEBUG_SQL: 'maybe', SEED_SCALE: 'huge', HUBGRAPH_LOADERS: 'maybe', HUBGRAPH_EDITOR_TOKEN: 'short' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'DATABASE_URL must start with postgres:// or postgresql://, got "mysql://…"',
      'NODE_ENV must be development, production or test, got "staging"',
      'SEED_SCALE must be tiny, default, large or a positive number, got "huge"',
      'HUBGRAPH_LOADERS must be on or off, got "maybe"',
      'HUBGRAPH_EDITOR_TOKEN must be at least 16 characters long',
      'PORT must be an integer from 0 to 65535, got "99999"',
      'HUBGRAPH_DEBUG_SQL must be one of 1/0, true/false, yes/no, on/off, got "maybe"',
    ]);
  });
});

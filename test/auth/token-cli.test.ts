import { decodeJwt } from 'jose';
import { Role } from '../../src/auth/principal';
import { runTokenCli } from '../../src/auth/token-cli';
import { createTokenVerifier } from '../../src/auth/tokens';
import { DEV_JWT_SECRET } from '../../src/config';

const SECRET = 'a-cli-test-secret-that-is-at-least-32-chars';
const verifierFor = (secret: string, issuer: string | null = null, audience: string | null = null) =>
  createTokenVerifier({ secret, jwksUrl: null, issuer, audience });

/** The single token line a successful run printed. */
function tokenOf(result: { code: number; stdout: string; stderr: string }): string {
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\n$/);
  return result.stdout.trimEnd();
}

describe('npm run token', () => {
  it('prints usage for --help', async () => {
    const result = await runTokenCli(['--help'], {});
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Usage: npm run token -- --role ROLE \[--role ROLE \.\.\.\] \[--sub ID\] \[--expert UUID\] \[--name NAME\] \[--expires 12h\]\n/);
  });

  it('signs an editor token with the development secret when nothing is configured, and says so on stderr', async () => {
    const result = await runTokenCli(['--role', 'EDITOR'], {});
    const token = tokenOf(result);
    expect(result.stderr).toBe('Signed with the public development secret (HUBGRAPH_JWT_SECRET is unset); only a development or test server accepts it.\n');
    expect(await verifierFor(DEV_JWT_SECRET).verify(`Bearer ${token}`)).toEqual({ id: 'local-editor', roles: [Role.EDITOR], expertId: null, name: null });
    const { iat, exp } = decodeJwt(token);
    expect(exp! - iat!).toBe(12 * 3600);
  });

  it('takes several roles, a sub, an expert, a name and a lifetime', async () => {
    const result = await runTokenCli(
      ['--role', 'reviewer', '--role', 'MEMBER', '--role', 'REVIEWER', '--sub', 'ada', '--expert', '3F2504E0-4F89-11D3-9A0C-0305E82C3301', '--name', 'Ada Lovelace', '--expires', '30m'],
      { NODE_ENV: 'test' },
    );
    const token = tokenOf(result);
    expect(await verifierFor(DEV_JWT_SECRET).verify(`Bearer ${token}`)).toEqual({
      id: 'ada', roles: [Role.REVIEWER, Role.MEMBER], expertId: '3f2504e0-4f89-11d3-9a0c-0305e82c3301', name: 'Ada Lovelace',
    });
    const { iat, exp } = decodeJwt(token);
    expect(exp! - iat!).toBe(30 * 60);
  });

  it('names the default sub after every role', async () => {
    const token = tokenOf(await runTokenCli(['--role', 'MEMBER', '--role', 'EDITOR'], {}));
    expect(decodeJwt(token).sub).toBe('local-member-editor');
  });

  it('signs with the configured secret, issuer and audience, and prints nothing on stderr', async () => {
    const env = { NODE_ENV: 'production', HUBGRAPH_JWT_SECRET: SECRET, HUBGRAPH_JWT_ISSUER: 'https://hub.example/', HUBGRAPH_JWT_AUDIENCE: 'hub-graph' };
    const result = await runTokenCli(['--role', 'EDITOR'], env);
    const token = tokenOf(result);
    expect(result.stderr).toBe('');
    expect((await verifierFor(SECRET, 'https://hub.example/', 'hub-graph').verify(`Bearer ${token}`)).roles).toEqual([Role.EDITOR]);
    await expect(verifierFor(DEV_JWT_SECRET).verify(`Bearer ${token}`)).rejects.toThrow("The bearer token's signature is invalid");
  });

  it.each([
    [['--role', 'EDITOR', '--admin'], "Unknown option '--admin'"],
    [['--role'], "Option '--role <value>' argument missing"],
    [['--role', 'EDITOR', 'extra'], "Unexpected argument 'extra'"],
    [[], '--role is required (MEMBER, REVIEWER, EDITOR)'],
    [['--role', 'ADMIN'], '--role must be one of MEMBER, REVIEWER, EDITOR, got "ADMIN"'],
    [['--role', 'REVIEWER', '--expert', 'expert-1'], '--expert must be a UUID, got "expert-1"'],
    [['--role', 'EDITOR', '--sub', ''], '--sub must be 1 to 200 characters'],
    [['--role', 'EDITOR', '--sub', 'x'.repeat(201)], '--sub must be 1 to 200 characters'],
    [['--role', 'EDITOR', '--name', 'n'.repeat(201)], '--name must be at most 200 characters'],
    [['--role', 'EDITOR', '--expires', '12'], '--expires must be a number followed by s, m, h, d or w (e.g. 30m, 12h, 7d), got "12"'],
    [['--role', 'EDITOR', '--expires=-1h'], '--expires must be a number followed by s, m, h, d or w (e.g. 30m, 12h, 7d), got "-1h"'],
  ])('refuses %j with exit code 2 and usage on stderr', async (argv, message) => {
    const result = await runTokenCli(argv, {});
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.startsWith(message)).toBe(true);
    expect(result.stderr).toContain('\n\nUsage: npm run token');
  });

  it('explains that a JWKS-only configuration cannot sign tokens', async () => {
    const result = await runTokenCli(['--role', 'EDITOR'], { HUBGRAPH_JWKS_URL: 'https://id.example.org/.well-known/jwks.json' });
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: 'This server verifies tokens with its identity provider only (HUBGRAPH_JWKS_URL is set, HUBGRAPH_JWT_SECRET is not): get a token from the identity provider, or set HUBGRAPH_JWT_SECRET to sign local tokens.\n',
    });
  });

  it('reports an invalid configuration with exit code 1', async () => {
    const result = await runTokenCli(['--role', 'EDITOR'], { NODE_ENV: 'production' });
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Invalid configuration:\n  - set HUBGRAPH_JWT_SECRET or HUBGRAPH_JWKS_URL: production needs a way to verify bearer tokens\n',
    });
  });
});

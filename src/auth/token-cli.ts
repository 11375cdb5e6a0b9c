import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config';
import { AuthenticationError } from './auth-error';
import { Role } from './principal';
import { signToken, type TokenClaims } from './sign-token';
import { createTokenVerifier } from './tokens';

/** What a CLI run printed and its exit code. */
export interface CliResult {
  /** 0: token printed; 1: configuration problem; 2: bad command line. */
  code: number;
  stdout: string;
  stderr: string;
}

const USAGE = `Usage: npm run token -- --role ROLE [--role ROLE ...] [--sub ID] [--expert UUID] [--name NAME] [--expires 12h]

Prints a bearer token signed with HUBGRAPH_JWT_SECRET (or, in development/test, the built-in
development secret). Use it as: Authorization: Bearer <token>

  --role ROLE     MEMBER, REVIEWER or EDITOR; repeat for several roles (required)
  --sub ID        the person's id (default: local-<roles>, e.g. local-editor)
  --expert UUID   the roster expert a REVIEWER is
  --name NAME     display name
  --expires SPAN  lifetime: a number followed by s, m, h, d or w (default 12h)
  --help          prints this help
`;

const ROLES: readonly string[] = Object.values(Role);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Runs `npm run token` with `argv` (the arguments after the script name) against `env`.
 * Guarantees: on success (code 0) stdout is exactly the token and a newline, and the token is
 * accepted by a verifier built from the same configuration; otherwise stdout is empty and
 * stderr says what to fix. Never exits the process.
 */
export async function runTokenCli(argv: readonly string[], env: Record<string, string | undefined>): Promise<CliResult> {
  const usageError = (message: string): CliResult => ({ code: 2, stdout: '', stderr: `${message}\n\n${USAGE}` });

  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        role: { type: 'string', multiple: true },
        sub: { type: 'string' },
        expert: { type: 'string' },
        name: { type: 'string' },
        expires: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    // node:util's errors come from another realm under jest, so no instanceof Error here.
    return usageError(String((error as { message?: unknown } | null)?.message ?? error));
  }
  if (values.help) return { code: 0, stdout: USAGE, stderr: '' };

  const roles: Role[] = [];
  for (const raw of values.role ?? []) {
    const role = raw.toUpperCase();
    if (!ROLES.includes(role)) return usageError(`--role must be one of ${ROLES.join(', ')}, got "${raw}"`);
    if (!roles.includes(role as Role)) roles.push(role as Role);
  }
  if (roles.length === 0) return usageError(`--role is required (${ROLES.join(', ')})`);

  const sub = values.sub ?? `local-${roles.map((role) => role.toLowerCase()).join('-')}`;
  if (sub === '' || sub.length > 200 || sub.includes('\0')) return usageError('--sub must be 1 to 200 characters');
  if (values.expert !== undefined && !UUID.test(values.expert)) return usageError(`--expert must be a UUID, got "${values.expert}"`);
  if (values.name !== undefined && values.name.length > 200) return usageError('--name must be at most 200 characters');
  const expiresIn = values.expires ?? '12h';
  if (!/^[1-9][0-9]{0,5}[smhdw]$/.test(expiresIn)) return usageError(`--expires must be a number followed by s, m, h, d or w (e.g. 30m, 12h, 7d), got "${expiresIn}"`);

  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return { code: 1, stdout: '', stderr: `${error.message}\n` };
    throw error;
  }
  if (config.jwtSecret === null) {
    return {
      code: 1,
      stdout: '',
      stderr: 'This server verifies tokens with its identity provider only (HUBGRAPH_JWKS_URL is set, HUBGRAPH_JWT_SECRET is not): get a token from the identity provider, or set HUBGRAPH_JWT_SECRET to sign local tokens.\n',
    };
  }

  const claims: TokenClaims = { sub, roles };
  if (values.expert !== undefined) claims.expertId = values.expert.toLowerCase();
  if (values.name !== undefined) claims.name = values.name;
  const token = await signToken(config.jwtSecret, claims, {
    expiresIn,
    ...(config.jwtIssuer === null ? {} : { issuer: config.jwtIssuer }),
    ...(config.jwtAudience === null ? {} : { audience: config.jwtAudience }),
  });

  // Self-check: the printed token must be one the server configured by `env` accepts.
  const verifier = createTokenVerifier({ secret: config.jwtSecret, jwksUrl: null, issuer: config.jwtIssuer, audience: config.jwtAudience });
  try {
    await verifier.verify(`Bearer ${token}`);
  } catch (error) {
    if (error instanceof AuthenticationError) return usageError(`The token would be refused: ${error.message}`);
    throw error;
  }

  const note = config.jwtSecretIsDevDefault
    ? 'Signed with the public development secret (HUBGRAPH_JWT_SECRET is unset); only a development or test server accepts it.\n'
    : '';
  return { code: 0, stdout: `${token}\n`, stderr: note };
}

if (require.main === module) {
  runTokenCli(process.argv.slice(2), process.env).then(
    (result) => {
      process.stdout.write(result.stdout);
      process.stderr.write(result.stderr);
      process.exitCode = result.code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

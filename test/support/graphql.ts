import type { DataSource } from 'typeorm';
import type { GraphQLFormattedError } from 'graphql';
import { Role, type Principal } from '../../src/auth/principal';
import { signToken } from '../../src/auth/sign-token';
import { createTokenVerifier } from '../../src/auth/tokens';
import { createContext } from '../../src/context';
import { countStatements, StatementCounter } from '../../src/db/statement-counter';
import { createServer, type HubServer } from '../../src/server';

export interface Result<Data> {
  data: Data | null | undefined;
  errors: readonly GraphQLFormattedError[] | undefined;
  /** Statements the operation sent to PostgreSQL. */
  statements: number;
  sql: string[];
}

/** The HS256 secret of test servers' tokens (see signTestToken). */
export const TEST_JWT_SECRET = 'test-secret-of-at-least-thirty-two-characters';

/** The real server (schema, plugins, error formatting), started without a socket. */
export async function startTestServer(dataSource: DataSource, options: { production?: boolean; debugSql?: boolean } = {}): Promise<HubServer> {
  const server = await createServer({
    dataSource, production: options.production ?? false, debugSql: options.debugSql ?? false,
    auth: { secret: TEST_JWT_SECRET, jwksUrl: null, issuer: null, audience: null },
  });
  await server.start();
  return server;
}

/** Runs one operation as a client would, counting the statements it causes. */
export async function execute<Data = Record<string, any>>(
  server: HubServer,
  dataSource: DataSource,
  query: string,
  variables: Record<string, unknown> = {},
  options: { acceptLanguage?: string; batching?: boolean; principal?: Principal } = {},
): Promise<Result<Data>> {
  const statements = new StatementCounter({ keepStatements: true });
  const response = await countStatements(statements, () =>
    server.apollo.executeOperation(
      { query, variables },
      { contextValue: createContext({ dataSource, acceptLanguage: options.acceptLanguage ?? null, statements, batching: options.batching, principal: options.principal }) },
    ),
  );
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  const { data, errors } = response.body.singleResult;
  return { data: data as Data | null | undefined, errors, statements: statements.count, sql: statements.statements ?? [] };
}

/** A principal as a verified token would make it: `sub`, roles and, for reviewers, their expert id. */
export function principal(id: string, roles: Role[], expertId: string | null = null): Principal {
  return { id, roles, expertId, name: null };
}

/** An editor, for tests that need to see everything. */
export const EDITOR = principal('editor-1', [Role.EDITOR]);

/**
 * Signs a real HS256 token with the test servers' secret and verifies it as the HTTP handler
 * does, so operations run as the principal a client's token proves.
 */
export async function principalFromToken(claims: { sub: string; roles?: Role[]; expertId?: string; name?: string }): Promise<Principal> {
  const token = await signToken(TEST_JWT_SECRET, claims);
  return createTokenVerifier({ secret: TEST_JWT_SECRET, jwksUrl: null, issuer: null, audience: null }).verify(`Bearer ${token}`);
}

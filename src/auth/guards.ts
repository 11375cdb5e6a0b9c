import { GraphQLError } from 'graphql';
import type { Context } from '../context';
import { hasRole, type Role } from './principal';

/**
 * Lets the operation go on only for a principal with one of `roles`: anonymous callers get
 * UNAUTHENTICATED, signed-in callers without the role FORBIDDEN, each saying what is needed.
 * These are GraphQL errors in a 200 response (the other fields of the operation still
 * answer); only an unusable token is an HTTP 401, from the HTTP handler, with its
 * WWW-Authenticate header.
 */
export function requireRole(ctx: Pick<Context, 'principal'>, what: string, ...roles: Role[]): void {
  if (ctx.principal.id === null) {
    throw new GraphQLError(`Sign in to ${what}: send a bearer token with the ${roles.join(' or ')} role.`, {
      extensions: { code: 'UNAUTHENTICATED' },
    });
  }
  if (!roles.some((role) => hasRole(ctx.principal, role))) {
    throw new GraphQLError(`Only ${roles.join(' or ')} may ${what}; your token has ${ctx.principal.roles.length ? ctx.principal.roles.join(', ') : 'no role'}.`, {
      extensions: { code: 'FORBIDDEN' },
    });
  }
}

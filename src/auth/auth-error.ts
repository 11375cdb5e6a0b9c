/**
 * A request's credentials were present but unusable (malformed, expired, badly signed, wrong
 * issuer …). Answer it with HTTP 401 and the GraphQL error code UNAUTHENTICATED.
 *
 * Guarantees: `message` tells the caller what to fix ("The bearer token has expired; get a new
 * one.") and never contains the token; `cause`, when set, is the underlying library error, for
 * server logs only.
 */
export class AuthenticationError extends Error {
  /** The GraphQL `extensions.code` to answer with. */
  readonly code = 'UNAUTHENTICATED';
  /** The HTTP status to answer with. */
  readonly httpStatus = 401;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AuthenticationError';
  }
}

import { createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey, type JWTVerifyOptions } from 'jose';
import { AuthenticationError } from './auth-error';
import { ANONYMOUS, Role, type Principal } from './principal';

/** Where bearer tokens are verified from; see createTokenVerifier. */
export interface TokenVerifierOptions {
  /** HS256 secret; null: HS256 tokens are refused. */
  secret: string | null;
  /** http(s) URL of a JSON Web Key Set for asymmetric tokens; null: they are refused. */
  jwksUrl: string | null;
  /** Required `iss`; null: not checked. */
  issuer: string | null;
  /** Required `aud` (or one of its entries); null: not checked. */
  audience: string | null;
}

/** Turns an HTTP Authorization header into the Principal it proves. */
export interface TokenVerifier {
  /**
   * Resolves to ANONYMOUS for a missing or blank header and to the token's Principal for a
   * valid bearer token; rejects with an AuthenticationError for anything else.
   */
  verify(authorization: string | undefined | null): Promise<Principal>;
}

/** Algorithms verified with the JWKS; HS256 is verified with the secret; nothing else (never `none`). */
const JWKS_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
const CLOCK_TOLERANCE_SECONDS = 30;
const MAX_TOKEN_LENGTH = 8192;
const MAX_TEXT_LENGTH = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ROLES: readonly string[] = Object.values(Role);

/**
 * Creates a verifier of `Authorization: Bearer <jwt>` headers (scheme case-insensitive).
 *
 * Guarantees: an HS256 token is accepted only when signed with `secret`; an RS/PS/ES/EdDSA
 * token only when signed by a key of the JWKS at `jwksUrl`, fetched lazily and cached by one
 * key set per verifier (refetched after 10 minutes, or for an unknown `kid` at most every 30 s);
 * every other algorithm, `none` included, is refused. `exp` is required; `exp`/`nbf` are
 * checked with 30 s of clock tolerance; `iss`/`aud` when configured. The claims must make a
 * valid Principal (see principalFromClaims). Every failure is an AuthenticationError whose
 * message names the problem and never contains the token.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const secret = options.secret === null ? null : new TextEncoder().encode(options.secret);
  const jwks = options.jwksUrl === null ? null : jwksKeyGetter(options.jwksUrl);
  const verifyOptions: JWTVerifyOptions = {
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
    requiredClaims: ['exp'],
    ...(options.issuer === null ? {} : { issuer: options.issuer }),
    ...(options.audience === null ? {} : { audience: options.audience }),
  };

  return {
    async verify(authorization) {
      if (authorization == null || authorization.trim() === '') return ANONYMOUS;
      const token = bearerToken(authorization);
      const alg = algorithmOf(token);
      let payload: JWTPayload;
      try {
        if (alg === 'HS256') {
          if (secret === null) {
            throw new AuthenticationError('The bearer token is signed with HS256, but this server accepts only tokens signed by its identity provider (HUBGRAPH_JWKS_URL).');
          }
          ({ payload } = await jwtVerify(token, secret, { ...verifyOptions, algorithms: ['HS256'] }));
        } else {
          if (jwks === null) {
            throw new AuthenticationError(`The bearer token is signed with ${alg}, but this server accepts only HS256 tokens signed with its secret (HUBGRAPH_JWT_SECRET).`);
          }
          ({ payload } = await jwtVerify(token, jwks, { ...verifyOptions, algorithms: JWKS_ALGORITHMS }));
        }
      } catch (error) {
        throw authenticationErrorOf(error, options);
      }
      return principalFromClaims(payload);
    },
  };
}

/**
 * The Principal of a verified token's claims. Guarantees: `id` is `sub`, a non-empty string of
 * at most 200 characters without NUL; `roles` are distinct MEMBER/REVIEWER/EDITOR values in
 * token order (an absent `roles` means none); `expertId` is a lower-case UUID or null; `name` a
 * string of at most 200 characters or null. Anything else throws an AuthenticationError.
 */
export function principalFromClaims(claims: JWTPayload): Principal {
  const { sub, roles, expertId, name } = claims as Record<string, unknown>;
  if (sub === undefined || sub === null) {
    throw new AuthenticationError('The bearer token has no subject (sub claim); the token must name the person it was issued to.');
  }
  if (typeof sub !== 'string' || sub === '' || sub.length > MAX_TEXT_LENGTH || sub.includes('\0')) {
    throw new AuthenticationError(`The bearer token's subject (sub claim) must be a non-empty string of at most ${MAX_TEXT_LENGTH} characters.`);
  }

  const principalRoles: Role[] = [];
  if (roles !== undefined && roles !== null) {
    if (!Array.isArray(roles)) {
      throw new AuthenticationError(`The bearer token's roles claim must be an array of ${ROLES.join(', ')}.`);
    }
    for (const role of roles) {
      if (typeof role !== 'string' || !ROLES.includes(role)) {
        throw new AuthenticationError(`The bearer token's roles claim contains ${describe(role)}, which is not a role; roles are ${ROLES.join(', ')}.`);
      }
      if (!principalRoles.includes(role as Role)) principalRoles.push(role as Role);
    }
  }

  if (expertId !== undefined && expertId !== null && (typeof expertId !== 'string' || !UUID.test(expertId))) {
    throw new AuthenticationError("The bearer token's expertId claim must be a UUID (the reviewer's roster expert id).");
  }
  if (name !== undefined && name !== null && (typeof name !== 'string' || name.length > MAX_TEXT_LENGTH)) {
    throw new AuthenticationError(`The bearer token's name claim must be a string of at most ${MAX_TEXT_LENGTH} characters.`);
  }

  return Object.freeze({
    id: sub,
    roles: Object.freeze(principalRoles),
    expertId: typeof expertId === 'string' ? expertId.toLowerCase() : null,
    name: typeof name === 'string' ? name : null,
  });
}

/** The token of a `Bearer <token>` header. */
function bearerToken(authorization: string): string {
  const match = /^\s*bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) throw new AuthenticationError('The Authorization header must be "Bearer <token>".');
  if (match[1].length > MAX_TOKEN_LENGTH) throw new AuthenticationError(`The bearer token is longer than ${MAX_TOKEN_LENGTH} characters; it is not a token this server issues or accepts.`);
  return match[1];
}

/** The `alg` of a compact JWS, refusing anything that is not one. */
function algorithmOf(token: string): string {
  const malformed = 'The bearer token is not a well-formed JWT (three base64url parts separated by dots); copy the whole token.';
  if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token)) throw new AuthenticationError(malformed);
  let alg: unknown;
  try {
    alg = decodeProtectedHeader(token).alg;
  } catch (error) {
    throw new AuthenticationError(malformed, { cause: error });
  }
  if (typeof alg !== 'string') throw new AuthenticationError('The bearer token has no signing algorithm (alg header); it is not a signed JWT.');
  if (alg.toLowerCase() === 'none') throw new AuthenticationError('The bearer token is unsigned (alg "none"); unsigned tokens are never accepted.');
  if (alg !== 'HS256' && !JWKS_ALGORITHMS.includes(alg)) {
    throw new AuthenticationError(`The bearer token is signed with ${describe(alg)}, which this server does not accept; accepted: HS256, ${JWKS_ALGORITHMS.join(', ')}.`);
  }
  return alg;
}

/** A key getter over one cached remote JWKS whose failures are AuthenticationErrors. */
function jwksKeyGetter(jwksUrl: string): JWTVerifyGetKey {
  const remote = createRemoteJWKSet(new URL(jwksUrl));
  return async (header, token) => {
    try {
      return await remote(header, token);
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey) {
        throw new AuthenticationError("The bearer token's signing key is not in the identity provider's key set (HUBGRAPH_JWKS_URL); get a new token from it.", { cause: error });
      }
      if (error instanceof errors.JWKSMultipleMatchingKeys) {
        throw new AuthenticationError("The bearer token does not say which of the identity provider's keys signed it (no kid header); get a new token from it.", { cause: error });
      }
      throw new AuthenticationError("The identity provider's key set (HUBGRAPH_JWKS_URL) could not be fetched or read, so the bearer token cannot be checked; try again later.", { cause: error });
    }
  };
}

/** The AuthenticationError of a failed jwtVerify. */
function authenticationErrorOf(error: unknown, options: TokenVerifierOptions): AuthenticationError {
  if (error instanceof AuthenticationError) return error;
  const because = (message: string) => new AuthenticationError(message, { cause: error });
  if (error instanceof errors.JWTExpired) return because('The bearer token has expired; get a new one.');
  if (error instanceof errors.JWSSignatureVerificationFailed) return because("The bearer token's signature is invalid: it was not signed with this server's key, or it was altered.");
  if (error instanceof errors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case 'exp':
        return because(error.reason === 'missing' ? 'The bearer token has no expiry (exp claim); tokens must expire.' : "The bearer token's expiry (exp claim) must be a number of seconds.");
      case 'nbf':
        return because(error.reason === 'invalid' ? "The bearer token's nbf claim must be a number of seconds." : 'The bearer token is not valid yet (nbf claim); check the clock of the machine that issued it.');
      case 'iss':
        return because(`The bearer token was not issued by "${options.issuer}" (iss claim); get a token from that issuer.`);
      case 'aud':
        return because(`The bearer token is not meant for "${options.audience}" (aud claim); get a token for this audience.`);
      case 'iat':
        return because("The bearer token's iat claim must be a number of seconds.");
    }
  }
  if (error instanceof errors.JWTInvalid) return because("The bearer token's claims are not a JSON object; it is not a valid JWT.");
  if (error instanceof errors.JWSInvalid) return because('The bearer token is not a well-formed JWT (three base64url parts separated by dots); copy the whole token.');
  return because('The bearer token could not be verified; get a new one.');
}

/** A short, safe rendering of a claim or header value for a message. */
function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

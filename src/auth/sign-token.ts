import { SignJWT } from 'jose';
import type { Role } from './principal';

/** The claims of a token signed by signToken; they become the Principal createTokenVerifier returns. */
export interface TokenClaims {
  /** The person's stable id (the Principal's `id`). */
  sub: string;
  roles?: Role[];
  /** The roster expert a REVIEWER is (a UUID). */
  expertId?: string;
  /** Display name. */
  name?: string;
}

/** Lifetime and audience of a token signed by signToken. */
export interface SignTokenOptions {
  /** How long the token is valid, in jose's time-span syntax ("30m", "12h", "7d"); default "12h". */
  expiresIn?: string;
  issuer?: string;
  audience?: string;
}

/**
 * Signs an HS256 JWT with `secret`: `sub`, `iat`, `exp` (default 12 hours from now), the given
 * `roles`/`expertId`/`name` (omitted when undefined) and `iss`/`aud` when given. It does not
 * check the claims: createTokenVerifier does. Throws a TypeError for an empty secret or an
 * expiresIn jose cannot read.
 */
export async function signToken(secret: string, claims: TokenClaims, options: SignTokenOptions = {}): Promise<string> {
  if (secret === '') throw new TypeError('signToken needs a non-empty secret');
  const payload: Record<string, unknown> = {};
  if (claims.roles !== undefined) payload.roles = claims.roles;
  if (claims.expertId !== undefined) payload.expertId = claims.expertId;
  if (claims.name !== undefined) payload.name = claims.name;
  const jwt = new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '12h');
  if (options.issuer !== undefined) jwt.setIssuer(options.issuer);
  if (options.audience !== undefined) jwt.setAudience(options.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}

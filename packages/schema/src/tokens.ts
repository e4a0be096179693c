import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTVerifyGetKey } from 'jose';
import { ANONYMOUS, type Actor, actorFromClaims, type AnonymousActor, claimsOf, InvalidActorError } from './actor';
import { DEVELOPMENT_HOP_SECRET } from './trusted-hop';

/** The secret that signs development tokens when `SAMVERKAN_JWT_SECRET` is not set. Production refuses it. */
export const DEVELOPMENT_JWT_SECRET = 'samverkan-development-jwt-secret';
/** Issuer of the hub's development tokens. */
export const DEVELOPMENT_ISSUER = 'samverkan-hub-dev';

/** How bearer tokens are verified. */
export interface TokenVerifierOptions {
  /** Shared secret (HS256), for development. */
  secret?: string;
  /** A JWKS URL (RS256/ES256 …), for production. Takes precedence over `secret`. */
  jwksUrl?: string;
  /** Expected `iss`, if any. */
  issuer?: string;
  /** Expected `aud`, if any. */
  audience?: string;
}

/** A token that was present but could not be accepted; the message says why. */
export class AuthenticationError extends Error {
  override name = 'AuthenticationError';
}

/** Builds a function that turns an `Authorization` header into an actor. */
export function createTokenVerifier(options: TokenVerifierOptions): (authorization: string | undefined) => Promise<Actor> {
  const key: Uint8Array | JWTVerifyGetKey = options.jwksUrl
    ? createRemoteJWKSet(new URL(options.jwksUrl))
    : new TextEncoder().encode(options.secret ?? DEVELOPMENT_JWT_SECRET);
  return async (authorization) => {
    if (!authorization) return ANONYMOUS;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw new AuthenticationError('the Authorization header must be "Bearer <token>"');
    try {
      const { payload } = await jwtVerify(match[1]!, key as Uint8Array, {
        // A token without an expiry would be valid for ever: refused.
        requiredClaims: ['exp'],
        ...(options.issuer ? { issuer: options.issuer } : {}),
        ...(options.audience ? { audience: options.audience } : {}),
      });
      return actorFromClaims(payload);
    } catch (error) {
      if (error instanceof InvalidActorError) throw new AuthenticationError(`the token's claims are not valid: ${error.message}`);
      const code = (error as { code?: string }).code;
      if (code === 'ERR_JWT_EXPIRED') throw new AuthenticationError('the token has expired');
      if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && (error as { claim?: string }).claim === 'exp') {
        throw new AuthenticationError('the token has no expiry (`exp`): the hub accepts only tokens that expire');
      }
      throw new AuthenticationError(`the token could not be verified (${code ?? (error as Error).message})`);
    }
  };
}

/** Signs a development token (HS256) for `actor`. */
export async function signDevelopmentToken(
  actor: Exclude<Actor, AnonymousActor>,
  secret: string = DEVELOPMENT_JWT_SECRET,
  expiresIn: string = '8h',
): Promise<string> {
  return new SignJWT(claimsOf(actor))
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(DEVELOPMENT_ISSUER)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}

/** The least length of a secret that production accepts (HS256 wants at least 256 bits). */
export const MIN_PRODUCTION_SECRET_LENGTH = 32;

/**
 * The check every process makes of a secret it is configured with: in production
 * (`NODE_ENV=production`) a secret must be set, must not be a development value, and must be at
 * least {@link MIN_PRODUCTION_SECRET_LENGTH} characters long; otherwise the process refuses to start
 * (throws, naming the setting). Outside production any secret is accepted.
 */
export function checkSecretStrength(setting: string, secret: string | undefined, env: NodeJS.ProcessEnv = process.env): void {
  if (env.NODE_ENV !== 'production') return;
  if (!secret) throw new Error(`${setting} must be set in production.`);
  if (DEVELOPMENT_SECRETS.has(secret)) throw new Error(`${setting} must be set in production: the development secret is public.`);
  if (secret.length < MIN_PRODUCTION_SECRET_LENGTH) throw new Error(`${setting} must be at least ${MIN_PRODUCTION_SECRET_LENGTH} characters long in production (it has ${secret.length}).`);
}

const DEVELOPMENT_SECRETS = new Set([DEVELOPMENT_JWT_SECRET, DEVELOPMENT_HOP_SECRET]);

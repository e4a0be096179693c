/**
 * Who is asking: the actor of a request. The gateway derives it from a verified bearer token and
 * passes it to the subgraphs over a signed hop (see `trusted-hop.ts`).
 */

/** The roles the hub knows (roll). */
export type ActorRole = 'anonymous' | 'kommun' | 'police' | 'analyst' | 'admin';

/** No token: reads public records only. */
export interface AnonymousActor {
  role: 'anonymous';
}
/** A user of one kommun (kommunanvändare). */
export interface MunicipalityActor {
  role: 'kommun';
  /** The token's subject (a user id). */
  subject: string;
  /** SCB code of the user's kommun, e.g. "1281". */
  municipalityCode: string;
}
/** A police officer of one lokalpolisområde (polis, LPO). */
export interface PoliceActor {
  role: 'police';
  subject: string;
  /** The lokalpolisområde's id, e.g. "lund". */
  localPoliceAreaId: string;
  /** The polisregion's code, e.g. "SYD". */
  policeRegionCode: string;
}
/** A regional analyst (analytiker), reading everything in one polisregion. */
export interface AnalystActor {
  role: 'analyst';
  subject: string;
  policeRegionCode: string;
}
/** An administrator of reference data and imports. */
export interface AdminActor {
  role: 'admin';
  subject: string;
}

export type Actor = AnonymousActor | MunicipalityActor | PoliceActor | AnalystActor | AdminActor;

export const ANONYMOUS: AnonymousActor = Object.freeze({ role: 'anonymous' });

/** The claims the hub reads from a token (besides the standard ones). */
export interface ActorClaims {
  sub?: unknown;
  role?: unknown;
  kommun?: unknown;
  lpo?: unknown;
  region?: unknown;
}

/** Thrown when claims do not describe a valid actor; the message says what is missing. */
export class InvalidActorError extends Error {
  override name = 'InvalidActorError';
}

function text(value: unknown, claim: string, role: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidActorError(`a ${role} token needs the claim "${claim}"`);
  }
  return value;
}

/** Reads an actor from token claims; throws {@link InvalidActorError} on missing or unknown claims. */
export function actorFromClaims(claims: ActorClaims): Actor {
  const role = claims.role;
  switch (role) {
    case 'kommun': {
      const municipalityCode = text(claims.kommun, 'kommun', role);
      if (!/^\d{4}$/.test(municipalityCode)) throw new InvalidActorError(`the claim "kommun" must be a four-digit SCB code, got "${municipalityCode}"`);
      return { role, subject: text(claims.sub, 'sub', role), municipalityCode };
    }
    case 'police':
      return {
        role,
        subject: text(claims.sub, 'sub', role),
        localPoliceAreaId: text(claims.lpo, 'lpo', role),
        policeRegionCode: text(claims.region, 'region', role),
      };
    case 'analyst':
      return { role, subject: text(claims.sub, 'sub', role), policeRegionCode: text(claims.region, 'region', role) };
    case 'admin':
      return { role, subject: text(claims.sub, 'sub', role) };
    default:
      throw new InvalidActorError(`unknown role ${JSON.stringify(role)}: expected kommun, police, analyst or admin`);
  }
}

/** The claims that describe `actor` (the inverse of {@link actorFromClaims}). */
export function claimsOf(actor: Exclude<Actor, AnonymousActor>): Record<string, string> {
  switch (actor.role) {
    case 'kommun':
      return { sub: actor.subject, role: actor.role, kommun: actor.municipalityCode };
    case 'police':
      return { sub: actor.subject, role: actor.role, lpo: actor.localPoliceAreaId, region: actor.policeRegionCode };
    case 'analyst':
      return { sub: actor.subject, role: actor.role, region: actor.policeRegionCode };
    case 'admin':
      return { sub: actor.subject, role: actor.role };
  }
}

/** Reads an actor from JSON (as forwarded by the gateway); anything else is anonymous-invalid. */
export function actorFromJson(json: unknown): Actor {
  if (json && typeof json === 'object' && (json as { role?: unknown }).role === 'anonymous') return ANONYMOUS;
  const value = json as Record<string, unknown>;
  return actorFromClaims({
    sub: value.subject,
    role: value.role,
    kommun: value.municipalityCode,
    lpo: value.localPoliceAreaId,
    region: value.policeRegionCode,
  });
}

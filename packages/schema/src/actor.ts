import type { PoliceUnitRef } from '@samverkan/geo';

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
/**
 * A police officer (polis) of one unit: a lokalpolisområde, a polisområde or a whole polisregion.
 * The most specific of the three that the token names is the officer's unit ({@link policeUnitOf}).
 */
export interface PoliceActor {
  role: 'police';
  subject: string;
  /** The polisregion's code, e.g. "SYD" (every police token names one). */
  policeRegionCode: string;
  /** The polisområde's id, where the officer's unit is a polisområde or lies in one the token names. */
  policeDistrictId?: string | null;
  /** The lokalpolisområde's id, e.g. "lund", where the officer's unit is one. */
  localPoliceAreaId?: string | null;
}

/** The unit a police officer speaks for: the most specific one the token names. */
export function policeUnitOf(actor: PoliceActor): PoliceUnitRef {
  if (actor.localPoliceAreaId) return { kind: 'LPO', id: actor.localPoliceAreaId };
  if (actor.policeDistrictId) return { kind: 'DISTRICT', id: actor.policeDistrictId };
  return { kind: 'REGION', id: actor.policeRegionCode };
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
  polisomrade?: unknown;
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

/** An optional claim: absent (or null) gives null; present, it must be non-empty text. */
function optionalText(value: unknown, claim: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.trim() === '') throw new InvalidActorError(`the claim "${claim}", when given, must be non-empty text`);
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
    case 'police': {
      // Only the units the token names: an actor without them reads as one with them absent.
      const policeDistrictId = optionalText(claims.polisomrade, 'polisomrade');
      const localPoliceAreaId = optionalText(claims.lpo, 'lpo');
      return {
        role,
        subject: text(claims.sub, 'sub', role),
        ...(localPoliceAreaId ? { localPoliceAreaId } : {}),
        policeRegionCode: text(claims.region, 'region', role),
        ...(policeDistrictId ? { policeDistrictId } : {}),
      };
    }
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
      return {
        sub: actor.subject,
        role: actor.role,
        region: actor.policeRegionCode,
        ...(actor.policeDistrictId ? { polisomrade: actor.policeDistrictId } : {}),
        ...(actor.localPoliceAreaId ? { lpo: actor.localPoliceAreaId } : {}),
      };
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
    polisomrade: value.policeDistrictId,
    region: value.policeRegionCode,
  });
}

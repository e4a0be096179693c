import { GraphQLError } from 'graphql';

/**
 * The hub's error codes, in `extensions.code` of every GraphQL error it raises on purpose.
 * Clients can act on the code; the message says, for a person, what to do.
 */
export const ErrorCode = {
  /** The input is wrong: a malformed value, an unknown code, dates out of order. */
  BadUserInput: 'BAD_USER_INPUT',
  /** The record asked for does not exist. */
  NotFound: 'NOT_FOUND',
  /** The token was present but not valid. */
  Unauthenticated: 'UNAUTHENTICATED',
  /** The actor may not do this. */
  Forbidden: 'FORBIDDEN',
  /** The record changed since the client read it, or the change contradicts another record. */
  Conflict: 'CONFLICT',
  /** Another part of the hub that the answer depends on did not answer; try again later. */
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A GraphQL error with a code and optional details (e.g. the offending field). */
export function hubError(code: ErrorCode, message: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details } });
}

/** Bad input: tells which argument and why. */
export function badInput(message: string, details: Record<string, unknown> = {}): GraphQLError {
  return hubError(ErrorCode.BadUserInput, message, details);
}

/** A record that does not exist. */
export function notFound(message: string, details: Record<string, unknown> = {}): GraphQLError {
  return hubError(ErrorCode.NotFound, message, details);
}

/** The actor may not do this; the message says who may. */
export function forbidden(message: string, details: Record<string, unknown> = {}): GraphQLError {
  return hubError(ErrorCode.Forbidden, message, details);
}

/** The change contradicts the stored state (another record, or a newer version). */
export function conflict(message: string, details: Record<string, unknown> = {}): GraphQLError {
  return hubError(ErrorCode.Conflict, message, details);
}

/**
 * A value as an error message shows it: quoted, and cut short when long, so that a huge input is
 * never echoed back in full.
 */
export function shownValue(value: unknown, max = 40): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  const cut = text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text;
  return typeof value === 'string' ? `"${cut}"` : cut;
}

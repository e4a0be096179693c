import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/*
 * How a delivery is signed, and how a receiver checks it (the same code as the docs' snippet):
 *
 *   Samverkan-Webhook-Id:        the event's id
 *   Samverkan-Webhook-Timestamp: the time of the attempt, unix seconds
 *   Samverkan-Webhook-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + raw body)>
 *
 * The secret is the text shown once when the subscription was made (or its secret rotated), used
 * as UTF-8 bytes.
 */

export const ID_HEADER = 'Samverkan-Webhook-Id';
export const TIMESTAMP_HEADER = 'Samverkan-Webhook-Timestamp';
export const SIGNATURE_HEADER = 'Samverkan-Webhook-Signature';

/** How old a signature a receiver should accept, in seconds (5 minutes). */
export const SIGNATURE_TOLERANCE_S = 300;

/** A new secret: 32 random bytes, hex, with a prefix that says what it is. */
export function newSecret(): string {
  return `whsec_${randomBytes(32).toString('hex')}`;
}

/** The signature header's value of a body sent at `timestamp` (unix seconds). */
export function signatureOf(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** The headers of one attempt. */
export function signedHeaders(secret: string, eventId: string, body: string, now: number = Date.now()): Record<string, string> {
  const timestamp = Math.floor(now / 1000);
  return { [ID_HEADER]: eventId, [TIMESTAMP_HEADER]: String(timestamp), [SIGNATURE_HEADER]: signatureOf(secret, timestamp, body) };
}

/**
 * What a receiver does: recompute the signature over the raw body, compare in constant time, and
 * refuse a timestamp more than five minutes away from its clock.
 */
export function verifySignature(secret: string, headers: { timestamp: string | undefined; signature: string | undefined }, rawBody: string, now: number = Date.now()): boolean {
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(now / 1000 - timestamp) > SIGNATURE_TOLERANCE_S) return false;
  const expected = Buffer.from(signatureOf(secret, timestamp, rawBody));
  const given = Buffer.from(headers.signature ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

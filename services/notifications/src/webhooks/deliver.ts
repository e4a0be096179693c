import http from 'node:http';
import https from 'node:https';
import type { PrismaClient } from '../db';
import { signedHeaders } from './signature';
import { publicOnlyLookup } from './target';

/*
 * Delivery: each subscription's deliveries are POSTed in their order, one at a time. The first not
 * yet delivered waits for its next attempt, and every later one waits behind it: nothing is skipped,
 * so a receiver that was down gets the backlog in order. A 2xx answer is success; anything else (a
 * redirect too: none is followed), an error or a timeout is a failed attempt, tried again after an
 * exponential backoff with jitter. Every attempt is recorded on the delivery.
 */

/** How one attempt went. */
export interface Attempt {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

/** Options of the delivery. */
export interface DeliveryOptions {
  /** How long one POST may take. @default 10000 (SAMVERKAN_WEBHOOK_TIMEOUT_MS) */
  timeoutMs: number;
  /** The longest wait between attempts. @default 600000 (SAMVERKAN_WEBHOOK_MAX_BACKOFF_MS) */
  maxBackoffMs: number;
  /** Whether internal addresses may be called (see target.ts). */
  allowPrivate: boolean;
}

/** The wait before the next attempt after `attempts` failed ones: doubling from 1 s (or the maximum, if less), at most the maximum, with jitter (half to all of it). */
export function backoffMs(attempts: number, maxMs: number, random: () => number = Math.random): number {
  const base = Math.min(1000, maxMs);
  const full = Math.min(maxMs, base * 2 ** Math.min(30, Math.max(0, attempts - 1)));
  return Math.round(full / 2 + (random() * full) / 2);
}

/** POSTs one body with its signed headers. */
export function post(url: string, body: string, headers: Record<string, string>, options: Pick<DeliveryOptions, 'timeoutMs' | 'allowPrivate'>): Promise<Attempt> {
  return new Promise((resolve) => {
    const target = new URL(url);
    const client = target.protocol === 'https:' ? https : http;
    let settled = false;
    const done = (attempt: Attempt) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(attempt);
    };
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'user-agent': 'Samverkan-Webhook/1', ...headers },
        ...(options.allowPrivate ? {} : { lookup: publicOnlyLookup }),
      },
      (response) => {
        response.resume();
        const statusCode = response.statusCode ?? 0;
        const ok = statusCode >= 200 && statusCode < 300;
        response.on('end', () => done({ ok, statusCode, error: ok ? null : `HTTP ${statusCode}` }));
        response.on('error', (error) => done({ ok: false, statusCode, error: error.message }));
      },
    );
    const timer = setTimeout(() => {
      request.destroy(new Error(`no answer within ${options.timeoutMs} ms`));
    }, options.timeoutMs);
    request.on('error', (error) => done({ ok: false, statusCode: null, error: error.message.slice(0, 500) }));
    request.end(body);
  });
}

/** Most deliveries made for one subscription in one run (the rest at the next). @default 1000 */
const DELIVERIES_PER_RUN = 1000;
/** Deliveries read at a time, in order. @default 50 */
const BATCH = 50;

/**
 * Makes a subscription's due deliveries in order until one fails, none is due, or `stopping()`.
 * The subscription is read again before each batch (a rotated secret, a pause take effect).
 * Returns how many were delivered.
 */
export async function deliverDue(db: PrismaClient, subscriptionId: string, options: DeliveryOptions, stopping: () => boolean): Promise<number> {
  let delivered = 0;
  while (delivered < DELIVERIES_PER_RUN && !stopping()) {
    const subscription = await db.webhookSubscription.findUnique({ where: { id: subscriptionId } });
    if (!subscription?.active) return delivered;
    const batch = await db.webhookDelivery.findMany({ where: { subscriptionId, status: { in: ['PENDING', 'RETRYING'] } }, orderBy: { seq: 'asc' }, take: BATCH });
    if (!batch.length) return delivered;
    for (const next of batch) {
      if (stopping() || next.nextAttemptAt.getTime() > Date.now()) return delivered;
      const attempt = await post(subscription.url, next.body, signedHeaders(subscription.secret, next.eventId, next.body), options);
      const attempts = next.attempts + 1;
      const now = new Date();
      // updateMany: a subscription deleted meanwhile (its deliveries with it) ends the run quietly.
      const { count } = await db.webhookDelivery.updateMany({
        where: { id: next.id },
        data: attempt.ok
          ? { status: 'DELIVERED', attempts, lastStatusCode: attempt.statusCode, lastError: null, lastAttemptAt: now, deliveredAt: now }
          : {
              status: 'RETRYING',
              attempts,
              lastStatusCode: attempt.statusCode,
              lastError: attempt.error,
              lastAttemptAt: now,
              nextAttemptAt: new Date(now.getTime() + backoffMs(attempts, options.maxBackoffMs)),
            },
      });
      // Never past a failed one: the rest wait for it.
      if (!attempt.ok || count === 0) return delivered;
      delivered += 1;
    }
  }
  return delivered;
}

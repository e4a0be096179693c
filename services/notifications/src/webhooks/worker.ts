import { setTimeout as sleep } from 'node:timers/promises';
import type { PrismaClient } from '../db';
import { checkDeadlines } from './deadlines';
import { deliverDue, type DeliveryOptions } from './deliver';
import { notePollError, pollSource } from './poll';
import { type AskSource, SOURCES } from './sources';
import { privateTargetsAllowed } from './target';

/*
 * The delivery worker of the notifications subgraph: every `pollMs` it reads each active
 * subscription's new events from the three domain subgraphs' outboxes (as the owner), checks
 * deadlines every `deadlineCheckMs` (and at start), and starts each subscription's due deliveries,
 * one run at a time per subscription, without waiting for them: a slow receiver delays only its
 * own subscription. All state is in the database, so a restart picks up where it stopped. Run one
 * worker per database (one notifications process): two would each deliver the same event.
 */

/** The worker's settings. */
export interface WorkerSettings extends DeliveryOptions {
  /** How often the outboxes are read and due deliveries started. @default 1000 (SAMVERKAN_WEBHOOK_POLL_MS) */
  pollMs: number;
  /** How often deadlines are checked. @default 3600000 (SAMVERKAN_WEBHOOK_DEADLINE_CHECK_MS) */
  deadlineCheckMs: number;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of milliseconds above 0, got "${text}"`);
  return value;
}

/** The settings from the environment (a bad value stops the start with a message naming it). */
export function workerSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): WorkerSettings {
  return {
    pollMs: positive(env, 'SAMVERKAN_WEBHOOK_POLL_MS', 1000),
    maxBackoffMs: positive(env, 'SAMVERKAN_WEBHOOK_MAX_BACKOFF_MS', 600_000),
    deadlineCheckMs: positive(env, 'SAMVERKAN_WEBHOOK_DEADLINE_CHECK_MS', 3_600_000),
    timeoutMs: positive(env, 'SAMVERKAN_WEBHOOK_TIMEOUT_MS', 10_000),
    allowPrivate: privateTargetsAllowed(env),
  };
}

/** Where the worker logs. */
export interface WorkerLog {
  warn(message: string): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** A running worker. */
export interface Worker {
  /** Stops polling and waits for the deliveries under way. */
  stop(): Promise<void>;
}

/** Starts the worker. */
export function startWorker(db: PrismaClient, ask: AskSource, settings: WorkerSettings, log: WorkerLog): Worker {
  const abort = new AbortController();
  const delivering = new Map<string, Promise<void>>();
  const failing = new Set<string>();
  // When each subscription's deadlines were last checked: a new one is checked at its first poll.
  const lastDeadlineCheck = new Map<string, number>();

  /** Logs a source's failure once until it answers again (it is noted on the cursor each time). */
  const noteOnce = (key: string, message: string) => {
    if (failing.has(key)) return;
    failing.add(key);
    log.warn(message);
  };

  const tick = async () => {
    const subscriptions = await db.webhookSubscription.findMany({ where: { active: true }, orderBy: { createdAt: 'asc' } });
    for (const subscription of subscriptions) {
      if (abort.signal.aborted) return;
      for (const source of SOURCES) {
        try {
          await pollSource(db, ask, subscription, source);
          failing.delete(`${subscription.id}:${source}`);
        } catch (error) {
          await notePollError(db, subscription.id, source, error);
          noteOnce(`${subscription.id}:${source}`, `subscription ${subscription.id}: ${source} could not be read (${(error as Error).message}); asked again at the next poll`);
        }
      }
      if (Date.now() - (lastDeadlineCheck.get(subscription.id) ?? 0) >= settings.deadlineCheckMs) {
        try {
          await checkDeadlines(db, ask, subscription);
          lastDeadlineCheck.set(subscription.id, Date.now());
        } catch (error) {
          noteOnce(`${subscription.id}:deadlines`, `subscription ${subscription.id}: deadlines could not be checked (${(error as Error).message})`);
        }
      }
      if (!delivering.has(subscription.id)) {
        const run = deliverDue(db, subscription.id, settings, () => abort.signal.aborted)
          .then(() => undefined, (error: unknown) => log.error(`subscription ${subscription.id}: delivery failed`, { error }))
          .finally(() => delivering.delete(subscription.id));
        delivering.set(subscription.id, run);
      }
    }
  };

  const loop = (async () => {
    while (!abort.signal.aborted) {
      try {
        await tick();
      } catch (error) {
        if (!abort.signal.aborted) log.error('webhook worker: a poll failed; trying again', { error });
      }
      await sleep(settings.pollMs, undefined, { signal: abort.signal }).catch(() => undefined);
    }
  })();

  return {
    stop: async () => {
      abort.abort();
      await loop;
      await Promise.all(delivering.values());
    },
  };
}

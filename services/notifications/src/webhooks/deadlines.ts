import type { Actor } from '@samverkan/schema';
import type { PrismaClient } from '../db';
import type { WebhookSubscription } from '../generated/prisma/client';
import { deliveryOf, type EventBody, wanted } from './events';
import type { AskSource } from './sources';

/*
 * Deadline events, asked as the subscription's owner (so only of what the owner may read):
 * `agreement.expiring` for each agreement in force whose stated end falls within the subscription's
 * `expiringWithinDays` (agreements' `expiringAgreements`), and `situationReport.overdue` for each
 * kommun of the filter (every kommun without one) whose newest lägesbild is older than the law allows
 * (actions' `compliance`: none decided in the last two years). Each is delivered once per
 * subscription, record, kind and due day: its id is made of those, and a delivery is unique per id.
 */

const EXPIRING = `query Expiring($within: Int!) { expiringAgreements(within: $within) { id validTo municipality { code } } }`;
const COMPLIANCE = `query Overdue($codes: [MunicipalityCode!]) { compliance(municipalities: $codes) { municipality { code } hasCurrentSituationReport situationReportDecidedOn } }`;

interface Expiring {
  expiringAgreements: { id: string; validTo: string | null; municipality: { code: string } }[];
}
interface Compliance {
  compliance: { municipality: { code: string } | null; hasCurrentSituationReport: boolean; situationReportDecidedOn: string | null }[];
}

/** The day two years after `day` (ISO date): when a lägesbild decided then stops being current. */
function twoYearsAfter(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + 2);
  return date.toISOString().slice(0, 10);
}

/** Finds a subscription's deadline events and stores those not yet stored; returns how many were new. */
export async function checkDeadlines(db: PrismaClient, ask: AskSource, subscription: WebhookSubscription, now: Date = new Date()): Promise<number> {
  const owner = subscription.owner as unknown as Actor;
  const occurredAt = now.toISOString();
  const bodies: { source: string; body: EventBody }[] = [];
  if (subscription.expiringWithinDays > 0 && wanted({ ...subscription, municipalityCodes: [] }, 'Agreement', [])) {
    const { expiringAgreements } = await ask<Expiring>('agreements', owner, EXPIRING, { within: subscription.expiringWithinDays });
    for (const agreement of expiringAgreements) {
      if (!agreement.validTo || !wanted(subscription, 'Agreement', [agreement.municipality.code])) continue;
      bodies.push({
        source: 'deadlines',
        body: {
          id: `agreement.expiring:${agreement.id}:${agreement.validTo}`,
          type: 'agreement.expiring',
          occurredAt,
          record: { type: 'Agreement', id: agreement.id, municipalityCodes: [agreement.municipality.code] },
          changedFields: [],
          dueOn: agreement.validTo,
        },
      });
    }
  }
  if (wanted({ ...subscription, municipalityCodes: [] }, 'SituationReport', [])) {
    const codes = subscription.municipalityCodes.length ? subscription.municipalityCodes : null;
    const { compliance } = await ask<Compliance>('actions', owner, COMPLIANCE, { codes });
    for (const row of compliance) {
      if (row.hasCurrentSituationReport || !row.municipality) continue;
      const code = row.municipality.code;
      const dueOn = row.situationReportDecidedOn ? twoYearsAfter(row.situationReportDecidedOn) : null;
      bodies.push({
        source: 'deadlines',
        body: {
          id: `situationReport.overdue:${code}:${dueOn ?? 'none'}`,
          type: 'situationReport.overdue',
          occurredAt,
          record: { type: 'Municipality', id: code, municipalityCodes: [code] },
          changedFields: [],
          dueOn,
        },
      });
    }
  }
  if (!bodies.length) return 0;
  const { count } = await db.webhookDelivery.createMany({
    data: bodies.map(({ source, body }) => ({ ...deliveryOf(source, body), subscriptionId: subscription.id })),
    skipDuplicates: true,
  });
  return count;
}

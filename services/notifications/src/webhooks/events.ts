/*
 * What a receiver gets: a small JSON body that names the event and the record; the app reads the
 * record's details through the API (with its own token, so it sees what its user may see).
 *
 *   { "id": "…", "type": "action.updated", "occurredAt": "2026-12-02T10:00:00.000Z",
 *     "record": { "type": "Action", "id": "…", "municipalityCodes": ["1281"] },
 *     "changedFields": ["status"] }
 *
 * Deadline events add "dueOn" (the agreement's end, or the day the newest lägesbild turned two
 * years old; null when the kommun has none).
 */

/** One event as delivered. */
export interface EventBody {
  id: string;
  type: string;
  occurredAt: string;
  record: { type: string; id: string; municipalityCodes: string[] };
  changedFields: string[];
  dueOn?: string | null;
}

/** The event type of a change, e.g. "action.updated", "agreement.signed". */
export function eventType(recordType: string, kind: string): string {
  return `${recordType.charAt(0).toLowerCase()}${recordType.slice(1)}.${kind}`;
}

/** A subscription's filters. */
export interface Filters {
  municipalityCodes: readonly string[];
  recordTypes: readonly string[];
}

/** Whether a subscription wants an event about a record of this type and these kommuner (an empty filter wants all). */
export function wanted(filters: Filters, recordType: string, municipalityCodes: readonly string[]): boolean {
  if (filters.recordTypes.length && !filters.recordTypes.includes(recordType)) return false;
  return !filters.municipalityCodes.length || municipalityCodes.some((code) => filters.municipalityCodes.includes(code));
}

/** The delivery a worker stores for an event. */
export interface NewDelivery {
  source: string;
  eventId: string;
  type: string;
  recordType: string;
  recordId: string;
  occurredAt: Date;
  body: string;
}

/** A delivery of an event body. */
export function deliveryOf(source: string, body: EventBody): NewDelivery {
  return {
    source,
    eventId: body.id,
    type: body.type,
    recordType: body.record.type,
    recordId: body.record.id,
    occurredAt: new Date(body.occurredAt),
    body: JSON.stringify(body),
  };
}

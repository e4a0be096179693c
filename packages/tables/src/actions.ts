import { ACTION_STATUS_NAMES } from './codes';
import { fileNameOf } from './file-name';
import type { Column, Row, TableDefinition, TableParams } from './types';

/** The part of a kommun's `actions` answer the table reads. */
interface ActionsAnswer {
  municipality: {
    code: string;
    name: string;
    actions: {
      id: string;
      title: string;
      status: string;
      startsOn: string | null;
      endsOn: string | null;
      visibility: 'PUBLIC' | 'PARTIES';
      method: string | null;
      place: string | null;
      origin: string | null;
      focusArea: { code: string; name: string } | null;
      responsible: { name: string; lead: boolean }[];
      followUps: { date: string; outcome: string }[];
    }[] | null;
  } | null;
}

const ORIGIN_NAMES: Readonly<Record<string, string>> = {
  ACTION_PLAN: 'Åtgärdsplan',
  CITIZEN_PROMISE: 'Medborgarlöfte',
  AGREEMENT: 'Samverkansöverenskommelse',
  STEERING_DOCUMENT: 'Styrdokument',
};

const OUTCOME_NAMES: Readonly<Record<string, string>> = {
  EFFECTIVE: 'Effektiv',
  PARTLY: 'Delvis effektiv',
  NOT_EFFECTIVE: 'Inte effektiv',
  TOO_EARLY: 'För tidigt att säga',
};

const columns: readonly Column[] = [
  { key: 'municipalityCode', header: 'Kommunkod', kind: 'text' },
  { key: 'municipality', header: 'Kommun', kind: 'text' },
  { key: 'id', header: 'Id', kind: 'text' },
  { key: 'title', header: 'Åtgärd', kind: 'text' },
  { key: 'status', header: 'Status', kind: 'text' },
  { key: 'focusArea', header: 'Fokusområde', kind: 'text' },
  { key: 'origin', header: 'Ursprung', kind: 'text' },
  { key: 'startsOn', header: 'Startdatum', kind: 'date' },
  { key: 'endsOn', header: 'Slutdatum', kind: 'date' },
  { key: 'lead', header: 'Huvudansvarig', kind: 'text' },
  { key: 'responsible', header: 'Ansvariga', kind: 'text' },
  { key: 'method', header: 'Metod', kind: 'text' },
  { key: 'place', header: 'Plats', kind: 'text' },
  { key: 'visibility', header: 'Synlighet', kind: 'text' },
  { key: 'followUps', header: 'Uppföljningar', kind: 'integer' },
  { key: 'lastFollowUpOn', header: 'Senaste uppföljning', kind: 'date' },
  { key: 'lastOutcome', header: 'Senaste utfall', kind: 'text' },
];

/** Åtgärder: one kommun's actions, as many as the caller may see. */
export const actionsTable: TableDefinition = {
  name: 'atgarder',
  title: 'Åtgärder',
  description: 'Åtgärder: one kommun\'s actions the caller may see, by start, with status, dates, the responsible parties and their follow-ups.',
  parameters: [
    { name: 'municipality', type: 'municipality', required: true, description: 'Kommun: its four-digit code, e.g. 1281 for Lund.' },
    { name: 'status', type: 'actionStatus', required: false, description: 'Status: only PLANNED, ONGOING, DONE or CANCELLED actions.' },
    { name: 'activeOn', type: 'date', required: false, description: 'Pågår: only actions under way on this day (YYYY-MM-DD).' },
    { name: 'focusArea', type: 'focusArea', required: false, description: 'Fokusområde: only actions for this one (its code).' },
  ],
  operationName: 'Atgarder',
  document: /* GraphQL */ `query Atgarder($municipality: ID!, $status: ActionStatus, $activeOn: Date, $focusArea: ID) {
  municipality(code: $municipality) {
    code
    name
    actions(status: $status, activeOn: $activeOn, focusArea: $focusArea) {
      id
      title
      status
      startsOn
      endsOn
      visibility
      method
      place
      origin
      focusArea { code name }
      responsible { name lead }
      followUps { date outcome }
    }
  }
}`,
  variables: (params: TableParams) => ({
    municipality: params.municipality,
    status: params.status ?? null,
    activeOn: params.activeOn ?? null,
    focusArea: params.focusArea ?? null,
  }),
  columns,
  rows(data: unknown): Row[] {
    const municipality = (data as ActionsAnswer | null)?.municipality;
    if (!municipality) return [];
    return (municipality.actions ?? []).map((action) => {
      const last = action.followUps.length ? action.followUps.reduce((a, b) => (b.date > a.date ? b : a)) : null;
      return {
        municipalityCode: municipality.code,
        municipality: municipality.name,
        id: action.id,
        title: action.title,
        status: ACTION_STATUS_NAMES[action.status] ?? action.status,
        focusArea: action.focusArea?.name ?? null,
        origin: action.origin ? (ORIGIN_NAMES[action.origin] ?? action.origin) : null,
        startsOn: action.startsOn,
        endsOn: action.endsOn,
        lead: action.responsible.find((r) => r.lead)?.name ?? null,
        responsible: action.responsible.map((r) => r.name).join(', ') || null,
        method: action.method,
        place: action.place,
        visibility: action.visibility === 'PUBLIC' ? 'Offentlig' : 'Parterna',
        followUps: action.followUps.length,
        lastFollowUpOn: last?.date ?? null,
        lastOutcome: last ? (OUTCOME_NAMES[last.outcome] ?? last.outcome) : null,
      };
    });
  },
  fileName: (params: TableParams, format = 'csv') =>
    fileNameOf(['atgarder', params.municipality, typeof params.status === 'string' && params.status.toLowerCase(), params.activeOn !== undefined && `pagar-${params.activeOn}`, typeof params.focusArea === 'string' && params.focusArea.toLowerCase()], format),
};

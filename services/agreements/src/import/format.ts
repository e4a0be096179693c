import { JsonReader, RecordFormatError } from '@samverkan/schema';
import type { AgreementDraftInput } from '../agreements/write';
import type { CitizenPromiseDraftInput } from '../citizen-promises/write';
import type { DocumentsInput } from '../lifecycle/validate';

/*
 * The agreements subgraph's part of an onboarding file (docs/onboarding-import.md), read into the
 * mutations' own inputs: the checks that follow are the mutations'. What the file names by the
 * kommun's external ids (previous, agreement, steeringDocuments) is resolved by the import.
 */

/** How a record of the file states its lifecycle: a draft, or signed. */
export type ImportedState = 'DRAFT' | 'SIGNED';

/** The fields of an imported agreement or medborgarlöfte that no draft input has. */
export interface ImportedLifecycle {
  externalId: string;
  state: ImportedState;
  signedOn: string | null;
  decidedOn: string | null;
  decidedBy: string | null;
  /** The external id of the record this one takes over from. */
  previous: string | null;
}

const LIFECYCLE_FIELDS = ['externalId', 'title', 'policeParty', 'validFrom', 'validTo', 'decidedOn', 'decidedBy', 'signedOn', 'state', 'previous', 'signatories', 'sources'];
export const AGREEMENT_FIELDS = [...LIFECYCLE_FIELDS, 'purpose', 'goals', 'followUp', 'focusAreas', 'steeringDocuments'];
export const PROMISE_FIELDS = [...LIFECYCLE_FIELDS, 'agreement', 'focusAreas', 'promises'];
export const STEERING_DOCUMENT_FIELDS = ['externalId', 'title', 'kind', 'periodStartYear', 'periodEndYear', 'adoptedOn', 'adoptedBy'];

/** The file's names of the fields whose input names differ, for the paths of refusals. */
export const FILE_NAMES: Readonly<Record<string, string>> = {
  localPoliceAreaIds: 'policeParty',
  localPoliceAreaId: 'policeParty',
  steeringDocumentIds: 'steeringDocuments',
  agreementId: 'agreement',
  focusAreaCodes: 'focusAreas',
};

/** The kommun's own id of a record: 1–100 characters. */
export function externalIdOf(record: JsonReader): string {
  const id = record.text('externalId').trim();
  if (!id || id.length > 100) throw new RecordFormatError(record.at('externalId'), 'must be 1–100 characters.');
  return id;
}

function lifecycleOf(record: JsonReader): ImportedLifecycle {
  return {
    externalId: externalIdOf(record),
    state: record.choice('state', ['DRAFT', 'SIGNED'] as const, 'DRAFT'),
    signedOn: record.optionalDate('signedOn'),
    decidedOn: record.optionalDate('decidedOn'),
    decidedBy: record.optionalText('decidedBy'),
    previous: record.optionalText('previous'),
  };
}

/**
 * The police party: `{ "localPoliceArea": "lund" }`, `{ "localPoliceAreas": [...] }`,
 * `{ "policeDistrict": "…" }` or `{ "policeRegion": "SYD" }` (the draft's check takes one kind).
 */
function policePartyOf(record: JsonReader) {
  const party = JsonReader.of(record.value.policeParty, record.at('policeParty'), ['localPoliceArea', 'localPoliceAreas', 'policeDistrict', 'policeRegion']);
  return {
    localPoliceAreaIds: party.has('localPoliceArea') ? [party.text('localPoliceArea')] : party.texts('localPoliceAreas'),
    policeDistrict: party.optionalText('policeDistrict'),
    policeRegion: party.optionalText('policeRegion'),
  };
}

function documentsOf(record: JsonReader): Required<DocumentsInput> {
  return {
    signatories: record.list('signatories').map(({ item, path }) => {
      const s = JsonReader.of(item, path, ['name', 'title', 'party']);
      return { name: s.text('name'), title: s.text('title'), party: s.choice('party', ['MUNICIPALITY', 'POLICE'] as const, 'MUNICIPALITY') };
    }),
    sources: record.list('sources').map(({ item, path }) => {
      const s = JsonReader.of(item, path, ['title', 'publishedOn', 'url', 'note']);
      return { title: s.text('title'), publishedOn: s.optionalDate('publishedOn'), url: s.optionalText('url'), note: s.optionalText('note') };
    }),
  };
}

/** An agreement of the file: the draft input (its styrdokument by external id) and its lifecycle. */
export function agreementOf(record: JsonReader, municipalityCode: string) {
  const input: Omit<AgreementDraftInput, 'steeringDocumentIds'> = {
    title: record.text('title'),
    municipalityCode,
    ...policePartyOf(record),
    validFrom: record.optionalDate('validFrom'),
    validTo: record.optionalDate('validTo'),
    purpose: record.optionalText('purpose'),
    goals: record.optionalText('goals'),
    followUp: record.optionalText('followUp'),
    focusAreas: record.list('focusAreas').map(({ item, path }) => {
      const area = JsonReader.of(item, path, ['code', 'title', 'description']);
      return { code: area.text('code'), title: area.text('title'), description: area.optionalText('description') };
    }),
    ...documentsOf(record),
  };
  return { input, steeringDocuments: record.texts('steeringDocuments'), lifecycle: lifecycleOf(record) };
}

/** A medborgarlöfte of the file: the draft input (its agreement by external id) and its lifecycle. */
export function citizenPromiseOf(record: JsonReader, municipalityCode: string) {
  const { localPoliceAreaIds: areas, ...unit } = policePartyOf(record);
  if (areas.length > 1) throw new RecordFormatError(record.at('policeParty'), 'a medborgarlöfte names one lokalpolisområde (localPoliceArea).');
  const input: Omit<CitizenPromiseDraftInput, 'agreementId'> = {
    title: record.text('title'),
    municipalityCode,
    localPoliceAreaId: areas[0] ?? null,
    ...unit,
    validFrom: record.optionalDate('validFrom'),
    validTo: record.optionalDate('validTo'),
    focusAreaCodes: record.texts('focusAreas'),
    promises: record.list('promises').map(({ item, path }) => {
      const promise = JsonReader.of(item, path, ['text', 'targetCount']);
      return { text: promise.text('text'), targetCount: promise.optionalNumber('targetCount') };
    }),
    ...documentsOf(record),
  };
  return { input, agreement: record.optionalText('agreement'), lifecycle: lifecycleOf(record) };
}

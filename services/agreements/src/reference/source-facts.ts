/**
 * The sources' other facts about the kommuner's work: a medborgarlöfte a kommun commissioned, a
 * programme (styrdokument) on its way, and dated steps (milstolpar), planned or past, each quoted
 * from its source (`shared/sources/`). Nothing is inferred: a planned step is not marked done.
 */
import type { DatePrecision, MilestoneKind } from '../generated/prisma/client';
import { KSAU_2019_SOURCE_TITLE, type SourceSeed, type SteeringDocumentSeed } from './agreements';

const KSAU_2019: SourceSeed = { title: KSAU_2019_SOURCE_TITLE, publishedOn: '2019-02-25' };
const KSAU = 'Kommunstyrelsens arbetsutskott (KSAU)';

export interface CitizenPromiseSeed {
  seedKey: string;
  title: string;
  municipalityCode: string;
  state: 'COMMISSIONED';
  /** The agreement's seed key it belongs to. */
  agreementSeedKey: string | null;
  localPoliceAreaId: string | null;
  policePartyName: string | null;
  decidedOn: string | null;
  decidedBy: string | null;
  focusAreaCodes: string[];
  promises: { text: string; targetCount: number | null }[];
  sources: SourceSeed[];
}

export const citizenPromiseSeeds: readonly CitizenPromiseSeed[] = [
  {
    seedKey: 'lund-2019-medborgarlofte-ostra',
    title: 'Medborgarlöfte om polisiär närvaro i de östra kommundelarna',
    municipalityCode: '1281',
    state: 'COMMISSIONED',
    agreementSeedKey: 'lund-2019',
    // "initiera ett medborgarlöfte med polisen": the text names no police unit.
    localPoliceAreaId: null,
    policePartyName: 'polisen',
    decidedOn: '2019-02-25',
    decidedBy: KSAU,
    focusAreaCodes: ['SAFE_PUBLIC_SPACE'],
    promises: [{ text: 'Polisiär närvaro i de östra kommundelarna', targetCount: null }],
    sources: [
      {
        ...KSAU_2019,
        note: 'Commissioned, not signed: "Dock ville politikerna i KSAU betona vikten av polisiär närvaro i de östra kommundelarna och gav därför kommunkontoret i uppdrag att initiera ett medborgarlöfte med polisen." No text of the promise is known.',
      },
    ],
  },
];

/** Styrdokument a source names that no agreement refers to. */
export const steeringDocumentSeeds: readonly (SteeringDocumentSeed & { municipalityCode: string })[] = [
  {
    seedKey: 'lund-trygghetsprogram',
    municipalityCode: '1281',
    title: 'Program för trygghet och säkerhet',
    kind: 'Program',
    periodStartYear: null,
    periodEndYear: null,
    // Sent for consultation on 2019-02-25; the sources do not say it was adopted.
    adoptedOn: null,
    adoptedBy: null,
  },
];

export interface MilestoneSeed {
  seedKey: string;
  municipalityCode: string;
  /** What it is a step of, by seed key: an agreement, a medborgarlöfte or a styrdokument. */
  agreementSeedKey: string | null;
  citizenPromiseSeedKey: string | null;
  steeringDocumentSeedKey: string | null;
  kind: MilestoneKind;
  title: string;
  planned: boolean;
  /** The day; for MONTH precision the last day of the month. */
  on: string;
  precision: DatePrecision;
  body: string | null;
  sourceTitle: string;
  sourcePublishedOn: string | null;
  note: string | null;
}

const PRESS_2024 = { sourceTitle: 'Lunds kommun och Polisen samarbetar för ökad trygghet och minskad brottslighet', sourcePublishedOn: '2024-03-11' };
const OF_LUND_2024 = { municipalityCode: '1281', agreementSeedKey: 'lund-2024', citizenPromiseSeedKey: null, steeringDocumentSeedKey: null };
const OF_PROGRAMME = { municipalityCode: '1281', agreementSeedKey: null, citizenPromiseSeedKey: null, steeringDocumentSeedKey: 'lund-trygghetsprogram' };

export const milestoneSeeds: readonly MilestoneSeed[] = [
  {
    seedKey: 'lund-2024-nulagesanalys',
    ...OF_LUND_2024,
    kind: 'SITUATION_ANALYSIS',
    title: 'Nulägesanalys, baserad på de senaste fem årens utveckling, presenteras',
    planned: true,
    on: '2023-08-31',
    precision: 'MONTH',
    body: null,
    ...PRESS_2024,
    note: 'The article: "Denna analys kommer att presenteras senast i augusti 2023". It dates the analysis before the agreement itself (signed 2024-02-14), as printed; the agreement text gives no date for it.',
  },
  {
    seedKey: 'lund-2024-atgardsplan',
    ...OF_LUND_2024,
    kind: 'ACTION_PLAN',
    title: 'Åtgärdsplan presenteras för kommunstyrelsen',
    planned: true,
    on: '2024-12-31',
    precision: 'MONTH',
    body: 'Kommunstyrelsen',
    ...PRESS_2024,
    note: 'The article: "varefter en detaljerad åtgärdsplan ska utarbetas och presenteras för kommunstyrelsen senast i december 2024".',
  },
  {
    seedKey: 'lund-trygghetsprogram-uppdrag',
    ...OF_PROGRAMME,
    kind: 'COMMISSIONED',
    title: 'Kommunstyrelsen beslutar att ett program för trygghet och säkerhet ska tas fram',
    planned: false,
    on: '2018-05-31',
    precision: 'MONTH',
    body: 'Kommunstyrelsen',
    sourceTitle: KSAU_2019.title,
    sourcePublishedOn: KSAU_2019.publishedOn,
    note: 'The text: "ett program för trygghet och säkerhet som kommunstyrelsen i maj 2018 beslutade skulle tas fram".',
  },
  {
    seedKey: 'lund-trygghetsprogram-remiss',
    ...OF_PROGRAMME,
    kind: 'CONSULTATION',
    title: 'Programmet skickas på remiss till nämnder, bolag och andra organisationer',
    planned: false,
    on: '2019-02-25',
    precision: 'DAY',
    body: KSAU,
    sourceTitle: KSAU_2019.title,
    sourcePublishedOn: KSAU_2019.publishedOn,
    note: 'The text: "KSAU beslutade under mötet att skicka programmet för trygghet och säkerhet på remiss till kommunens nämnder och bolag samt till andra relevanta organisationer."',
  },
];

import type { IndicatorUnit, SurveyMode } from '../generated/prisma/client';

/**
 * The survey instruments, rounds and results the hub starts with, from public facts. Each says
 * where its facts come from; what a source does not state is left empty.
 */

export interface InstrumentSeed {
  code: string;
  name: string;
  organiser: string;
  policeRegionCode: string | null;
  firstYear: number | null;
  units: IndicatorUnit[];
  description: string;
  source: string;
}

const SYD_SOURCE = 'Polisregion Syd: trygghetsmätningen (metod och redovisning), 2025';

export const instrumentSeeds: readonly InstrumentSeed[] = [
  {
    code: 'POLISEN_SYD',
    name: 'Polisens trygghetsmätning i polisregion Syd',
    organiser: 'Polisregion Syd',
    policeRegionCode: 'SYD',
    firstYear: 1999,
    units: ['INDEX_0_6', 'PERCENT'],
    description:
      'Årlig enkät till boende 16–85 år i regionens 58 kommuner, på papper eller webben och på fem språk. Redovisar ett problemindex 0–6 per fråga, per delområde och totalt per kommun och lokalpolisområde, samt andelar i procent.',
    source: SYD_SOURCE,
  },
  {
    code: 'POLISEN_STOCKHOLM',
    name: 'Polisens trygghetsmätning i polisregion Stockholm',
    organiser: 'Polisregion Stockholm',
    policeRegionCode: 'STOCKHOLM',
    firstYear: null,
    units: ['PERCENT'],
    description: 'Enkät april–juni; redovisar andelar i procent per lokalpolisområde och kommun.',
    source: 'Polisregion Stockholm: trygghetsmätningen (redovisning)',
  },
  {
    code: 'BRA_NTU',
    name: 'Nationella trygghetsundersökningen (NTU)',
    organiser: 'Brå',
    policeRegionCode: null,
    firstYear: null,
    units: ['PERCENT'],
    description: 'Brås årliga undersökning med cirka 200 000 i urvalet; redovisar per polisregion, polisområde och lokalpolisområde, inte per kommun.',
    source: 'Brå: Nationella trygghetsundersökningen (om undersökningen)',
  },
];

export interface SurveyRoundSeed {
  instrumentCode: string;
  year: number;
  fieldingNote: string | null;
  modes: SurveyMode[];
  languageCount: number | null;
  ageFrom: number | null;
  ageTo: number | null;
  sampleSize: number | null;
  source: string;
  /** When its results were reported, where a source says; with MONTH precision the month's last day. */
  reportedOn: string | null;
  reportedPrecision: 'DAY' | 'MONTH' | 'YEAR' | null;
}

const TRELLEBORG_SOURCE =
  'Polisregion Syd: trygghetsmätning 2019, lokalpolisområde Trelleborg (totalt problemindex 2019: 1,78 och 2018: 1,63; n = 1 884 anges en gång, här för 2019)';

const bareRound = { fieldingNote: null, modes: [], languageCount: null, ageFrom: null, ageTo: null, sampleSize: null, reportedOn: null, reportedPrecision: null } as const;

/** Lunds kommun, 2019-02-25: the source of the November 2018 report and what it says of Lund. */
export const LUND_KSAU_2019 = { title: 'Lund höjer ambitionen i trygghet- och säkerhetsarbetet', publishedOn: '2019-02-25' };

export const surveyRoundSeeds: readonly SurveyRoundSeed[] = [
  {
    instrumentCode: 'POLISEN_SYD',
    year: 2018,
    ...bareRound,
    modes: [],
    // "den senaste trygghetsmätningen från november 2018 som polisen tagit fram" (read here as this round).
    reportedOn: '2018-11-30',
    reportedPrecision: 'MONTH',
    source: `${TRELLEBORG_SOURCE}; ${LUND_KSAU_2019.title} (Lunds kommun, ${LUND_KSAU_2019.publishedOn}): reported in November 2018`,
  },
  { instrumentCode: 'POLISEN_SYD', year: 2019, ...bareRound, modes: [], source: TRELLEBORG_SOURCE },
  {
    instrumentCode: 'POLISEN_SYD',
    year: 2023,
    fieldingNote: 'Utskick i augusti; kan besvaras under 8 veckor',
    modes: ['POST', 'WEB'],
    languageCount: null, // "på olika språk": the text does not say how many
    ageFrom: null,
    ageTo: null,
    sampleSize: null,
    reportedOn: null,
    reportedPrecision: null,
    source: 'Burlövs kommun: Ny överenskommelse med Polisen (2023), "Polisens trygghetsmätning"',
  },
  {
    instrumentCode: 'POLISEN_SYD',
    year: 2025,
    fieldingNote: 'Utskick i mitten av augusti; öppen cirka två månader',
    modes: ['POST', 'WEB'],
    languageCount: 5,
    ageFrom: 16,
    ageTo: 85,
    sampleSize: 87_600,
    reportedOn: null,
    reportedPrecision: null,
    source: SYD_SOURCE,
  },
];

export interface PublishedResultSeed {
  instrumentCode: string;
  year: number;
  indicatorCode: string;
  localPoliceAreaId: string;
  value: number;
  respondents: number | null;
}

/** Published results: lokalpolisområde Trelleborg's total problem index (source: the 2018 and 2019 rounds). */
export const publishedResultSeeds: readonly PublishedResultSeed[] = [
  { instrumentCode: 'POLISEN_SYD', year: 2018, indicatorCode: 'PROBLEM_INDEX', localPoliceAreaId: 'trelleborg', value: 1.63, respondents: null},
  { instrumentCode: 'POLISEN_SYD', year: 2019, indicatorCode: 'PROBLEM_INDEX', localPoliceAreaId: 'trelleborg', value: 1.78, respondents: 1884},
];

export interface SurveyFindingSeed {
  seedKey: string;
  instrumentCode: string;
  year: number;
  municipalityCode: string;
  /** The statement, quoted from the source; no values are read into it. */
  text: string;
  sourceTitle: string;
  sourcePublishedOn: string | null;
}

/** What sources say of a kommun's results in words, where they give no values. */
export const surveyFindingSeeds: readonly SurveyFindingSeed[] = [
  {
    seedKey: 'lund-2018-polisen-syd',
    instrumentCode: 'POLISEN_SYD',
    year: 2018,
    municipalityCode: '1281',
    text: 'Enligt den senaste trygghetsmätningen från november 2018 som polisen tagit fram uppfattas Lund som en förhållandevis trygg kommun och Lund har väldigt bra siffror i jämförelse med andra kommuner i polisregion Syd.',
    sourceTitle: LUND_KSAU_2019.title,
    sourcePublishedOn: LUND_KSAU_2019.publishedOn,
  },
];

/**
 * The first real åtgärder, as the public source documents state them (`shared/sources/`). What a
 * text does not state (a date, a later status) is left out, never guessed. Each cites its source.
 */
import type { ActionOrigin, ActionStatus, AgreementLink, ResponsibleKind } from '../generated/prisma/client';

export interface ActionSeed {
  seedKey: string;
  municipalityCode: string;
  title: string;
  description: string;
  focusAreaCode: string | null;
  origin: ActionOrigin | null;
  /** For AGREEMENT / CITIZEN_PROMISE: the id of the record in the agreements subgraph. */
  originKey: string | null;
  /** The agreement it belongs to (its id in the agreements subgraph), and how the source links the two. */
  agreementId: string | null;
  agreementLink: AgreementLink | null;
  place: string | null;
  method: string | null;
  status: ActionStatus;
  startsOn: string | null;
  endsOn: string | null;
  responsible: { kind: ResponsibleKind; name: string; lead: boolean }[];
  source: { title: string; publishedOn: string | null };
}

const LUND_2019 = { title: 'Lund höjer ambitionen i trygghet- och säkerhetsarbetet', publishedOn: '2019-02-25' };
const LANDSKRONA = { title: 'Landskrona först i landet med avtal mellan kommun och polis', publishedOn: null };
const BURLOV = { title: 'Ny överenskommelse med Polisen och ny lagstiftning för att stärka det trygghetsskapande arbetet', publishedOn: null };
const LUND_KOMMUN = { kind: 'MUNICIPAL_DEPARTMENT' as const, name: 'Lunds kommun', lead: true };
const LANDSKRONA_KOMMUN = { kind: 'MUNICIPAL_DEPARTMENT' as const, name: 'Landskrona kommun', lead: false };
const NARPOLISEN = { kind: 'POLICE' as const, name: 'Närpolisen i Landskrona', lead: true };
const YEAR_2009 = { startsOn: '2009-01-01', endsOn: '2009-12-31' };
const NO_DATES = { startsOn: null, endsOn: null };
const landskronaAgreement = { origin: 'AGREEMENT' as const, originKey: 'landskrona-2009', agreementId: 'landskrona-2009', agreementLink: 'STATED' as const };
/** Decided at the KSAU meeting (2019-02-25) that approved the 2019 agreement; the text does not say it comes from the agreement. */
const LUND_2019_SAME_DECISION = { agreementId: 'lund-2019', agreementLink: 'SAME_DECISION' as const };
/** "Sedan tidigare har KSAU beslutat": decided earlier, presented with the 2019 agreement among the same measures. */
const LUND_2019_SAME_PACKAGE = { agreementId: 'lund-2019', agreementLink: 'SAME_PACKAGE' as const };
const NO_AGREEMENT = { agreementId: null, agreementLink: null };

export const actionSeeds: readonly ActionSeed[] = [
  {
    seedKey: 'lund-2019-ordningsvakter',
    municipalityCode: '1281',
    title: 'Ordningsvakter i ett §3-område runt Lunds central',
    description:
      'Kommunen ansöker hos polisen om att bilda ett §3-område runt Lunds central, Clemenstorget, Bantorget och Knut den Stores torg för att ha ordningsvakter som arbetar förebyggande, är synliga och skapar goda relationer, som ett komplement till polisens insatser.',
    focusAreaCode: 'SAFE_PUBLIC_SPACE',
    origin: null,
    originKey: null,
    ...LUND_2019_SAME_DECISION,
    place: 'Lunds central, Clemenstorget, Bantorget och Knut den Stores torg',
    method: 'ordningsvakter',
    status: 'PLANNED',
    ...NO_DATES,
    responsible: [LUND_KOMMUN],
    source: LUND_2019,
  },
  {
    seedKey: 'lund-2019-kameror-klostergarden',
    municipalityCode: '1281',
    title: 'Kamerabevakning på Klostergården',
    description: 'KSAU har beslutat att ansöka om tillstånd att sätta upp övervakningskameror på Klostergården.',
    focusAreaCode: 'SAFE_PUBLIC_SPACE',
    origin: null,
    originKey: null,
    ...LUND_2019_SAME_PACKAGE,
    place: 'Klostergården',
    method: 'kamerabevakning',
    status: 'PLANNED',
    ...NO_DATES,
    responsible: [LUND_KOMMUN],
    source: LUND_2019,
  },
  {
    seedKey: 'lund-2019-mark-dna',
    municipalityCode: '1281',
    title: 'Märk-DNA på fler ställen i kommunen',
    description: 'KSAU har beslutat att utöka användningen av Märk-DNA till fler ställen i kommunen.',
    focusAreaCode: 'VOLUME_CRIME',
    origin: null,
    originKey: null,
    ...LUND_2019_SAME_PACKAGE,
    place: null,
    method: 'märk-DNA',
    status: 'PLANNED',
    ...NO_DATES,
    responsible: [LUND_KOMMUN],
    source: LUND_2019,
  },
  {
    seedKey: 'lund-2019-medborgarlofte-ostra',
    municipalityCode: '1281',
    title: 'Medborgarlöfte om polisiär närvaro i de östra kommundelarna',
    description: 'KSAU gav kommunkontoret i uppdrag att initiera ett medborgarlöfte med polisen om polisiär närvaro i de östra kommundelarna.',
    focusAreaCode: 'SAFE_PUBLIC_SPACE',
    origin: 'CITIZEN_PROMISE',
    // The medborgarlöfte KSAU commissioned (agreements subgraph), which belongs to the 2019 agreement.
    originKey: 'lund-2019-medborgarlofte-ostra',
    ...NO_AGREEMENT,
    place: 'De östra kommundelarna',
    method: 'polisiär närvaro',
    status: 'PLANNED',
    ...NO_DATES,
    responsible: [
      { kind: 'MUNICIPAL_DEPARTMENT', name: 'Kommunkontoret, Lunds kommun', lead: true },
      { kind: 'POLICE', name: 'Lokalpolisområde Lund', lead: false },
    ],
    source: LUND_2019,
  },
  {
    seedKey: 'landskrona-2009-familjeinsatser',
    municipalityCode: '1282',
    title: 'Insatser för hela familjen kring särskilt brottsaktiva ungdomar',
    description:
      'För familjer med särskilt brottsaktiva ungdomar ska insatser riktade till hela familjen sättas in. Pilotprojekt med fem familjer tillsammans med andra parter, med utgångspunkt i samarbetet mellan polis, kommun och åklagare (SÅP).',
    focusAreaCode: 'CHILDREN_YOUTH',
    ...landskronaAgreement,
    place: null,
    method: 'familjeinsatser',
    status: 'PLANNED',
    ...NO_DATES,
    responsible: [
      { kind: 'MUNICIPAL_DEPARTMENT', name: 'Landskrona kommun', lead: true },
      { kind: 'POLICE', name: 'Polisen i Landskrona', lead: false },
      { kind: 'OTHER', name: 'Åklagare (SÅP)', lead: false },
    ],
    source: LANDSKRONA,
  },
  {
    seedKey: 'landskrona-2009-illegala-krogar',
    municipalityCode: '1282',
    title: 'Arbete mot illegala krogar',
    description: 'Polisen ska identifiera illegala krogar och tillsammans med kommunen vidta åtgärder för att förhindra verksamheten, i det förebyggande arbetet mot främst våld i offentlig miljö och droger.',
    focusAreaCode: 'SAFE_PUBLIC_SPACE',
    ...landskronaAgreement,
    place: null,
    method: 'tillsyn',
    status: 'PLANNED',
    ...NO_DATES,
    responsible: [{ kind: 'POLICE', name: 'Polisen i Landskrona', lead: true }, LANDSKRONA_KOMMUN],
    source: LANDSKRONA,
  },
  {
    seedKey: 'landskrona-2009-ungdomsforum',
    municipalityCode: '1282',
    title: 'Ungdomsforum',
    description:
      'Polisen och kommunen ska utifrån konceptet från polisen i Stockholm starta ett ungdomsforum: en plats för direkt kontakt mellan vuxna och ungdomar, för ungdomars tankar och idéer och för att överföra normer och värderingar.',
    focusAreaCode: 'CHILDREN_YOUTH',
    ...landskronaAgreement,
    place: null,
    method: 'ungdomsforum',
    status: 'PLANNED',
    ...NO_DATES,
    responsible: [{ kind: 'POLICE', name: 'Polisen i Landskrona', lead: true }, LANDSKRONA_KOMMUN],
    source: LANDSKRONA,
  },
  {
    seedKey: 'landskrona-2009-synlig-polis',
    municipalityCode: '1282',
    title: 'Ökad synlighet för närpolisen',
    description: 'Under 2009 ska närpolisen i Landskrona sträva efter ökad och så stor synlighet som möjligt.',
    focusAreaCode: 'SAFE_PUBLIC_SPACE',
    ...landskronaAgreement,
    place: null,
    method: 'polisiär närvaro',
    status: 'PLANNED',
    ...YEAR_2009,
    responsible: [NARPOLISEN],
    source: LANDSKRONA,
  },
  {
    seedKey: 'landskrona-2009-myndighetssamverkan',
    municipalityCode: '1282',
    title: 'Myndighetsövergripande arbete mot kriminell livsstil',
    description:
      'Genom ett myndighetsövergripande samarbete ska arbetet inledas mot dem som valt en kriminell livsstil, t.ex. genom att utnyttja systemet, bidragsfusk och svartjobb.',
    focusAreaCode: 'ORGANISED_CRIME',
    ...landskronaAgreement,
    place: null,
    method: 'myndighetssamverkan',
    status: 'PLANNED',
    ...NO_DATES,
    responsible: [{ kind: 'POLICE', name: 'Polisen i Landskrona', lead: true }, LANDSKRONA_KOMMUN],
    source: LANDSKRONA,
  },
  {
    seedKey: 'landskrona-2009-kontaktpolis',
    municipalityCode: '1282',
    title: 'Kontaktpolis i varje högstadie- och gymnasieskola',
    description: 'Under 2009 ska högstadie- och gymnasieskolor få en särskilt utsedd kontaktpolis, för enklare, rakare och bättre kontaktvägar mellan skola och polis.',
    focusAreaCode: 'CHILDREN_YOUTH',
    ...landskronaAgreement,
    place: 'Högstadie- och gymnasieskolor i Landskrona',
    method: 'kontaktpolis i skolan',
    status: 'PLANNED',
    ...YEAR_2009,
    responsible: [NARPOLISEN],
    source: LANDSKRONA,
  },
  {
    seedKey: 'landskrona-2009-foraldrastod',
    municipalityCode: '1282',
    title: 'Föräldrastöd',
    description: 'Barn- och ungdomsförvaltningen ska erbjuda föräldrastöd, t.ex. föräldratelefon och öppen rådgivning, för att stärka föräldrarna i sin föräldraroll.',
    focusAreaCode: 'CHILDREN_YOUTH',
    ...landskronaAgreement,
    place: null,
    method: 'föräldrastöd',
    status: 'PLANNED',
    ...NO_DATES,
    responsible: [{ kind: 'MUNICIPAL_DEPARTMENT', name: 'Barn- och ungdomsförvaltningen, Landskrona kommun', lead: true }],
    source: LANDSKRONA,
  },
  {
    seedKey: 'landskrona-2009-orosamtal',
    municipalityCode: '1282',
    title: 'Orosamtal',
    description: 'Fortsatt arbete med metoden orosamtal, som mobiliserar ungdomen och dess föräldrar i ett tidigt stadium.',
    focusAreaCode: 'CHILDREN_YOUTH',
    ...landskronaAgreement,
    place: null,
    method: 'orosamtal',
    status: 'ONGOING',
    ...NO_DATES,
    responsible: [{ kind: 'MUNICIPAL_DEPARTMENT', name: 'Landskrona kommun', lead: true }, { kind: 'POLICE', name: 'Polisen i Landskrona', lead: false }],
    source: LANDSKRONA,
  },
  {
    seedKey: 'landskrona-2009-negativa-grupperingar',
    municipalityCode: '1282',
    title: 'Splittra negativa grupperingar',
    description: 'Under 2009 ska kommun och polis arbeta för att splittra de negativa grupperingar som finns i Landskrona, för att minska rekryteringen till en kriminell livsstil.',
    focusAreaCode: 'CHILDREN_YOUTH',
    ...landskronaAgreement,
    place: 'Landskrona',
    method: null,
    status: 'PLANNED',
    ...YEAR_2009,
    responsible: [LANDSKRONA_KOMMUN, { kind: 'POLICE', name: 'Polisen i Landskrona', lead: true }],
    source: LANDSKRONA,
  },
  {
    seedKey: 'burlov-medborgarhuset-tisdagar',
    municipalityCode: '1231',
    title: 'Kommunpolisen i Medborgarhuset varje tisdag',
    description: 'Burlövs kommunpolis har på prov varit tillgänglig i Medborgarhuset varje tisdag sedan i mars. Nu ska insatsen utvärderas.',
    focusAreaCode: 'SAFE_PUBLIC_SPACE',
    origin: null,
    originKey: null,
    ...NO_AGREEMENT,
    place: 'Medborgarhuset, Burlöv',
    method: 'polisiär närvaro',
    status: 'ONGOING',
    ...NO_DATES,
    responsible: [{ kind: 'POLICE', name: 'Burlövs kommunpolis', lead: true }],
    source: BURLOV,
  },
];

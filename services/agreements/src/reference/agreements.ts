/**
 * The first real records: agreements and their parts as the public source documents state them
 * (`shared/sources/`). Where a text does not state a fact, it is left out (null), never guessed.
 * Each record carries its sources.
 */
import type { CommitmentKind, Party } from '../generated/prisma/client';

export interface SourceSeed {
  title: string;
  publishedOn: string | null;
  url?: string;
  note?: string;
}

export interface SteeringDocumentSeed {
  seedKey: string;
  title: string;
  kind: string | null;
  periodStartYear: number | null;
  periodEndYear: number | null;
  adoptedOn: string | null;
  adoptedBy: string | null;
}

export interface AgreementSeed {
  seedKey: string;
  title: string;
  municipalityCode: string;
  localPoliceAreaIds: string[];
  validFrom: string | null;
  validTo: string | null;
  signedOn: string | null;
  approvedBy: string | null;
  /** The day it was decided and by whom, where the source says; the start where nothing else is stated. */
  decidedOn: string | null;
  decidedBy: string | null;
  /** The police party as the source names it, where it is no registered unit. */
  policePartyName: string | null;
  /** The kommun's claim to be the first in Sweden, quoted, and who made it. */
  firstInSwedenClaim: string | null;
  firstInSwedenClaimedBy: string | null;
  purpose: string | null;
  goals: string | null;
  followUp: string | null;
  /** The seedKey of the agreement this one took over from. */
  previousSeedKey: string | null;
  signatories: { name: string; title: string; party: Party }[];
  focusAreas: { code: string; title: string; description: string | null }[];
  steeringDocuments: SteeringDocumentSeed[];
  /** What the agreement commits the parties to, quoted. */
  commitments: { kind: CommitmentKind; intervalMonths: number | null; text: string }[];
  sources: SourceSeed[];
}

export const KSAU_2019_SOURCE_TITLE = 'Lund höjer ambitionen i trygghet- och säkerhetsarbetet';
const UNCLAIMED = { firstInSwedenClaim: null, firstInSwedenClaimedBy: null } as const;

export const LUND_2024_SOURCE: SourceSeed = {
  title: 'Samverkansöverenskommelse mellan Lunds kommun och Lokalpolisområde Lund 2024 - 2027',
  publishedOn: '2024-02-14',
  note: 'Giltighetstid: "i fyra år under perioden 2024–2027"; the text gives years, read here as 2024-01-01 to 2027-12-31.',
};

export const agreementSeeds: readonly AgreementSeed[] = [
  {
    seedKey: 'lund-2019',
    title: 'Överenskommelse mellan Lunds kommun och Lokalpolisområde Lund',
    municipalityCode: '1281',
    localPoliceAreaIds: ['lund'],
    validFrom: null,
    validTo: null,
    signedOn: null,
    approvedBy: 'Kommunstyrelsens arbetsutskott (KSAU), 2019-02-25',
    decidedOn: '2019-02-25',
    decidedBy: 'Kommunstyrelsens arbetsutskott (KSAU)',
    policePartyName: null,
    ...UNCLAIMED,
    purpose: 'Överenskommelsen är det övergripande dokument som slår fast att kommunen och polisen ska samverka.',
    goals: null,
    followUp: null,
    previousSeedKey: null,
    signatories: [],
    focusAreas: [],
    steeringDocuments: [],
    commitments: [],
    sources: [
      {
        title: KSAU_2019_SOURCE_TITLE,
        publishedOn: '2019-02-25',
        note: 'Decided at KSAU\'s meeting that day: "KSAU beslutade också att godkänna förslaget till överenskommelse mellan Lunds kommun och Lokalpolisområde Lund." The text gives no signing day and no period.',
      },
    ],
  },
  {
    seedKey: 'lund-2024',
    title: 'Samverkansöverenskommelse mellan Lunds kommun och Lokalpolisområde Lund 2024–2027',
    municipalityCode: '1281',
    localPoliceAreaIds: ['lund'],
    validFrom: '2024-01-01',
    validTo: '2027-12-31',
    signedOn: '2024-02-14',
    approvedBy: null,
    decidedOn: null,
    decidedBy: null,
    policePartyName: null,
    ...UNCLAIMED,
    purpose: 'Syftet med denna samverkansöverenskommelse är att främja, utveckla och fördjupa samarbetet mellan kommun och polis.',
    goals: 'Målet är att skapa en ökad upplevd trygghet och minskad brottslighet för de människor som bor, verkar eller vistas i Lunds kommun.',
    followUp:
      'Alla åtgärder följs även upp inom ramen för framtagen åtgärdsplan, i separata medborgarlöften och handlingsplan samt via polisens årliga trygghetsmätningar.',
    previousSeedKey: 'lund-2019',
    signatories: [
      { name: 'Anders Almgren', title: 'Kommunstyrelsens ordförande i Lund', party: 'MUNICIPALITY' },
      { name: 'Anna-Karin Boije', title: 'Lokalpolisområdeschef i Lund', party: 'POLICE' },
    ],
    focusAreas: [
      {
        code: 'SAFE_PUBLIC_SPACE',
        title: 'Trygghetsskapande åtgärder',
        description:
          'Syftet är att Lundaborna och de som vistas i Lund (oavsett kön, ålder, etniskt ursprung, funktionsnedsättning, sexuell läggning eller trostillhörighet) skall känna sig trygga då de vistas i det offentliga rummet. Detta såväl som i det egna bostadsområdet som i centrum med dess nöjesliv. Platsens utformning har betydelse för Lundaborns känsla av trygghet. En plats där folklivet är naturligt upplevs ofta som trygg och trivsamt med informell kontroll. En trygg plats är t.ex. en plats utan nedskräpning, skadegörelse och klotter. En trygg plats är en plats med stor vuxennärvaro och polisiär synlighet. En trygg plats skapas i samarbete mellan boende, fastighetsägare/-förvaltare, polis, kommun och andra aktörer inom området och bidrar till att fler påverkar arbetet för ett tryggare offentligt rum, så väl inomhus som utomhus.',
      },
      {
        code: 'CHILDREN_YOUTH',
        title: 'Barn och unga',
        description:
          'Ungdomars delaktighet i samhället är brottsförebyggande och därför är det av största vikt att ungdomars åsikter och förslag tas emot och behandlas med respekt. Genom att se och bekräfta barns och ungas behov och tillsammans arbeta aktivt för inkludering och meningsfull sysselsättning under såväl skoltid som lovledighet, vill Lunds kommun lägga grunden för ett brett brottsförebyggande arbete. Vidare skall vi även tillsammans försvåra rekryteringen till kriminella och våldsbejakande miljöer samt erbjuda stöd för att lämna dessa.',
      },
      {
        code: 'ANDTS',
        title: 'Alkohol, narkotika, doping, tobak och spel om pengar (ANDTS)',
        description:
          'Samverkan och gemensamma insatser syftar till att förebygga och minska alkohol- och drogrelaterade brott och skador. Nyrekryteringen av unga missbrukare ska minimeras. Val av samverkans- och informationsmetoder görs alltid tillsammans, och i dialog, mellan t ex socialtjänst, polisen, skolor, fritidspersonal, föreningar etc.',
      },
      {
        code: 'DOMESTIC_VIOLENCE',
        title: 'Brott i nära relation',
        description:
          'Våld i nära relation omfattar allt våld mot närstående vuxna och barn samt barn som bevittnar våld och förtryck. Våld i nära relation domineras av mäns våld mot kvinnor. Lunds kommun har en antagen plan för att förebygga och bekämpa våld i nära relationer, hedersrelaterat våld och förtryck samt prostitution och människohandel för sexuella ändamål. Syftet är att förebygga och minska våldet i nära relationer samt att synliggöra problematiken.',
      },
      {
        code: 'ELDERLY',
        title: 'Brott mot äldre personer',
        description:
          'Äldre är oftast mer otrygga än yngre, trots att de, generellt sett, är mindre utsatta för brott än befolkningen i övrigt. Under de senare åren har bedrägeribrotten ökat markant och målgruppen äldre är särskilt utsatta. Detta påverkar äldres trygghet negativt. Genom gemensamt fokus på kommunikations- och informationsinsatser till äldre, om hur man kan skydda sig mot brott, är den förväntade effekten att äldre blir tryggare och utsatta för färre brott.',
      },
    ],
    steeringDocuments: [
      {
        seedKey: 'lund-vbe-2021',
        title: 'Lunds kommuns handlingsplan mot våldsbejakande extremism (VBE) 2021–2024',
        kind: 'Handlingsplan',
        periodStartYear: 2021,
        periodEndYear: 2024,
        adoptedOn: '2021-06-02',
        adoptedBy: 'Kommunstyrelsen (KS)',
      },
      {
        seedKey: 'lund-sig',
        title:
          'Samverkansdokument för arbetsmetoden Social Insatsgrupp för att motverka ungdomskriminalitet samt våldsbejakande extremism i samverkan mellan Lunds kommun och Lokalpolisområde Lund',
        kind: 'Samverkansdokument',
        periodStartYear: null,
        periodEndYear: null,
        adoptedOn: null,
        adoptedBy: null,
      },
      {
        seedKey: 'lund-vnr-2023',
        title:
          'Plan för att förebygga och bekämpa våld i nära relationer, hedersrelaterat våld och förtryck samt prostitution och människohandel för sexuella ändamål i Lunds kommun 2023–2027',
        kind: 'Plan',
        periodStartYear: 2023,
        periodEndYear: 2027,
        adoptedOn: null,
        adoptedBy: null,
      },
      {
        seedKey: 'lund-andts-2023',
        title: 'Handlingsplan mot ANDTS (alkohol, narkotika, dopning, tobak och spel) i Lunds kommun år 2023–2025',
        kind: 'Handlingsplan',
        periodStartYear: 2023,
        periodEndYear: 2025,
        adoptedOn: null,
        adoptedBy: null,
      },
    ],
    commitments: [
      {
        kind: 'JOINT_SITUATION_REPORT',
        intervalMonths: 24,
        text: 'minst vartannat år, ta fram en gemensam lägesbild som grund för det gemensamma brottsförebyggande och trygghetsskapande arbetet. I lägesbilden ska brottsligheten inom kommunens geografiska område kartläggas och orsakerna analyseras.',
      },
      {
        kind: 'ACTION_PLAN',
        intervalMonths: null,
        text: 'med utgångspunkt i lägesbilden ta fram och besluta om en åtgärdsplan som beskriver vilka åtgärder som kommunen avser att vidta för att förebygga brott samt vem som ansvarar för att genomföra beslutade åtgärder. Åtgärdsplanen är ett levande dokument som kommer att revideras utifrån behov.',
      },
    ],
    sources: [
      LUND_2024_SOURCE,
      {
        title: 'Lunds kommun och Polisen samarbetar för ökad trygghet och minskad brottslighet',
        publishedOn: '2024-03-11',
        note: 'The article names Ulrika Olsson, acting chief of lokalpolisområde Lund, as the police signatory; the agreement text names Anna-Karin Boije.',
      },
    ],
  },
  {
    seedKey: 'burlov-2023',
    title: 'Samverkansöverenskommelse mellan Burlövs kommun och Polisen 2023–2026',
    municipalityCode: '1231',
    localPoliceAreaIds: ['burlov'],
    validFrom: '2023-07-01',
    validTo: '2026-12-31',
    signedOn: null,
    approvedBy: null,
    decidedOn: null,
    decidedBy: null,
    policePartyName: null,
    ...UNCLAIMED,
    purpose: null,
    goals:
      'De övergripande målen för det gemensamma arbetet är att minska brottsligheten som både privatpersoner och företag utsätts för, samt öka den upplevda tryggheten.',
    followUp: 'Varje fokusområde har ett antal olika aktiviteter som specificeras i en åtgärdsplan.',
    previousSeedKey: null,
    signatories: [
      { name: 'Sara Vestering', title: 'Kommunstyrelsens ordförande', party: 'MUNICIPALITY' },
      { name: 'Freddy Nilsson', title: 'Lokalpolisområdeschef', party: 'POLICE' },
    ],
    focusAreas: [
      { code: 'CHILDREN_YOUTH', title: 'Genom preventiva åtgärder förebygga att ungdomar hamnar i drogberoende, kriminalitet och utanförskap', description: null },
      { code: 'DOMESTIC_VIOLENCE', title: 'Förebygga och minska våld i nära relation och våld mot barn', description: null },
      { code: 'VOLUME_CRIME', title: 'Öka känslan av trygghet och förebygga mängdbrott', description: null },
    ],
    steeringDocuments: [],
    commitments: [],
    sources: [{ title: 'Ny överenskommelse med Polisen och ny lagstiftning för att stärka det trygghetsskapande arbetet', publishedOn: null, note: 'Burlövs kommun; the page gives no publication date.' }],
  },
  {
    seedKey: 'landskrona-2009',
    title: 'Överenskommelse mellan Landskrona kommun och Polisen i Landskrona',
    municipalityCode: '1282',
    // The source's police party is "närpolisen i Landskrona", no lokalpolisområde: its name, no unit.
    localPoliceAreaIds: [],
    validFrom: null,
    validTo: null,
    signedOn: null,
    approvedBy: 'Kommunstyrelsens arbetsutskott (KSau)',
    // "Idag har ett enigt KSau … ställt sig bakom den överenskommelse": the text has no date.
    decidedOn: null,
    decidedBy: 'Kommunstyrelsens arbetsutskott (KSau)',
    policePartyName: 'Närpolisen i Landskrona',
    firstInSwedenClaim: 'Landskrona blir med överenskommelsen först i landet med att teckna ett avtal mellan kommunen och polisen',
    firstInSwedenClaimedBy: 'Torkild Strandberg, kommunstyrelsens ordförande',
    purpose: 'Överenskommelsen gör inte anspråk på att täcka alla områden, utan är en prioritering av de uppgifter som vi bedömer vara viktigast under kommande år.',
    goals: null,
    followUp: null,
    previousSeedKey: null,
    signatories: [],
    focusAreas: [
      { code: 'CHILDREN_YOUTH', title: 'Ungdomar i riskzon', description: null },
      { code: 'CHILDREN_YOUTH', title: 'Normer och värderingar', description: null },
      { code: 'SAFE_PUBLIC_SPACE', title: 'Tryggheten i offentlig miljö', description: null },
    ],
    steeringDocuments: [],
    commitments: [],
    sources: [
      {
        title: 'Landskrona först i landet med avtal mellan kommun och polis',
        publishedOn: null,
        note: 'The kommun\'s chair says it is the first such agreement in Sweden ("först i landet"); its actions are planned for 2009. The text gives no date of signing or decision. The police party is "närpolisen i Landskrona" (närpolischef Boel Håkansson).',
      },
    ],
  },
];

import type { SourceValues } from '../organisation/state';

/*
 * The police organisation the sources support, and nothing more: three lokalpolisområden, each
 * fact with the source it rests on. No source names a polisområde, so none is shipped. Every other
 * kommun has no registered lokalpolisområde until an administrator imports one.
 */

export interface AreaReference {
  id: string;
  name: string;
  policeRegionCode: string;
  /** False where no source names the area: its name is the hub's. */
  nameStated: boolean;
  municipalityCodes: string[];
  sources: SourceValues[];
}

export const localPoliceAreaReferences: readonly AreaReference[] = [
  {
    id: 'lund',
    name: 'Lokalpolisområde Lund',
    policeRegionCode: 'SYD',
    nameStated: true,
    municipalityCodes: ['1281'],
    sources: [
      {
        title: 'Lund höjer ambitionen i trygghet- och säkerhetsarbetet',
        publishedOn: '2019-02-25',
        url: null,
        note: 'KSAU approves the "överenskommelse mellan Lunds kommun och Lokalpolisområde Lund".',
        attestsOn: '2019-02-25',
      },
      {
        title: 'Samverkansöverenskommelse mellan Lunds kommun och Lokalpolisområde Lund 2024 - 2027',
        publishedOn: '2024-02-14',
        url: null,
        note: 'The title names the area; signed by the "Lokalpolisområdeschef i Lund".',
        attestsOn: '2024-02-14',
      },
    ],
  },
  {
    id: 'burlov',
    name: 'Lokalpolisområde Burlöv',
    policeRegionCode: 'SYD',
    nameStated: false,
    municipalityCodes: ['1231'],
    sources: [
      {
        title: 'Ny överenskommelse med Polisen och ny lagstiftning för att stärka det trygghetsskapande arbetet',
        publishedOn: null,
        url: null,
        note: 'Burlövs kommun (2023): signed by "Lokalpolisområdeschef Freddy Nilsson"; the text does not name the area, so its name here is the hub\'s.',
        attestsOn: null,
      },
    ],
  },
  {
    id: 'trelleborg',
    name: 'Lokalpolisområde Trelleborg',
    policeRegionCode: 'SYD',
    nameStated: true,
    municipalityCodes: ['1263', '1287', '1233'],
    sources: [
      {
        title: 'Polisregion Syd: trygghetsmätning 2019, lokalpolisområde Trelleborg',
        publishedOn: null,
        url: null,
        note: 'As the surveys subgraph cites it: LPO Trelleborg covers Svedala, Trelleborg and Vellinge. The report itself is not in the hub\'s source archive.',
        attestsOn: null,
      },
    ],
  },
];

/**
 * A unit no source supports, kept only while records still refer to it: Landskrona's 2009 police
 * party was "närpolisen i Landskrona", not a lokalpolisområde. The seed creates it only while an
 * agreement (stored or in the reference records) names it, and never gives it a source.
 */
export const heldForReferences: readonly Omit<AreaReference, 'sources'>[] = [
  { id: 'landskrona', name: 'Lokalpolisområde Landskrona', policeRegionCode: 'SYD', nameStated: true, municipalityCodes: ['1282'] },
];

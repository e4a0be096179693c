/**
 * The lokalpolisområden the hub knows: those its first real records need (agreements, survey
 * results). Shared, because the agreements subgraph serves them and the surveys subgraph checks
 * the areas of imported results against them. Each entry says where its facts come from; add an
 * area here (with its source) before importing its results.
 */
export interface LocalPoliceAreaFact {
  /** Stable id (the key of `LocalPoliceArea`). */
  id: string;
  /** Name as Polisen writes it. */
  name: string;
  policeRegionCode: string;
  /** SCB codes of the kommuner the area covers. */
  municipalityCodes: string[];
  /** Where the facts come from. */
  source: string;
}

export const localPoliceAreas: readonly LocalPoliceAreaFact[] = [
  {
    id: 'lund',
    name: 'Lokalpolisområde Lund',
    policeRegionCode: 'SYD',
    municipalityCodes: ['1281'],
    source: 'Samverkansöverenskommelse mellan Lunds kommun och Lokalpolisområde Lund 2024–2027 (2024-02-14)',
  },
  {
    id: 'burlov',
    name: 'Lokalpolisområde Burlöv',
    policeRegionCode: 'SYD',
    municipalityCodes: ['1231'],
    source:
      'Burlövs kommun: Ny överenskommelse med Polisen (2023), signed by the lokalpolisområdeschef; the text does not name the area, so its name here is the kommun\'s',
  },
  {
    id: 'landskrona',
    name: 'Lokalpolisområde Landskrona',
    policeRegionCode: 'SYD',
    municipalityCodes: ['1282'],
    source: 'Landskrona först i landet med avtal mellan kommun och polis (närpolisen i Landskrona)',
  },
  {
    id: 'trelleborg',
    name: 'Lokalpolisområde Trelleborg',
    policeRegionCode: 'SYD',
    municipalityCodes: ['1263', '1287', '1233'],
    source: 'Polisregion Syd trygghetsmätning: LPO Trelleborg covers Svedala, Trelleborg and Vellinge',
  },
];

const localPoliceAreaById = new Map(localPoliceAreas.map((area) => [area.id, area]));

/** The lokalpolisområde with this id, or undefined. */
export function findLocalPoliceArea(id: string): LocalPoliceAreaFact | undefined {
  return localPoliceAreaById.get(id);
}

import { findLocalPoliceArea, findMunicipality, isPoliceRegionCode, type OrganisationSnapshot, policeRegions } from '@samverkan/geo';
import type { AreaLevel, SurveyResult } from '../generated/prisma/client';

/** The code of the whole country as an area (Kolada writes 0000; the hub writes SE). */
export const COUNTRY_CODE = 'SE';

/** An area a result is for, with the geography the comparisons filter on. */
export interface ResultArea {
  level: AreaLevel;
  /** SE, a polisregion code, a lokalpolisområde id, or a kommun code (also for a delområde). */
  code: string;
  /** The delområde's name for SUB_AREA; empty otherwise. */
  subAreaName: string;
  municipalityCode: string | null;
  policeRegionCode: string | null;
  countyCode: string | null;
}

/** A lokalpolisområde's results area, in the region its source gives (no check against the organisation). */
export function localPoliceAreaArea(code: string, policeRegionCode: string): ResultArea {
  return { level: 'LOCAL_POLICE_AREA', code, subAreaName: '', municipalityCode: null, policeRegionCode, countyCode: null };
}

/**
 * Checks an area against the shared geography and the police organisation (the agreements
 * subgraph's, as this subgraph keeps it) and fills in its kommun, län and polisregion.
 * Returns the area, or the reason it is not one (in words a person importing a file understands).
 */
export function resolveArea(organisation: OrganisationSnapshot, level: AreaLevel, code: string, subAreaName = ''): ResultArea | string {
  const none = { subAreaName: '', municipalityCode: null, policeRegionCode: null, countyCode: null };
  switch (level) {
    case 'COUNTRY':
      return code === COUNTRY_CODE ? { level, code, ...none } : `the country's area code is ${COUNTRY_CODE}, not "${code}"`;
    case 'POLICE_REGION':
      return isPoliceRegionCode(code)
        ? { level, code, ...none, policeRegionCode: code }
        : `"${code}" is not a polisregion code (${policeRegions.map((region) => region.code).join(', ')})`;
    case 'LOCAL_POLICE_AREA': {
      const area = findLocalPoliceArea(organisation, code);
      if (!area) return `"${code}" is not a lokalpolisområde the hub has registered (see \`localPoliceAreas\`; an administrator registers it with importPoliceOrganisation first)`;
      return localPoliceAreaArea(code, area.policeRegionCode);
    }
    case 'MUNICIPALITY':
    case 'SUB_AREA': {
      const municipality = findMunicipality(code);
      if (!municipality) return `"${code}" is not a kommun code (four digits, e.g. 1281)`;
      const name = subAreaName.trim();
      if (level === 'SUB_AREA' && !name) return 'a delområde needs its name (column area_name)';
      return {
        level,
        code,
        subAreaName: level === 'SUB_AREA' ? name : '',
        municipalityCode: code,
        policeRegionCode: municipality.policeRegionCode,
        countyCode: municipality.countyCode,
      };
    }
  }
}

/** The area a result is for, named. */
export interface AreaLabel {
  level: AreaLevel;
  code: string;
  name: string;
  subAreaName: string | null;
  municipalityCode: string | null;
  policeRegionCode: string | null;
}

/** Names a result's area from the shared geography and the police organisation (a lokalpolisområde it does not have keeps its id as its name). */
export function labelOf(result: Pick<SurveyResult, 'areaLevel' | 'areaCode' | 'subAreaName' | 'municipalityCode' | 'policeRegionCode'>, organisation: OrganisationSnapshot): AreaLabel {
  const base = {
    level: result.areaLevel,
    code: result.areaCode,
    subAreaName: result.subAreaName || null,
    municipalityCode: result.municipalityCode,
    policeRegionCode: result.policeRegionCode,
  };
  switch (result.areaLevel) {
    case 'COUNTRY':
      return { ...base, name: 'Sverige' };
    case 'POLICE_REGION':
      return { ...base, name: `Polisregion ${policeRegions.find((r) => r.code === result.areaCode)?.name ?? result.areaCode}` };
    case 'LOCAL_POLICE_AREA':
      return { ...base, name: findLocalPoliceArea(organisation, result.areaCode)?.name ?? result.areaCode };
    case 'MUNICIPALITY':
      return { ...base, name: findMunicipality(result.areaCode)?.name ?? result.areaCode };
    case 'SUB_AREA':
      return { ...base, name: `${result.subAreaName} (${findMunicipality(result.areaCode)?.name ?? result.areaCode})` };
  }
}

import { builder } from '../builder';
import type { AreaLabel } from '../results/areas';

/* Områden: the areas results are for, and the agreements subgraph's areas they refer to. */

export const AreaLevelEnum = builder.enumType('AreaLevel', {
  description: 'Områdesnivå: the kind of area a result is for.',
  values: {
    COUNTRY: { description: 'Riket: the whole country.' },
    POLICE_REGION: { description: 'Polisregion.' },
    LOCAL_POLICE_AREA: { description: 'Lokalpolisområde (LPO).' },
    MUNICIPALITY: { description: 'Kommun.' },
    SUB_AREA: { description: 'Delområde: a named part of a kommun (a district, a town).' },
  } as const,
});

/** Kommun, owned by the agreements subgraph; `municipality.ts` adds its survey results. */
export const MunicipalityRef = builder.externalRef('Municipality', builder.selection<{ code: string }>('code'));
/** Lokalpolisområde, owned by the agreements subgraph; `local-police-area.ts` adds its survey results. */
export const LocalPoliceAreaRef = builder.externalRef('LocalPoliceArea', builder.selection<{ id: string }>('id'));

/** The kommun of an area (a kommun or a delområde), as a reference the gateway resolves. */
export function municipalityOf(area: { municipalityCode: string | null }): { code: string } | null {
  return area.municipalityCode ? { code: area.municipalityCode } : null;
}

export const SurveyArea = builder.objectRef<AreaLabel>('SurveyArea').implement({
  description: 'Område: the area a result is for: the country, a polisregion, a lokalpolisområde, a kommun or a delområde.',
  fields: (t) => ({
    level: t.field({ type: AreaLevelEnum, description: 'Nivå.', resolve: (a) => a.level }),
    code: t.exposeString('code', { description: 'Kod: SE, a polisregion code, a lokalpolisområde id, or the kommun code (also of a delområde).' }),
    name: t.exposeString('name', { description: 'Namn, e.g. "Lund", "Lokalpolisområde Trelleborg", "Klostergården (Lund)".' }),
    subAreaName: t.exposeString('subAreaName', { nullable: true, description: 'Delområdets namn, for a delområde.' }),
    municipality: t.field({
      type: MunicipalityRef,
      nullable: true,
      description: 'Kommun: the kommun, for a kommun or a delområde.',
      resolve: municipalityOf,
    }),
    localPoliceArea: t.field({
      type: LocalPoliceAreaRef,
      nullable: true,
      description: 'Lokalpolisområde, for a result at that level.',
      resolve: (a) => (a.level === 'LOCAL_POLICE_AREA' ? { id: a.code } : null),
    }),
    policeRegionCode: t.exposeString('policeRegionCode', { nullable: true, description: 'Polisregion the area lies in (null for the country).' }),
  }),
});

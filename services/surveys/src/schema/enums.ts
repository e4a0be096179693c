import { builder } from '../builder';

/* The enums of this subgraph. */

export const IndicatorUnitEnum = builder.enumType('IndicatorUnit', {
  description: 'Enhet: the unit of an indicator\'s values.',
  values: {
    INDEX_0_6: { description: 'Problemindex 0–6: 0 = hardly a problem, 6 = an alarming problem.' },
    PERCENT: { description: 'Procent 0–100: a share of the respondents.' },
  } as const,
});

export const IndicatorDirectionEnum = builder.enumType('IndicatorDirection', {
  description: 'Riktning: whether a higher value is worse or better (ranks put the best first).',
  values: {
    HIGHER_IS_WORSE: { description: 'Högre är sämre (problems, unsafety, worry, victimisation).' },
    HIGHER_IS_BETTER: { description: 'Högre är bättre (confidence in the police, reporting rate).' },
  } as const,
});

export const IndicatorCategoryEnum = builder.enumType('IndicatorCategory', {
  description: 'Kategori: what an indicator measures.',
  values: {
    PROBLEMS: { description: 'Problem: how big local problems are felt to be.' },
    UNSAFETY: { description: 'Otrygghet: feeling unsafe.' },
    VICTIMISATION: { description: 'Utsatthet: having been a victim of crime, and reporting it.' },
    CONFIDENCE_IN_POLICE: { description: 'Förtroende för polisen.' },
    WORRY: { description: 'Oro: worry about crime.' },
  } as const,
});

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

export const SurveyModeEnum = builder.enumType('SurveyMode', {
  description: 'Svarssätt: how respondents can answer.',
  values: {
    POST: { description: 'Papper, per post.' },
    WEB: { description: 'Webben.' },
  } as const,
});

export const ResultOriginEnum = builder.enumType('ResultOrigin', {
  description: 'Ursprung: whether a value was published, or made up as demo data.',
  values: {
    PUBLISHED: { description: 'Publicerat: published by the survey\'s owner (imported or from the sources).' },
    DEMO: { description: 'DEMO: made up by the demo data generator; plausible, not real.' },
  } as const,
});

export const ExportFormatEnum = builder.enumType('ExportFormat', {
  description: 'Filformat of an export.',
  values: {
    CSV: { description: 'CSV (commas, decimal points, UTF-8).' },
    XLSX: { description: 'Excel workbook.' },
  } as const,
});

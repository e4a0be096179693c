import { LocalPoliceAreaRef } from './survey-area';
import { areaResultsField } from './survey-result';

/* Lokalpolisområde (the agreements subgraph's): its survey results. */

LocalPoliceAreaRef.implement({
  externalFields: (t) => ({ id: t.id({ description: 'Id of the lokalpolisområde, e.g. "trelleborg".' }) }),
  fields: (t) => ({
    surveyResults: t.field(
      areaResultsField(
        'LOCAL_POLICE_AREA',
        (area: { id: string }) => area.id,
        'Resultat: the lokalpolisområde\'s trygghetsmätning results, by year; filtered by indicator and years.',
      ),
    ),
  }),
});


/**
 * The national catalogue of fokusområden, shared by every subgraph (agreements map their areas to
 * it; actions and survey results refer to it by code). Agreements name their areas in their own words; each is
 * mapped to one of these stable codes so that analysts can compare kommuner.
 */
export interface FocusAreaSeed {
  code: string;
  name: string;
  description: string;
}

export const focusAreaCatalogue: readonly FocusAreaSeed[] = [
  { code: 'SAFE_PUBLIC_SPACE', name: 'Trygg offentlig miljö', description: 'Trygghetsskapande åtgärder i det offentliga rummet: platsens utformning, närvaro, ordning och synlighet.' },
  { code: 'CHILDREN_YOUTH', name: 'Barn och unga', description: 'Förebygga att barn och unga hamnar i kriminalitet och utanförskap; försvåra rekrytering till kriminella miljöer.' },
  { code: 'ANDTS', name: 'ANDTS', description: 'Alkohol, narkotika, dopning, tobak och spel om pengar.' },
  { code: 'DOMESTIC_VIOLENCE', name: 'Brott i nära relation', description: 'Våld i nära relation, inklusive våld mot barn och hedersrelaterat våld och förtryck.' },
  { code: 'ELDERLY', name: 'Brott mot äldre', description: 'Brott mot äldre personer, bland annat bedrägerier, och äldres trygghet.' },
  { code: 'VOLUME_CRIME', name: 'Mängdbrott', description: 'Vanligt förekommande brott som stölder, inbrott och skadegörelse.' },
  { code: 'VIOLENT_EXTREMISM', name: 'Våldsbejakande extremism', description: 'Förebygga och motverka våldsbejakande extremism.' },
  { code: 'TRAFFIC', name: 'Trafik', description: 'Trafiksäkerhet och trafikbrott.' },
  { code: 'ORGANISED_CRIME', name: 'Organiserad brottslighet', description: 'Kriminella nätverk, organiserad brottslighet och otillåten påverkan.' },
];

const focusAreaCodes = new Set(focusAreaCatalogue.map((area) => area.code));

/** Whether `code` is in the fokusområde catalogue. */
export function isFocusAreaCode(code: string): boolean {
  return focusAreaCodes.has(code);
}

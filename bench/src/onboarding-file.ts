/**
 * A generated onboarding file (docs/onboarding-import.md) for the national acceptance run: for each
 * of the first N kommuner, one agreement (two fokusområden, signatories, a source), one
 * medborgarlöfte linked to it and M actions that come from the agreement. Made-up records, marked as
 * such in their titles. Run: `node bench/dist/onboarding-file.js OUT.json [N=290] [M=20]`, then
 * `npm run onboard -- OUT.json --token "$(npm run -s token -- --role admin)"`.
 */
import { municipalities } from '@samverkan/geo';
import fs from 'node:fs';

/** Kommuner a lokalpolisområde of the reference data covers: their police party is that area; the others' is their polisregion. */
const REFERENCE_AREAS: Readonly<Record<string, string>> = { '1281': 'lund', '1231': 'burlov', '1263': 'trelleborg', '1287': 'trelleborg', '1233': 'trelleborg' };

const FOCUS_AREAS = ['SAFE_PUBLIC_SPACE', 'CHILDREN_YOUTH', 'ELDERLY', 'ANDTS', 'DOMESTIC_VIOLENCE'];

/** Options of {@link onboardingFile}. */
export interface OnboardingFileOptions {
  /** How many kommuner, in SCB order. @default 290 */
  kommuner?: number;
  /** Actions per kommun. @default 20 */
  actionsPerKommun?: number;
  /** The agreements' first day; they run four years (after the reference data's, so that signed ones do not overlap). @default 2028-01-01 */
  validFrom?: string;
}

/** The police party of a kommun's generated records. */
export function policePartyOf(code: string): Record<string, string> {
  const area = REFERENCE_AREAS[code];
  if (area) return { localPoliceArea: area };
  const kommun = municipalities.find((m) => m.code === code);
  return { policeRegion: kommun!.policeRegionCode };
}

/** The generated file as a value (JSON.stringify it to write it). */
export function onboardingFile(options: OnboardingFileOptions = {}) {
  const validFrom = options.validFrom ?? '2028-01-01';
  const year = Number(validFrom.slice(0, 4));
  const validTo = `${year + 3}-12-31`;
  return {
    format: 'samverkan-onboarding/1',
    municipalities: municipalities.slice(0, options.kommuner ?? 290).map((kommun, index) => ({
      code: kommun.code,
      agreements: [
        {
          externalId: `avtal-${year}`,
          title: `Samverkansöverenskommelse ${kommun.name} ${year}–${year + 3} (genererad)`,
          policeParty: policePartyOf(kommun.code),
          validFrom,
          validTo,
          signedOn: `${year - 1}-12-15`,
          state: 'SIGNED',
          purpose: `Ett tryggare ${kommun.name}.`,
          focusAreas: [0, 1].map((offset) => {
            const code = FOCUS_AREAS[(index + offset) % FOCUS_AREAS.length]!;
            return { code, title: `Fokus ${code.toLowerCase()}` };
          }),
          signatories: [
            { name: `Kommunstyrelsens ordförande i ${kommun.name}`, title: 'Kommunstyrelsens ordförande', party: 'MUNICIPALITY' },
            { name: `Polischef för ${kommun.name}`, title: 'Lokalpolisområdeschef', party: 'POLICE' },
          ],
          sources: [{ title: `Genererad testfil för ${kommun.name}`, publishedOn: `${year - 1}-12-15` }],
        },
      ],
      citizenPromises: [
        {
          externalId: `ml-${year}`,
          agreement: `avtal-${year}`,
          title: `Medborgarlöfte ${kommun.name} ${year} (genererat)`,
          policeParty: policePartyOf(kommun.code),
          validFrom,
          validTo: `${year}-12-31`,
          state: 'SIGNED',
          signedOn: `${year - 1}-12-15`,
          promises: [{ text: `Trygghetsvandringar i ${kommun.name} varje kvartal.`, targetCount: 4 }],
        },
      ],
      actions: Array.from({ length: options.actionsPerKommun ?? 20 }, (_, n) => ({
        externalId: `a-${n + 1}`,
        title: `Åtgärd ${n + 1} i ${kommun.name} (genererad)`,
        origin: { agreement: `avtal-${year}` },
        focusArea: FOCUS_AREAS[(index + n) % FOCUS_AREAS.length],
        status: n % 3 === 0 ? 'ONGOING' : 'PLANNED',
        place: `Plats ${n + 1}`,
        responsible: [
          { kind: 'MUNICIPAL_DEPARTMENT', name: `${kommun.name} kommun`, lead: true },
          { kind: 'POLICE', name: 'Polisen' },
        ],
      })),
    })),
  };
}

if (require.main === module) {
  const [out, kommuner, actions] = process.argv.slice(2);
  if (!out) {
    console.error('usage: node bench/dist/onboarding-file.js OUT.json [kommuner=290] [actions per kommun=20]');
    process.exit(2);
  }
  fs.writeFileSync(out, `${JSON.stringify(onboardingFile({ kommuner: Number(kommuner ?? 290), actionsPerKommun: Number(actions ?? 20) }), null, 1)}\n`);
  console.log(`${out}: written`);
}

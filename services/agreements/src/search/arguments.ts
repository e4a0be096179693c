import { badInput, municipalityCodesMatching } from '@samverkan/schema';

/*
 * The arguments of `search`, checked, and the id of a search result that carries them: the actions
 * subgraph adds its hits to the same result and reads the arguments back from that id (and checks
 * them again, by the same rules, in its own src/search/arguments.ts).
 */

/** The most characters a search text may have. */
export const SEARCH_TEXT_MAX = 200;
/** How many hits of each kind a search returns, unless `first` says otherwise; and the most it may ask. */
export const SEARCH_FIRST_DEFAULT = 20;
export const SEARCH_FIRST_MAX = 100;

/** What a search asks, checked and in canonical form (the id encodes exactly this). */
export interface SearchArguments {
  text: string;
  municipality: string | null;
  policeRegion: string | null;
  first: number;
}

/** The arguments as given. */
export interface SearchArgumentsInput {
  text: string;
  municipality?: string | null;
  policeRegion?: string | number | null;
  first?: number | null;
}

/** Checks the arguments (BAD_USER_INPUT naming the argument) and puts them in canonical form. */
export function searchArguments(input: SearchArgumentsInput): SearchArguments {
  const text = input.text.trim();
  if (text.length > SEARCH_TEXT_MAX) throw badInput(`The search text is longer than ${SEARCH_TEXT_MAX} characters.`, { argument: 'text' });
  const first = input.first ?? SEARCH_FIRST_DEFAULT;
  if (!Number.isInteger(first) || first < 1 || first > SEARCH_FIRST_MAX) throw badInput(`\`first\` must be between 1 and ${SEARCH_FIRST_MAX}, got ${first}.`, { argument: 'first' });
  const municipality = input.municipality ?? null;
  const policeRegion = input.policeRegion == null ? null : String(input.policeRegion);
  // Checks both codes (one message each, naming the argument); their kommuner are found again when searching.
  municipalityCodesMatching({ policeRegion, municipalities: municipality == null ? null : [municipality] });
  return { text, municipality, policeRegion, first };
}

/** The kommuner a search is limited to: those matching both `municipality` and `policeRegion`; null for the whole country. */
export function searchScope(args: SearchArguments): string[] | null {
  if (args.municipality == null && args.policeRegion == null) return null;
  return municipalityCodesMatching({ policeRegion: args.policeRegion, municipalities: args.municipality == null ? null : [args.municipality] });
}

/** The id of a search's result: base64url of its canonical arguments as JSON. */
export function encodeSearchId(args: SearchArguments): string {
  return Buffer.from(JSON.stringify([args.text, args.municipality, args.policeRegion, args.first])).toString('base64url');
}

/** The arguments a result's id carries, checked again; BAD_USER_INPUT when it is not such an id. */
export function decodeSearchId(id: string): SearchArguments {
  let value: unknown = null;
  try {
    value = JSON.parse(Buffer.from(id, 'base64url').toString('utf8'));
  } catch {
    // Not JSON: refused below like any other malformed id.
  }
  const [text, municipality, policeRegion, first] = Array.isArray(value) && value.length === 4 ? value : [];
  const nullOrString = (part: unknown): part is string | null => part === null || typeof part === 'string';
  if (typeof text !== 'string' || !nullOrString(municipality) || !nullOrString(policeRegion) || typeof first !== 'number') {
    throw badInput('Not the id of a search result: take it from `search`.', { argument: 'id' });
  }
  return searchArguments({ text, municipality, policeRegion, first });
}

/**
 * The words of a search text as a tsquery that takes them literally: each run of letters and digits
 * is a word, everything else (tsquery's operators, LIKE's wildcards, quotes) only separates words.
 * Each word is a prefix, so that "kamera" finds "kamerabevakning" (Swedish compounds), and every
 * word must match. Empty when the text has no words.
 */
export function prefixQuery(text: string): string {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).map((word) => `${word}:*`).join(' & ');
}

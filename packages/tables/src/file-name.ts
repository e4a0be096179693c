/** Text as a part of a file name: ASCII letters and digits, å ä ö as a a o, everything else a single `-`. */
export function fileNamePart(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Today in Sweden as YYYY-MM-DD (the day the hub takes when a table's day is left out). */
export function swedishToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A file name of parts (parts that are no text or number, or empty, left out) and an extension. */
export function fileNameOf(parts: readonly (string | number | boolean | null | undefined)[], extension: string): string {
  const name = parts
    .filter((part): part is string | number => typeof part === 'string' || typeof part === 'number')
    .map((part) => fileNamePart(String(part)))
    .filter(Boolean)
    .join('-');
  return `${name || 'tabell'}.${extension}`;
}

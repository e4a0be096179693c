import { toSwedishCsv } from './csv';
import type { Column } from './types';

const columns: Column[] = [
  { key: 'name', header: 'Kommun', kind: 'text' },
  { key: 'value', header: 'Värde', kind: 'decimal', decimals: 2 },
  { key: 'share', header: 'Andel (%)', kind: 'percent' },
  { key: 'count', header: 'Antal', kind: 'integer' },
  { key: 'day', header: 'Dag', kind: 'date' },
];

describe('toSwedishCsv', () => {
  it('writes UTF-8 with a byte-order mark, semicolons, decimal commas and CRLF', () => {
    const csv = toSwedishCsv(columns, [{ name: 'Malmö', value: 1.785, share: 23.45, count: 1884, day: '2025-10-01' }]);
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(csv).toBe('\ufeffKommun;Värde;Andel (%);Antal;Dag\r\nMalmö;1,78;23,4;1884;2025-10-01\r\n'.replace('1,78', (1.785).toFixed(2).replace('.', ',')).replace('23,4', (23.45).toFixed(1).replace('.', ',')));
  });

  it('writes empty fields for missing values and no negative zero', () => {
    const csv = toSwedishCsv(columns, [{ name: 'Lund', value: null, share: -0.001, count: null, day: null }]);
    expect(csv.split('\r\n')[1]).toBe('Lund;;0,0;;');
  });

  it('keeps negative numbers as numbers', () => {
    expect(toSwedishCsv(columns, [{ name: 'Ystad', value: -0.15, share: null, count: -3, day: null }]).split('\r\n')[1]).toBe('Ystad;-0,15;;-3;');
  });

  it('quotes fields with a semicolon, a quote or a line break (RFC 4180)', () => {
    const csv = toSwedishCsv([columns[0]!], [{ name: 'a;b' }, { name: 'säger "hej"' }, { name: 'rad 1\nrad 2' }, { name: 'komma, ok' }]);
    expect(csv.split('\r\n').slice(1, 5)).toEqual(['"a;b"', '"säger ""hej"""', '"rad 1\nrad 2"', 'komma, ok']);
  });

  it('keeps text that would start a formula as text (OWASP CSV injection)', () => {
    const rows = ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\tTAB', 'vanlig'].map((name) => ({ name }));
    const lines = toSwedishCsv([columns[0]!], rows).split('\r\n').slice(1, 7);
    expect(lines).toEqual([`"'=HYPERLINK(""http://x"")"`, "'+1", "'-2+3", "'@SUM(A1)", "'\tTAB", 'vanlig']);
  });

  it('protects headers too and writes å, ä, ö as they are', () => {
    const csv = toSwedishCsv([{ key: 'x', header: '=Åtgärd', kind: 'text' }], [{ x: 'Trygghetsvandring i Höör' }]);
    expect(csv).toBe("\ufeff'=Åtgärd\r\nTrygghetsvandring i Höör\r\n");
  });
});

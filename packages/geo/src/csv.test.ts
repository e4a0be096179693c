import { parseCsv, parseCsvLines, parseCsvRecords } from './csv';

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks, and CRLF line ends', () => {
    expect(parseCsv('a,b\r\n"x, y","he said ""hej"""\r\n"två\nrader",z\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'he said "hej"'],
      ['två\nrader', 'z'],
    ]);
  });

  it('tells the line each row starts on, past blank lines and quoted line breaks, with ; as delimiter', () => {
    expect(parseCsvLines('a;b\n\n"två\nrader";1,5\r\nx;y', ';')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: ['två\nrader', '1,5'] },
      { line: 5, fields: ['x', 'y'] },
    ]);
  });

  it('counts a line break inside a quoted field once, whether CRLF, LF or CR', () => {
    expect(parseCsvLines('a,b\r\n"1\r\n2\n3",d\r\ne,f\r\r\ng,h\r"4\r5",i').map((row) => row.line)).toEqual([1, 2, 5, 7, 8]);
  });

  it('keeps a quote inside an unquoted field, ignores a byte order mark, and lets rows differ in length', () => {
    expect(parseCsv('\ufeffa,b\n3" rör,x\n1\n1,2,3')).toEqual([['a', 'b'], ['3" rör', 'x'], ['1'], ['1', '2', '3']]);
    expect(parseCsv('')).toEqual([]);
  });

  it('refuses a quoted field that is never closed, naming the line its row starts on', () => {
    expect(() => parseCsvLines('a,b\nc,d\n\n"open,x\ny,z\n')).toThrow('A quoted field in the row from line 3 on is never closed');
  });

  it('reads records keyed by the header, a short row filled with empty fields', () => {
    expect(parseCsvRecords('code,name\n01,Stockholms län\n03\n')).toEqual([{ code: '01', name: 'Stockholms län' }, { code: '03', name: '' }]);
  });
});

import { ImportFileError } from '@samverkan/schema';
import { checkOrganisationFile } from './csv-format';
import { HEADER } from './testing/files';

describe('checking an organisation file row by row', () => {
  it('reads each kind and refuses a row by line and column', () => {
    const checked = checkOrganisationFile([
      HEADER,
      'district,syd-test,Polisområde Test,SYD,,,2018-09-01,,Testkälla,2018-08-01,https://example.org/,,',
      'link,test-lpo,,,1287,true,,,Testkälla,,,,',
      'lpo,test-lpo,Lokalpolisområde Test,syd-test,1287,,,,Testkälla,,,,', // 4: a kommun on an lpo row
      'link,test-lpo,,,1287,ja,,,Testkälla,,,,', // 5: part neither true nor false
      'link,test-lpo,,,1287,,2026-02-30,,Testkälla,,,,', // 6: no such day
      'succession,test-lpo,,test-lpo-2,,,,,Testkälla,,,,', // 7: a succession needs its day
      'lpo,Test LPO,Lokalpolisområde Test,SYD,,,,,Testkälla,,,,', // 8: not an id
      'lpo,test-lpo,Lokalpolisområde Test,SYD,,,,,,,,,', // 9: no source
      'lpo,test-lpo,Lokalpolisområde Test,SYD', // 10: too few fields
    ].join('\n'));
    expect(checked.records.map((r) => [r.line, r.kind, r.part, r.validFrom, r.source.publishedOn])).toEqual([[2, 'district', false, '2018-09-01', '2018-08-01'], [3, 'link', true, null, null]]);
    expect(checked.refused.map((r) => [r.line, r.column])).toEqual([
      [4, 'municipality_code'], [5, 'part'], [6, 'valid_from'], [7, 'valid_from'], [8, 'id'], [9, 'source_title'], [10, undefined],
    ]);
    expect(checked.refused[2]!.reason).toBe('"2026-02-30" is not a date: 2026-02 has 28 days');
  });

  it('refuses a file without its required columns whole', () => {
    expect(() => checkOrganisationFile('record,id\nlpo,x')).toThrow(new ImportFileError('Missing column(s) source_title: every file needs record, id, source_title.'));
  });
});

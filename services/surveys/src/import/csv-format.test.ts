import { snapshotOfAreas } from '@samverkan/geo';
import { checkResultsFile, type ImportCatalogue, ImportFileError, parseDecimal } from './csv-format';

const catalogue: ImportCatalogue = {
  organisation: snapshotOfAreas([{ id: 'trelleborg', name: 'Lokalpolisområde Trelleborg', policeRegionCode: 'SYD', municipalityCodes: ['1263', '1287', '1233'] }]),
  instruments: new Map([
    ['POLISEN_SYD', { units: ['INDEX_0_6', 'PERCENT'] as const, policeRegionCode: 'SYD', firstYear: 1999, demo: false }],
    ['POLISEN_STOCKHOLM', { units: ['PERCENT'] as const, policeRegionCode: 'STOCKHOLM', firstYear: null, demo: false }],
    ['DEMO_VAST', { units: ['INDEX_0_6'] as const, policeRegionCode: 'VAST', firstYear: null, demo: true }],
  ]),
  indicators: new Map([
    ['PROBLEM_INDEX', { unit: 'INDEX_0_6' as const }],
    ['UNSAFE_OUTDOORS', { unit: 'PERCENT' as const }],
  ]),
  lastYear: 2025,
};

const HEADER = 'instrument,year,indicator,level,area,area_name,value,n,ci_low,ci_high';

describe('checking a results file', () => {
  it('accepts good rows at every level and says why each bad row is refused, by line', () => {
    const file = [
      HEADER,
      'POLISEN_SYD,2019,PROBLEM_INDEX,lokalpolisområde,trelleborg,Lokalpolisområde Trelleborg,1.78,1884,,',
      'POLISEN_SYD,2019,PROBLEM_INDEX,kommun,1281,,"1,42",612,1.30,1.55',
      'POLISEN_SYD,2019,PROBLEM_INDEX,delområde,1281,Klostergården,2.1,,,',
      'POLISEN_SYD,2019,PROBLEM_INDEX,polisregion,SYD,,1.7,,,',
      'POLISEN_SYD,2019,PROBLEM_INDEX,kommun,1281,,7.2,,,', // 6: outside 0–6
      'POLISEN_SYD,2019,UNSAFE_OUTDOORS,kommun,1281,,101,,,', // 7: outside 0–100
      'POLISEN_STOCKHOLM,2019,PROBLEM_INDEX,kommun,0180,,1.5,,,', // 8: unit the instrument does not use
      'POLISEN_SYD,2019,PROBLEM_INDEX,kommun,0180,,1.5,,,', // 9: a Stockholm kommun in Syd's survey
      'POLISEN_SYD,2019,PROBLEM_INDEX,kommun,9999,,1.5,,,', // 10: no such kommun
      'NTU,2019,PROBLEM_INDEX,kommun,1281,,1.5,,,', // 11: unknown instrument
      'POLISEN_SYD,1998,PROBLEM_INDEX,kommun,1281,,1.5,,,', // 12: before the instrument existed
      'POLISEN_SYD,2019,PROBLEM_INDEX,kommun,1281,,1.5,,,', // 13: duplicate of line 3
      'POLISEN_SYD,2019,PROBLEM_INDEX,kommun,1281,,en och en halv,,,', // 14: not a number
      'POLISEN_SYD,2019,PROBLEM_INDEX,kommun,1287,,1.5,,1.6,1.9', // 15: interval without the value
      'POLISEN_SYD,2019,PROBLEM_INDEX,stadsdel,1281,,1.5,,,', // 16: unknown level
      'POLISEN_SYD,2019,PROBLEM_INDEX,delområde,1281,,1.5,,,', // 17: delområde without name
      'POLISEN_SYD,2019,PROBLEM_INDEX,kommun,1287,,1.5,-3,,', // 18: bad n
      'POLISEN_SYD,2019,PROBLEM_INDEX,kommun,1287', // 19: too few fields
      'DEMO_VAST,2019,PROBLEM_INDEX,kommun,1480,,1.5,,,', // 20: demo instrument
      'POLISEN_SYD,2026,PROBLEM_INDEX,kommun,1287,,1.5,,,', // 21: a future year
    ].join('\n');
    const checked = checkResultsFile(file, catalogue);
    expect(checked.rows).toBe(20);
    expect(checked.acceptedLines).toEqual([2, 3, 4, 5]);
    expect(checked.accepted[1]).toMatchObject({ value: 1.42, respondents: 612, ciLow: 1.3, ciHigh: 1.55, area: { level: 'MUNICIPALITY', countyCode: '12', policeRegionCode: 'SYD' } });
    expect(checked.accepted[2]!.area).toMatchObject({ level: 'SUB_AREA', code: '1281', subAreaName: 'Klostergården' });
    expect(checked.rejected.map((r) => r.line)).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]);
    const reason = (line: number) => checked.rejected.find((r) => r.line === line)!.reason;
    expect(reason(6)).toBe("value 7.2 is outside PROBLEM_INDEX's range, index 0–6");
    expect(reason(7)).toBe("value 101 is outside UNSAFE_OUTDOORS's range, per cent 0–100");
    expect(reason(8)).toBe('POLISEN_STOCKHOLM reports per cent 0–100, but PROBLEM_INDEX is index 0–6');
    expect(reason(9)).toBe('POLISEN_SYD is run in polisregion SYD, but 0180 lies in STOCKHOLM');
    expect(reason(10)).toMatch(/"9999" is not a kommun code/);
    expect(reason(11)).toMatch(/unknown instrument "NTU" \(known: POLISEN_SYD, POLISEN_STOCKHOLM, DEMO_VAST\)/);
    expect(reason(12)).toBe('POLISEN_SYD was first run in 1999, not in 1998');
    expect(reason(13)).toBe('the same result (instrument, year, indicator and area) as line 3');
    expect(reason(14)).toBe('value "en och en halv" is not a number');
    expect(reason(15)).toBe('the confidence interval 1.6–1.9 does not contain the value 1.5');
    expect(reason(16)).toMatch(/level "stadsdel" is not one of riket, country, polisregion/);
    expect(reason(17)).toBe('a delområde needs its name (column area_name)');
    expect(reason(18)).toMatch(/n "-3" is not a number of respondents/);
    expect(reason(19)).toBe('5 fields, but the header has 10');
    expect(reason(20)).toMatch(/made-up demo data/);
    expect(reason(21)).toBe('year "2026" is not a year between 1990 and 2025');
  });

  it('reads Swedish spreadsheet files: semicolons, decimal commas, spaces in thousands, any column order', () => {
    const file = '\ufeffvalue;n;instrument;year;indicator;level;area\n1,78;1 884;POLISEN_SYD;2019;PROBLEM_INDEX;LPO;trelleborg\r\n';
    const checked = checkResultsFile(file, catalogue);
    expect(checked.rejected).toEqual([]);
    expect(checked.accepted).toEqual([
      expect.objectContaining({ value: 1.78, respondents: 1884, area: expect.objectContaining({ level: 'LOCAL_POLICE_AREA', code: 'trelleborg', policeRegionCode: 'SYD' }) }),
    ]);
  });

  it('refuses the whole file when a required column is missing or unknown', () => {
    expect(() => checkResultsFile('', catalogue)).toThrow(ImportFileError);
    expect(() => checkResultsFile('instrument,year,indicator,level,area\n', catalogue)).toThrow('Missing column(s) value');
    expect(() => checkResultsFile(`${HEADER},kommentar\n`, catalogue)).toThrow('Unknown column(s) "kommentar"');
    expect(() => checkResultsFile(`${HEADER},value\n`, catalogue)).toThrow('Column(s) value appear twice');
    expect(() => checkResultsFile(`${HEADER}\nPOLISEN_SYD,"2019,PROBLEM_INDEX\n`, catalogue)).toThrow(new ImportFileError('A quoted field in the row from line 2 on is never closed (a " without its closing ").'));
  });

  it('reads decimal numbers with a point or a comma, and nothing else', () => {
    expect(parseDecimal('1,78')).toBe(1.78);
    expect(parseDecimal(' 1.78 ')).toBe(1.78);
    expect(parseDecimal('−0,5')).toBe(-0.5);
    expect(parseDecimal('1,7,8')).toBeNull();
    expect(parseDecimal('')).toBeNull();
    expect(parseDecimal('1e3')).toBeNull();
  });
});

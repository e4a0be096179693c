import { counties, findMunicipality, municipalities, policeRegions } from './index';

describe('the geography facts', () => {
  it('has 7 polisregioner, 21 län and 290 kommuner with unique codes', () => {
    expect(policeRegions.map((r) => r.code)).toEqual(['NORD', 'MITT', 'STOCKHOLM', 'OST', 'VAST', 'SYD', 'BERGSLAGEN']);
    expect(new Set(counties.map((c) => c.code)).size).toBe(21);
    expect(new Set(municipalities.map((m) => m.code)).size).toBe(290);
  });

  it('puts every län in exactly one region, and region Syd has 58 kommuner', () => {
    expect(counties.every((c) => policeRegions.some((r) => r.code === c.policeRegionCode))).toBe(true);
    expect(municipalities.filter((m) => m.policeRegionCode === 'SYD')).toHaveLength(58);
  });

  it('knows Lund, Malå and Åre with their Swedish letters and leading zeros', () => {
    expect(findMunicipality('1281')).toEqual({ code: '1281', name: 'Lund', countyCode: '12', policeRegionCode: 'SYD' });
    expect(findMunicipality('2418')?.name).toBe('Malå');
    expect(findMunicipality('2321')?.name).toBe('Åre');
    expect(findMunicipality('0114')?.countyCode).toBe('01');
    expect(findMunicipality('9999')).toBeUndefined();
  });
});

import { KOMMUN_COPIES_SETTING, kommunCopies, kommunCopiesOf } from './bench-copies';
import { findMunicipality, municipalities } from './index';

const bench = { AGREEMENTS_DATABASE_URL: 'postgresql://root@127.0.0.1:5432/samverkan_bench_agreements', POSTGRES_URL: '' };

describe("the benchmark's synthetic kommuner", () => {
  it('are none unless the setting asks, whatever the databases', () => {
    expect(kommunCopies({})).toBe(0);
    expect(kommunCopies({ [KOMMUN_COPIES_SETTING]: '' })).toBe(0);
    expect(kommunCopies({ [KOMMUN_COPIES_SETTING]: '0', DATABASE_URL: 'postgresql://db/samverkan' })).toBe(0);
  });

  it('are given for benchmark databases only', () => {
    expect(kommunCopies({ ...bench, [KOMMUN_COPIES_SETTING]: '9' })).toBe(9);
    // A deployment's database, or one of several settings naming another database, refuses.
    expect(() => kommunCopies({ [KOMMUN_COPIES_SETTING]: '9', DATABASE_URL: 'postgresql://db/samverkan' })).toThrow(/refused outside it: DATABASE_URL names no samverkan_bench_/);
    expect(() => kommunCopies({ ...bench, [KOMMUN_COPIES_SETTING]: '9', SURVEYS_DATABASE_URL: 'postgresql://db/surveys' })).toThrow(/SURVEYS_DATABASE_URL/);
    // No database setting (the embedded default, or a gateway started alone) refuses too.
    expect(() => kommunCopies({ [KOMMUN_COPIES_SETTING]: '9' })).toThrow(/no database setting names a benchmark database/);
    expect(() => kommunCopies({ ...bench, [KOMMUN_COPIES_SETTING]: '10' })).toThrow(/whole number from 0 to 9/);
    expect(() => kommunCopies({ ...bench, [KOMMUN_COPIES_SETTING]: 'all' })).toThrow(/whole number/);
  });

  it('copy every kommun under an unused code, in its län, named as a copy', () => {
    const copies = kommunCopiesOf(municipalities, 9);
    expect(copies).toHaveLength(2610);
    expect(new Set([...municipalities, ...copies].map((m) => m.code)).size).toBe(2900);
    expect(copies.every((m) => /^\d{4}$/.test(m.code) && Number(m.code) >= 3000 && !findMunicipality(m.code))).toBe(true);
    const lund = copies.find((m) => m.copyOf === '1281' && m.copy === 2)!;
    expect(lund).toMatchObject({ name: 'Lund (kopia 2)', countyCode: '12', policeRegionCode: 'SYD' });
  });

  it('are known to every part that loads the facts with the setting, besides the 290', () => {
    const saved = { ...process.env };
    Object.assign(process.env, bench, { [KOMMUN_COPIES_SETTING]: '9' });
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh load of the module under the setting
        const geo = require('./index') as typeof import('./index');
        expect(geo.municipalities).toHaveLength(2900);
        expect(geo.findMunicipality('1281')?.name).toBe('Lund');
        expect(geo.findMunicipality('3000')).toMatchObject({ name: `${municipalities[0]!.name} (kopia 1)` });
        expect(geo.municipalities.filter((m) => m.policeRegionCode === 'SYD')).toHaveLength(580);
      });
      expect(write).toHaveBeenCalledWith(expect.stringContaining('2610 synthetic kommuner'));
    } finally {
      write.mockRestore();
      process.env = saved;
    }
  });
});

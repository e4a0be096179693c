import { filteredGroupLoader } from './loaders';

describe('filteredGroupLoader', () => {
  it('loads every key asked for with the same filter in one tick with one call, each filter apart, and groups the rows by key', async () => {
    const calls: { keys: string[]; filter: { year: number } }[] = [];
    const rows = [
      { code: '1281', year: 2024 },
      { code: '1281', year: 2025 },
      { code: '1287', year: 2025 },
    ];
    const loader = filteredGroupLoader(
      async (keys: readonly string[], filter: { year: number }) => {
        calls.push({ keys: [...keys], filter });
        return rows.filter((row) => keys.includes(row.code) && row.year === filter.year);
      },
      (row) => row.code,
    );
    const context = {};
    const [lund2025, trelleborg2025, lund2024, none] = await Promise.all([
      loader(context).load('1281', { year: 2025 }),
      loader(context).load('1287', { year: 2025 }),
      loader(context).load('1281', { year: 2024 }),
      loader(context).load('0114', { year: 2025 }),
    ]);
    expect(lund2025).toEqual([{ code: '1281', year: 2025 }]);
    expect(trelleborg2025).toEqual([{ code: '1287', year: 2025 }]);
    expect(lund2024).toEqual([{ code: '1281', year: 2024 }]);
    expect(none).toEqual([]);
    expect(calls).toEqual([
      { keys: ['1281', '1287', '0114'], filter: { year: 2025 } },
      { keys: ['1281'], filter: { year: 2024 } },
    ]);
    // Another request (context) loads again; the same one is answered from its loader.
    await loader(context).load('1281', { year: 2025 });
    expect(calls).toHaveLength(2);
    await loader({}).load('1281', { year: 2025 });
    expect(calls).toHaveLength(3);
  });
});

import { median, rankValues } from './rank';

describe('rankValues', () => {
  it('ranks lower values first where higher is worse, equal values sharing a rank', () => {
    expect(rankValues([1.78, 1.63, 2.1, 1.63], false)).toEqual([
      { rank: 3, percentile: 33.3 },
      { rank: 1, percentile: 66.7 },
      { rank: 4, percentile: 0 },
      { rank: 1, percentile: 66.7 },
    ]);
  });

  it('ranks higher values first where higher is better', () => {
    expect(rankValues([40, 55, 55, 70], true).map((r) => r.rank)).toEqual([4, 2, 2, 1]);
  });

  it('gives a lone value rank 1 and percentile 100', () => {
    expect(rankValues([3], false)).toEqual([{ rank: 1, percentile: 100 }]);
    expect(rankValues([], false)).toEqual([]);
  });

  it('agrees with counting every pair, for the whole country with many ties', () => {
    // Reproducible values on a coarse grid, so that many kommuner share one.
    let seed = 7;
    const values = Array.from({ length: 290 }, () => {
      seed = (seed * 16807) % 2147483647;
      return Math.round((seed / 2147483647) * 60) / 10;
    });
    for (const higherIsBetter of [false, true]) {
      const better = (a: number, b: number) => (higherIsBetter ? a > b : a < b);
      const expected = values.map((value) => {
        const ahead = values.filter((other) => better(other, value)).length;
        const behind = values.filter((other) => better(value, other)).length;
        return { rank: ahead + 1, percentile: Math.round((1000 * behind) / (values.length - 1)) / 10 };
      });
      expect(rankValues(values, higherIsBetter)).toEqual(expected);
    }
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

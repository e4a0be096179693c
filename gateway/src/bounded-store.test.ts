import { BoundedStore } from './bounded-store';

describe('BoundedStore', () => {
  it('drops the oldest entries until a new one fits the size, and never keeps one larger than the bound', () => {
    const store = new BoundedStore<string>(10);
    store.set('a', 'A', 4);
    store.set('b', 'B', 4);
    store.set('c', 'C', 4); // 12 > 10: a goes
    expect([store.get('a'), store.get('b'), store.get('c')]).toEqual([undefined, 'B', 'C']);
    expect(store.totalSize).toBe(8);
    store.set('huge', 'H', 11);
    expect(store.get('huge')).toBeUndefined();
    expect(store.size).toBe(2);
  });

  it('bounds the number of entries too, and counts a replaced entry once', () => {
    const store = new BoundedStore<number>(100, 2);
    store.set('a', 1, 1);
    store.set('b', 2, 1);
    store.set('b', 3, 5);
    expect([store.size, store.totalSize, store.get('a'), store.get('b')]).toEqual([2, 6, 1, 3]);
    store.set('c', 4, 1); // a third entry: the oldest, a, goes
    expect([store.get('a'), store.get('b'), store.get('c')]).toEqual([undefined, 3, 4]);
    expect(store.delete('b')).toBe(true);
    expect(store.totalSize).toBe(1);
    store.clear();
    expect([store.size, store.totalSize]).toEqual([0, 0]);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { decodeSearchId, encodeSearchId, prefixQuery, searchArguments, searchScope } from './arguments';
import { AGREEMENT_VECTOR, rankedSql, SEARCHED_TABLES } from './search';

const MIGRATIONS = path.join(__dirname, '../../prisma/migrations');
const indexMigration = () => {
  const folder = fs.readdirSync(MIGRATIONS).find((name) => name.endsWith('_search_indexes'))!;
  return fs.readFileSync(path.join(MIGRATIONS, folder, 'migration.sql'), 'utf8');
};

describe('the search indexes', () => {
  it('index each searched table on the very expression the query matches and ranks on', () => {
    const sql = indexMigration();
    for (const table of SEARCHED_TABLES) {
      expect(sql).toContain(`CREATE INDEX "${table.table}_search_idx" ON "${table.table}" USING GIN ((${table.vector}));`);
      expect(rankedSql([table])).toContain(`WHERE ${table.vector} @@ to_tsquery('swedish', $1)`);
    }
    expect(SEARCHED_TABLES.map((table) => table.vector)).toContain(AGREEMENT_VECTOR);
  });
});

describe('prefixQuery', () => {
  it('takes every run of letters and digits as a required prefix, whatever else the text holds', () => {
    expect(prefixQuery('Clemenstorget')).toBe('Clemenstorget:*');
    expect(prefixQuery('kamera & !(trygg | <->) \'x\':*')).toBe('kamera:* & trygg:* & x:*');
    expect(prefixQuery('100% brott_mot äldre')).toBe('100:* & brott:* & mot:* & äldre:*');
    expect(prefixQuery('&|!():*<>')).toBe('');
  });
});

describe('the search arguments and the id that carries them', () => {
  it('trims the text and fills in the default number of hits', () => {
    expect(searchArguments({ text: '  kamera ' })).toEqual({ text: 'kamera', municipality: null, policeRegion: null, first: 20 });
  });

  it('refuses a text over 200 characters, a `first` outside 1–100 and unknown codes, naming the argument', () => {
    expect(() => searchArguments({ text: 'x'.repeat(201) })).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'text' }) }));
    for (const first of [0, 101]) expect(() => searchArguments({ text: 'x', first })).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ argument: 'first' }) }));
    expect(() => searchArguments({ text: 'x', policeRegion: 'NOWHERE' })).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ argument: 'policeRegion' }) }));
    expect(() => searchArguments({ text: 'x', municipality: '9999' })).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
  });

  it('limits a search to the kommuner matching both a kommun and a region', () => {
    expect(searchScope(searchArguments({ text: 'x' }))).toBeNull();
    expect(searchScope(searchArguments({ text: 'x', municipality: '1281' }))).toEqual(['1281']);
    expect(searchScope(searchArguments({ text: 'x', municipality: '1281', policeRegion: 'SYD' }))).toEqual(['1281']);
    expect(searchScope(searchArguments({ text: 'x', municipality: '1281', policeRegion: 'NORD' }))).toEqual([]);
    expect(searchScope(searchArguments({ text: 'x', policeRegion: 'SYD' }))).toContain('1287');
  });

  it('gives the same search the same id, reads it back, and refuses what is not such an id', () => {
    const args = searchArguments({ text: 'Clemenstorget', municipality: '1281', first: 5 });
    expect(encodeSearchId(args)).toBe(encodeSearchId(searchArguments({ text: ' Clemenstorget', municipality: '1281', first: 5 })));
    expect(decodeSearchId(encodeSearchId(args))).toEqual(args);
    const id = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const bad of ['not base64 json', id({ text: 'x' }), id(['x', null, null]), id([1, null, null, 20]), id(['x', null, null, '20'])]) {
      expect(() => decodeSearchId(bad)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'id' }) }));
    }
    expect(() => decodeSearchId(id(['x', null, null, 1000]))).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ argument: 'first' }) }));
  });
});

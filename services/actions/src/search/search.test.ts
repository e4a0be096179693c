import fs from 'node:fs';
import path from 'node:path';
import { ACTION_VECTOR, actionSearchOf } from './search';

const MIGRATIONS = path.join(__dirname, '../../prisma/migrations');

/** A search result's id as the agreements subgraph makes it. */
const idOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('the search index', () => {
  it('is on the very expression the query matches and ranks on', () => {
    const folder = fs.readdirSync(MIGRATIONS).find((name) => name.endsWith('_search_indexes'))!;
    expect(fs.readFileSync(path.join(MIGRATIONS, folder, 'migration.sql'), 'utf8')).toContain(`CREATE INDEX "Action_search_idx" ON "Action" USING GIN ((${ACTION_VECTOR}));`);
  });
});

describe('actionSearchOf', () => {
  it('reads the search a result\'s id carries, with the kommuner it is limited to', () => {
    expect(actionSearchOf(idOf(['kamera', null, null, 20]))).toEqual({ text: 'kamera', municipalityCodes: null, first: 20 });
    expect(actionSearchOf(idOf(['kamera', '1281', 'SYD', 5]))).toEqual({ text: 'kamera', municipalityCodes: ['1281'], first: 5 });
    expect(actionSearchOf(idOf(['kamera', null, 'SYD', 5])).municipalityCodes).toContain('1287');
  });

  it('checks it again: a malformed id, a text over 200 characters, `first` outside 1–100 or an unknown code is BAD_USER_INPUT', () => {
    for (const id of ['garbage', idOf({ text: 'x' }), idOf(['x'.repeat(201), null, null, 20]), idOf(['x', null, null, 0]), idOf(['x', null, null, 101]), idOf(['x', 1281, null, 20])]) {
      expect(() => actionSearchOf(id)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'id' }) }));
    }
    expect(() => actionSearchOf(idOf(['x', '9999', null, 20]))).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
    expect(() => actionSearchOf(idOf(['x', null, 'NOWHERE', 20]))).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
  });
});

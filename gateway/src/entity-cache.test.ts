import type { Actor } from '@samverkan/schema';
import { accessScope, EntityCache } from './entity-cache';

/* The entity cache's rules, on its own: scopes, data versions, the byte bound. */

const ENTITIES = 'query Overview__actions__1($representations:[_Any!]!){_entities(representations:$representations){...on Municipality{actionCounts{ongoing}}}}';
const analyst = (subject: string, region = 'SYD'): Actor => ({ role: 'analyst', subject, policeRegionCode: region });
const kommun: Actor = { role: 'kommun', subject: 'k', municipalityCode: '1281' };
const anonymous: Actor = { role: 'anonymous' };

function subgraph() {
  let answers = 0;
  return {
    get answers() {
      return answers;
    },
    send: (data: unknown) => async () => {
      answers += 1;
      return { data };
    },
  };
}

describe('the entity cache', () => {
  const fetchOf = (actor: Actor, query = ENTITIES, name = 'actions', version: string | null = '1.1.1.1') => ({
    subgraph: name,
    query,
    variables: { representations: [{ __typename: 'Municipality', code: '1281' }] },
    actor,
    version,
  });

  it('shares an entity answer within one access scope and never across scopes', async () => {
    const cache = new EntityCache({ maxBytes: 10_000 });
    const actions = subgraph();
    expect(await cache.fetch(fetchOf(analyst('a')), actions.send({ n: 'analysts' }))).toEqual({ data: { n: 'analysts' } });
    expect(await cache.fetch(fetchOf(analyst('b')), actions.send({ n: 'other' }))).toEqual({ data: { n: 'analysts' } });
    expect(actions.answers).toBe(1);
    expect(await cache.fetch(fetchOf(kommun), actions.send({ n: 'kommun' }))).toEqual({ data: { n: 'kommun' } });
    expect(await cache.fetch(fetchOf(anonymous), actions.send({ n: 'anonymous' }))).toEqual({ data: { n: 'anonymous' } });
    expect(await cache.fetch(fetchOf(analyst('c', 'NORD')), actions.send({ n: 'nord' }))).toEqual({ data: { n: 'nord' } });
    expect(actions.answers).toBe(4);
    expect(accessScope(analyst('a'))).toBe(accessScope(analyst('b')));
    expect(new Set([kommun, anonymous, analyst('a'), { role: 'admin', subject: 'x' } as Actor].map(accessScope)).size).toBe(4);
  });

  it('keeps nothing of a subgraph that answers by identity, nor root fields, nor answers with errors', async () => {
    const cache = new EntityCache({ maxBytes: 10_000 });
    const other = subgraph();
    await cache.fetch(fetchOf(kommun, ENTITIES, 'notifications'), other.send(1));
    await cache.fetch(fetchOf(kommun, ENTITIES, 'notifications'), other.send(1));
    await cache.fetch(fetchOf(kommun, '{ municipalities { code } }'), other.send(2));
    await cache.fetch(fetchOf(kommun, '{ municipalities { code } }'), other.send(2));
    const failing = async () => ({ data: { x: null }, errors: [{ message: 'no' }] });
    await cache.fetch(fetchOf(kommun), failing);
    expect(cache.size).toBe(0);
    expect(other.answers).toBe(4);
  });

  it('finds an entry only under the data version it was kept in, and keeps nothing of a request without one', async () => {
    const cache = new EntityCache({ maxBytes: 10_000 });
    const actions = subgraph();
    await cache.fetch(fetchOf(anonymous, ENTITIES, 'actions', '1.1.1.1'), actions.send('old'));
    expect(await cache.fetch(fetchOf(anonymous, ENTITIES, 'actions', '1.1.1.1'), actions.send('?'))).toEqual({ data: 'old' });
    // A write gave a new version: the old entry is never found again.
    expect(await cache.fetch(fetchOf(anonymous, ENTITIES, 'actions', '1.2.1.1'), actions.send('new'))).toEqual({ data: 'new' });
    expect(await cache.fetch(fetchOf(anonymous, ENTITIES, 'actions', '1.2.1.1'), actions.send('?'))).toEqual({ data: 'new' });
    // No version (a mutation's fetches, a subgraph that did not say): asked, never kept.
    expect(await cache.fetch(fetchOf(anonymous, ENTITIES, 'actions', null), actions.send('unversioned'))).toEqual({ data: 'unversioned' });
    expect(await cache.fetch(fetchOf(anonymous, ENTITIES, 'actions', null), actions.send('again'))).toEqual({ data: 'again' });
    expect(actions.answers).toBe(4);
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it('keeps at most maxBytes, the oldest going first, and uses an entry at most ttlMs', async () => {
    let time = 0;
    // Each entry counts its answer's JSON (102 characters) and 320 for the rest: two fit in 900.
    const cache = new EntityCache({ maxBytes: 900, ttlMs: 1000 }, () => time);
    const actions = subgraph();
    const big = 'x'.repeat(100);
    await cache.fetch(fetchOf(anonymous), actions.send(big));
    await cache.fetch(fetchOf(kommun), actions.send(big));
    await cache.fetch(fetchOf(analyst('a')), actions.send(big));
    expect(cache.size).toBe(2);
    expect(cache.bytes).toBeLessThanOrEqual(900);
    await cache.fetch(fetchOf(anonymous), actions.send(big));
    expect(actions.answers).toBe(4); // the first was dropped
    time = 1001;
    await cache.fetch(fetchOf(anonymous), actions.send(big));
    expect(actions.answers).toBe(5);
  });

  it('is off at maxBytes 0', async () => {
    const cache = new EntityCache({ maxBytes: 0 });
    const actions = subgraph();
    await cache.fetch(fetchOf(anonymous), actions.send(1));
    await cache.fetch(fetchOf(anonymous), actions.send(1));
    expect(actions.answers).toBe(2);
  });
});

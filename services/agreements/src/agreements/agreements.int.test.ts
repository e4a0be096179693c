import { testDatabaseKinds } from '@samverkan/db/testing';
import { type Actor, signActorHeaders } from '@samverkan/schema';
import { type RunningSubgraph } from '@samverkan/server';
import { postGraphQL, startTestSubgraph } from '@samverkan/server/testing';
import type { PrismaClient } from '../db';
import { subgraph as agreementsSubgraph } from '../definition';
import { seedReferenceData } from '../seed';

const HOP = 'agreements-test-hop';
const trelleborgKommun: Actor = { role: 'kommun', subject: 'åsa', municipalityCode: '1287' };
const trelleborgPolice: Actor = { role: 'police', subject: 'örjan', localPoliceAreaId: 'trelleborg', policeRegionCode: 'SYD' };
const lundKommun: Actor = { role: 'kommun', subject: 'lars', municipalityCode: '1281' };

const FIELDS = 'id title version status(on: "2025-06-01") validFrom validTo signedOn purpose approvals { party } focusAreas { position title focusArea { code } } signatories { name party } previous { id } next { id }';

function draftInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Samverkansöverenskommelse Trelleborgs kommun och LPO Trelleborg 2025–2026',
    municipalityCode: '1287',
    localPoliceAreaIds: ['trelleborg'],
    validFrom: '2025-01-01',
    validTo: '2026-12-31',
    purpose: 'Öka tryggheten på Söderslätt – för äldre, unga och alla däremellan.',
    signatories: [
      { name: 'Åsa Ödmark', title: 'Kommunstyrelsens ordförande', party: 'MUNICIPALITY' },
      { name: 'Örjan Älvström', title: 'Lokalpolisområdeschef', party: 'POLICE' },
    ],
    focusAreas: [
      { code: 'ELDERLY', title: 'Brott mot äldre', description: 'Bedrägerier mot äldre ska minska.' },
      { code: 'SAFE_PUBLIC_SPACE', title: 'Trygg hamn och stationsområde' },
    ],
    sources: [{ title: 'Utkast', url: 'https://www.trelleborg.se/' }],
    ...overrides,
  };
}

describe.each(testDatabaseKinds())('agreements on %s', (kind) => {
  let subgraph: RunningSubgraph<PrismaClient>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(agreementsSubgraph, kind, { hopSecret: HOP });
  });
  afterAll(() => subgraph?.close());

  const as = (actor: Actor | null, query: string, variables: Record<string, unknown> = {}) =>
    postGraphQL(subgraph.url, query, variables, actor ? signActorHeaders(actor, HOP, { subgraph: 'agreements', query, variables }) : {});
  const create = async (actor: Actor, input: Record<string, unknown>) => {
    const { body } = await as(actor, `mutation ($input: AgreementInput!) { createAgreementDraft(input: $input) { ${FIELDS} } }`, { input });
    return body;
  };
  /** The version as stored: the client approves what it has read. */
  const versionOf = async (id: string) => (await subgraph.client.agreement.findUnique({ where: { id } }))?.version ?? 1;
  const approve = async (actor: Actor, id: string, extra = '') =>
    as(actor, `mutation ($id: ID!, $v: Int!) { approveAgreement(id: $id, version: $v${extra}) { ${FIELDS} } }`, { id, v: await versionOf(id) });
  const firstError = (body: { errors?: { message: string; extensions?: Record<string, unknown> }[] }) => body.errors?.[0];

  describe('the real records', () => {
    it("show Lund's 2024 agreement with its 5 fokusområden in order, both signatories and 4 styrdokument", async () => {
      const { body } = await as(null, `{ municipality(code: "1281") { activeAgreement(on: "2025-01-01") {
        title signedOn validFrom validTo focusAreas { position title focusArea { code } } signatories { name title party }
        steeringDocuments { title adoptedOn adoptedBy } sources { title publishedOn } previous { title status } } } }`);
      expect(body.errors).toBeUndefined();
      const agreement = (body.data as { municipality: { activeAgreement: Record<string, unknown> } }).municipality.activeAgreement;
      expect(agreement.signedOn).toBe('2024-02-14');
      expect((agreement.focusAreas as { focusArea: { code: string } }[]).map((a) => a.focusArea.code)).toEqual([
        'SAFE_PUBLIC_SPACE', 'CHILDREN_YOUTH', 'ANDTS', 'DOMESTIC_VIOLENCE', 'ELDERLY',
      ]);
      expect((agreement.focusAreas as { title: string }[])[4]!.title).toBe('Brott mot äldre personer');
      expect(agreement.signatories).toEqual([
        { name: 'Anders Almgren', title: 'Kommunstyrelsens ordförande i Lund', party: 'MUNICIPALITY' },
        { name: 'Anna-Karin Boije', title: 'Lokalpolisområdeschef i Lund', party: 'POLICE' },
      ]);
      expect(agreement.steeringDocuments).toHaveLength(4);
      expect((agreement.steeringDocuments as { adoptedOn: string | null }[])[0]!.adoptedOn).toBe('2021-06-02');
      expect(agreement.previous).toEqual({ title: 'Överenskommelse mellan Lunds kommun och Lokalpolisområde Lund', status: 'SUPERSEDED' });
      expect((agreement.sources as unknown[]).length).toBeGreaterThanOrEqual(1);
    });

    it("on 2027-01-01 Burlöv's agreement is EXPIRED and Lund's ACTIVE; Landskrona's has no dates", async () => {
      const { body } = await as(null, `{ agreements(filter: { policeRegion: "SYD" }) { totalCount edges { node { municipality { code } validFrom validTo status(on: "2027-01-01") } } } }`);
      const nodes = (body.data as { agreements: { totalCount: number; edges: { node: { municipality: { code: string }; status: string; validFrom: string | null } }[] } }).agreements;
      expect(nodes.totalCount).toBe(4);
      const byKommun = nodes.edges.map((e) => [e.node.municipality.code, e.node.status]);
      expect(byKommun).toEqual(expect.arrayContaining([['1231', 'EXPIRED'], ['1281', 'ACTIVE'], ['1281', 'SUPERSEDED'], ['1282', 'UNDATED']]));
      expect(nodes.edges.find((e) => e.node.municipality.code === '1282')!.node.validFrom).toBeNull();
    });

    it('finds Lund by the focus area "brott mot äldre" in region SYD, and by free text', async () => {
      const { body } = await as(null, `{
        elderly: agreements(filter: { focusArea: "ELDERLY", policeRegion: "SYD", status: ACTIVE, on: "2025-06-01" }) { edges { node { municipality { name } } } }
        text: agreements(filter: { search: "MÄNGDBROTT" }) { edges { node { municipality { name } } } }
      }`);
      const data = body.data as Record<string, { edges: { node: { municipality: { name: string } } }[] }>;
      expect(data.elderly!.edges.map((e) => e.node.municipality.name)).toEqual(['Lund']);
      expect(data.text!.edges.map((e) => e.node.municipality.name)).toEqual(['Burlöv']);
    });

    it('loads again without changing anything', async () => {
      const before = await subgraph.client.agreement.count();
      await seedReferenceData(subgraph.client);
      expect(await subgraph.client.agreement.count()).toBe(before);
      expect(await subgraph.client.focusArea.count()).toBe(9);
    });

    it('pages with cursors', async () => {
      const first = await as(null, '{ agreements(first: 2) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }');
      const page = (first.body.data as { agreements: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }).agreements;
      expect(page.edges).toHaveLength(2);
      expect(page.pageInfo.hasNextPage).toBe(true);
      const next = await as(null, 'query ($after: String) { agreements(first: 10, after: $after) { edges { node { id } } pageInfo { hasNextPage } } }', { after: page.pageInfo.endCursor });
      const rest = (next.body.data as { agreements: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean } } }).agreements;
      expect(rest.pageInfo.hasNextPage).toBe(false);
      expect(rest.edges.map((e) => e.node.id)).not.toContain(page.edges[0]!.node.id);
      expect(page.edges.length + rest.edges.length).toBe(4);
      const bad = await as(null, '{ agreements(after: "nonsense") { totalCount } }');
      expect(firstError(bad.body)?.message).toMatch(/not a cursor of this list/);
    });
  });

  it('resolves the active agreements of N kommuner referenced by another subgraph with the same few SQL statements for 6 or 58', async () => {
    const syd = await subgraph.client.municipality.findMany({ where: { county: { policeRegionCode: 'SYD' } }, select: { code: true } });
    const countFor = async (codes: string[]) => {
      const representations = codes.map((code) => ({ __typename: 'Municipality', code }));
      const { result, count } = await subgraph.database.statements.countDuring(() =>
        as(null, 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Municipality { code activeAgreement(on: "2025-06-01") { title focusAreas { title } } } } }', { r: representations }),
      );
      expect(result.body.errors).toBeUndefined();
      return { count, entities: (result.body.data as { _entities: { code: string; activeAgreement: { title: string } | null }[] })._entities };
    };
    const few = await countFor(['1281', '1231', '1282', '1287', '1263', '1233']);
    const all = await countFor(syd.map((m) => m.code));
    expect(all.entities).toHaveLength(58);
    expect(all.entities.find((e) => e.code === '1281')!.activeAgreement!.title).toMatch(/Lunds kommun.*2024–2027/);
    expect(few.count).toBe(all.count);
    // The kommuner, their active agreement and its fokusområden: a fixed handful, however many kommuner.
    expect(all.count).toBeLessThanOrEqual(5);
  });

  describe('the lifecycle', () => {
    let draftId: string;

    it('writes a draft that only the parties see, with å, ä and ö intact', async () => {
      const body = await create(trelleborgKommun, draftInput());
      expect(body.errors).toBeUndefined();
      const draft = (body.data as { createAgreementDraft: Record<string, unknown> }).createAgreementDraft;
      draftId = draft.id as string;
      expect(draft).toMatchObject({ status: 'DRAFT', version: 1, purpose: 'Öka tryggheten på Söderslätt – för äldre, unga och alla däremellan.', approvals: [] });
      expect(draft.signatories).toEqual([
        { name: 'Åsa Ödmark', party: 'MUNICIPALITY' },
        { name: 'Örjan Älvström', party: 'POLICE' },
      ]);
      expect((await as(null, '{ agreement(id: "' + draftId + '") { id } }')).body.data).toEqual({ agreement: null });
      expect((await as(lundKommun, '{ agreement(id: "' + draftId + '") { id } }')).body.data).toEqual({ agreement: null });
      expect((await as(trelleborgPolice, '{ agreement(id: "' + draftId + '") { id } }')).body.data).toEqual({ agreement: { id: draftId } });
    });

    it('updates a draft at the version read, and refuses a stale version', async () => {
      const update = (version: number) =>
        as(trelleborgPolice, `mutation ($id: ID!, $v: Int!, $input: AgreementInput!) { updateAgreementDraft(id: $id, version: $v, input: $input) { ${FIELDS} } }`, {
          id: draftId,
          v: version,
          input: draftInput({ goals: 'Färre inbrott i Skanör–Falsterbo?' }),
        });
      const ok = await update(1);
      expect(ok.body.errors).toBeUndefined();
      expect((ok.body.data as { updateAgreementDraft: { version: number } }).updateAgreementDraft.version).toBe(2);
      const stale = await update(1);
      expect(firstError(stale.body)).toMatchObject({ extensions: { code: 'CONFLICT', currentVersion: 2 } });
      expect(firstError(stale.body)?.message).toMatch(/changed since you read it/);
    });

    it('is not ACTIVE with one approval, and is signed with both', async () => {
      const one = await approve(trelleborgKommun, draftId);
      expect(one.body.errors).toBeUndefined();
      expect((one.body.data as { approveAgreement: { status: string; approvals: unknown[] } }).approveAgreement).toMatchObject({
        status: 'DRAFT',
        approvals: [{ party: 'MUNICIPALITY' }],
      });
      const again = await approve(trelleborgKommun, draftId);
      expect(firstError(again.body)?.message).toMatch(/kommun side has already approved/);
      const both = await approve(trelleborgPolice, draftId, ', signedOn: "2024-12-20"');
      expect(both.body.errors).toBeUndefined();
      expect((both.body.data as { approveAgreement: Record<string, unknown> }).approveAgreement).toMatchObject({ status: 'ACTIVE', signedOn: '2024-12-20' });
      expect((await as(null, '{ agreement(id: "' + draftId + '") { id } }')).body.data).toEqual({ agreement: { id: draftId } });
    });

    it('keeps the history of every write: who, which operation, what changed; shown to parties only', async () => {
      const query = `{ agreement(id: "${draftId}") { history { actorRole actorSubject operation at changes { field before after } } } }`;
      const { body } = await as(trelleborgPolice, query);
      expect(body.errors).toBeUndefined();
      const history = (body.data as { agreement: { history: { actorSubject: string; operation: string; changes: { field: string; before: string | null; after: string | null }[] }[] } }).agreement.history;
      expect(history.map((h) => [h.actorSubject, h.operation])).toEqual([
        ['åsa', 'createAgreementDraft'],
        ['örjan', 'updateAgreementDraft'],
        ['åsa', 'approveAgreement'],
        ['örjan', 'approveAgreement'],
      ]);
      expect(history[0]!.changes).toContainEqual({ field: 'title', before: null, after: 'Samverkansöverenskommelse Trelleborgs kommun och LPO Trelleborg 2025–2026' });
      expect(history[1]!.changes).toEqual([{ field: 'goals', before: null, after: 'Färre inbrott i Skanör–Falsterbo?' }]);
      expect(history[2]!.changes).toEqual([{ field: 'approvals', before: '[]', after: '["MUNICIPALITY"]' }]);
      expect(history[3]!.changes).toEqual([
        { field: 'state', before: 'DRAFT', after: 'SIGNED' },
        { field: 'signedOn', before: null, after: '2024-12-20' },
        { field: 'approvals', before: '["MUNICIPALITY"]', after: '["MUNICIPALITY","POLICE"]' },
      ]);
      // The stale update and the refused second approval left no entry; the anonymous see no history.
      const anonymous = await as(null, query);
      expect(anonymous.body.data).toEqual({ agreement: { history: null } });
      expect(firstError(anonymous.body)?.message).toBe('The history of a record is shown to signed-in parties only.');
    });

    it('refuses a second signed agreement that overlaps, naming the first', async () => {
      const body = await create(trelleborgKommun, draftInput({ title: 'Överlappande överenskommelse', validFrom: '2026-06-01', validTo: '2027-12-31' }));
      const id = (body.data as { createAgreementDraft: { id: string } }).createAgreementDraft.id;
      await approve(trelleborgPolice, id);
      const refused = await approve(trelleborgKommun, id);
      expect(firstError(refused.body)).toMatchObject({ extensions: { code: 'CONFLICT', conflictingAgreementId: draftId } });
      expect(firstError(refused.body)?.message).toContain('Samverkansöverenskommelse Trelleborgs kommun och LPO Trelleborg 2025–2026');
      const state = await as(trelleborgKommun, `{ agreement(id: "${id}") { status approvals { party } } }`);
      expect(state.body.data).toEqual({ agreement: { status: 'DRAFT', approvals: [{ party: 'POLICE' }] } });
    });

    it('supersedes: the successor takes over from its start, and previous/next link them', async () => {
      const body = await create(trelleborgPolice, draftInput({ title: 'Trelleborg 2027–2028', validFrom: '2027-01-01', validTo: '2028-12-31' }));
      const successor = (body.data as { createAgreementDraft: { id: string } }).createAgreementDraft.id;
      const linked = await as(trelleborgKommun, `mutation { supersedeAgreement(id: "${draftId}", by: "${successor}") { next { id } } }`);
      expect(linked.body.errors).toBeUndefined();
      expect(linked.body.data).toEqual({ supersedeAgreement: { next: { id: successor } } });
      await approve(trelleborgKommun, successor);
      const signed = await approve(trelleborgPolice, successor);
      expect(signed.body.errors).toBeUndefined();
      const { body: chain } = await as(null, `{ agreement(id: "${draftId}") { s2026: status(on: "2026-12-31") s2027: status(on: "2027-01-01") next { status(on: "2027-01-01") previous { id } } } }`);
      expect(chain.data).toEqual({ agreement: { s2026: 'ACTIVE', s2027: 'SUPERSEDED', next: { status: 'ACTIVE', previous: { id: draftId } } } });
    });

    it('withdraws', async () => {
      const body = await create(trelleborgKommun, draftInput({ title: 'Att återkalla', validFrom: '2030-01-01', validTo: '2030-12-31' }));
      const id = (body.data as { createAgreementDraft: { id: string } }).createAgreementDraft.id;
      const withdrawn = await as(trelleborgPolice, `mutation { withdrawAgreement(id: "${id}", version: 1, on: "2025-05-01") { status } }`);
      expect(withdrawn.body.data).toEqual({ withdrawAgreement: { status: 'WITHDRAWN' } });
      const twice = await as(trelleborgPolice, `mutation { withdrawAgreement(id: "${id}", version: ${await versionOf(id)}) { status } }`);
      expect(firstError(twice.body)?.message).toMatch(/already withdrawn/);
    });
  });

  describe('validation', () => {
    it.each([
      ['an empty title', { title: '   ' }, /`title` must not be empty/],
      ['a title of 301 characters', { title: 'å'.repeat(301) }, /at most 300/],
      ['dates out of order', { validFrom: '2026-01-01', validTo: '2025-12-31' }, /period must run forwards/],
      ['an impossible date', { validTo: '2026-02-30' }, /2026-02 has 28 days/],
      ['an unknown kommun', { municipalityCode: '9999' }, /no kommun has the code 9999/],
      ['no lokalpolisområde', { localPoliceAreaIds: [] }, /at least one lokalpolisområde/],
      ['an unknown lokalpolisområde', { localPoliceAreaIds: ['atlantis'] }, /No lokalpolisområde has the id "atlantis"/],
      ['an area that does not cover the kommun', { localPoliceAreaIds: ['lund'] }, /Lokalpolisområde Lund does not cover kommun 1287/],
      ['an unknown focus area', { focusAreas: [{ code: 'PIRACY', title: 'Pirater' }] }, /No fokusområde has the code "PIRACY"/],
      ['a signatory without a name', { signatories: [{ name: '', title: 'Ordförande', party: 'MUNICIPALITY' }] }, /signatories\[0\]\.name/],
      ['a source with a bad address', { sources: [{ title: 'Källa', url: 'javascript:alert(1)' }] }, /must be an http\(s\) address/],
      ["another kommun's styrdokument", { steeringDocumentIds: ['STEERING_OF_LUND'] }, /belongs to kommun 1281, not 1287/],
    ])('refuses %s with a message a person can act on', async (_what, overrides, message) => {
      const lundDocument = await subgraph.client.steeringDocument.findFirstOrThrow({ where: { municipalityCode: '1281' } });
      const input = draftInput(overrides);
      if (Array.isArray(input.steeringDocumentIds)) input.steeringDocumentIds = [lundDocument.id];
      const before = await subgraph.client.agreement.count();
      const body = await create(trelleborgKommun, input);
      expect(firstError(body)?.message).toMatch(message);
      expect(firstError(body)?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(await subgraph.client.agreement.count()).toBe(before);
    });

    it('refuses writes from anyone but the parties', async () => {
      const anonymous = await create(null as unknown as Actor, draftInput());
      expect(firstError(anonymous)).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
      expect(firstError(anonymous)?.message).toMatch(/Sign in: Mutation.createAgreementDraft is not open to anonymous callers/);
      const otherKommun = await create(lundKommun, draftInput());
      expect(firstError(otherKommun)?.extensions?.code).toBe('FORBIDDEN');
      const analyst = await approve({ role: 'analyst', subject: 'ann', policeRegionCode: 'SYD' }, (await subgraph.client.agreement.findFirstOrThrow()).id);
      expect(firstError(analyst.body)?.extensions?.code).toBe('FORBIDDEN');
    });

    it('refuses an approval of an unknown agreement, and an out-of-range page size', async () => {
      expect(firstError((await approve(trelleborgKommun, 'nope')).body)).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
      expect(firstError((await as(null, '{ agreements(first: 0) { totalCount } }')).body)?.message).toMatch(/between 1 and 200/);
      expect(firstError((await as(null, '{ expiringAgreements(within: 0) { id } }')).body)?.message).toMatch(/between 1 and 3650/);
    });
  });
});

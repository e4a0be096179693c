import { testDatabaseKinds } from '@samverkan/db/testing';
import { municipalities } from '@samverkan/geo';
import { type Actor, signDevelopmentToken } from '@samverkan/schema';
import { postGraphQL } from '@samverkan/server/testing';
import { seedDemoData } from '../services/surveys/src/seed';
import { startTestHub, TEST_JWT_SECRET, type TestHub } from './support/hub';

/**
 * Pages of åtgärder (#16): every kommun's actions, imported in one request, walked page by page
 * through the gateway — the whole hub's list with pages that cross kommun borders, and each kommun's
 * own — each action arriving exactly once, in order, with the total; rows written during a walk
 * neither repeat nor hide earlier ones; bad `first` and `after` refused; a kommun user walks only
 * what they may read. The other lists that grow (lägesbilder, åtgärdsplaner and their revisions,
 * follow-ups, survey results, history) page the same way and hold what their plain lists hold.
 */

const ADMIN: Actor = { role: 'admin', subject: 'pages-admin' };
const LUND: Actor = { role: 'kommun', subject: 'lund-pages', municipalityCode: '1281' };
const PER_KOMMUN = 3;

interface Page {
  edges: { cursor: string; node: { id: string; startsOn: string | null; municipality: { code: string } } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

const NODE = 'edges { cursor node { id startsOn municipality { code } } } pageInfo { hasNextPage endCursor } totalCount';
const ROOT = `query Root($first: Int, $after: String, $filter: ActionListFilter) { actions(first: $first, after: $after, filter: $filter) { ${NODE} } }`;
const OF_KOMMUN = `query OfKommun($code: ID!, $first: Int, $after: String) { municipality(code: $code) { actionsConnection(first: $first, after: $after) { ${NODE} } } }`;

/** Three actions per kommun: two on a start date many share, one without a start; the third shared with the parties only. Ten kommuner a file. */
function csvFiles(): string[] {
  const header = 'municipality,externalId,title,description,focusArea,origin,status,visibility,place,latitude,longitude,method,startsOn,endsOn,responsible';
  const files: string[][] = [];
  municipalities.forEach((m, index) => {
    if (index % 10 === 0) files.push([header]);
    const lines = files.at(-1)!;
    for (let n = 0; n < PER_KOMMUN; n++) {
      const startsOn = n === 0 ? '2025-03-01' : n === 1 ? `2025-0${1 + (index % 9)}-15` : '';
      const visibility = n === 2 ? 'PARTIES' : 'PUBLIC';
      lines.push(`${m.code},pages-${n},Åtgärd ${n + 1} i ${m.name},,,,PLANNED,${visibility},,,,,${startsOn},,MUNICIPAL_DEPARTMENT:${m.name} kommun:lead`);
    }
  });
  return files.map((lines) => lines.join('\n'));
}

/** Start dates in the list's order: by date, those without one last (ISO dates sort as text). */
const orderKey = (node: Page['edges'][number]['node']) => `${node.startsOn ?? '9999-99-99'}|${node.id}`;

describe.each(testDatabaseKinds())('pages of åtgärder on %s', (kind) => {
  let hub: TestHub;
  const headers = new Map<Actor, Record<string, string>>();
  beforeAll(async () => {
    hub = await startTestHub(kind);
    for (const actor of [ADMIN, LUND]) headers.set(actor, { authorization: `Bearer ${await signDevelopmentToken(actor, TEST_JWT_SECRET)}` });
    let inserted = 0;
    // As `npm run onboard` sends a file: a few kommuner a request (each kommun its own transaction).
    for (const csv of csvFiles()) {
      const { body } = await postGraphQL<{ importActionRecords: { inserted: number; refused: { path: string; message: string }[] } }>(
        hub.gateway.url,
        'mutation Import($csv: String!) { importActionRecords(fileName: "pages.csv", csv: $csv) { inserted refused { path message } } }',
        { csv },
        headers.get(ADMIN),
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.importActionRecords.refused).toEqual([]);
      inserted += body.data!.importActionRecords.inserted;
    }
    expect(inserted).toBe(municipalities.length * PER_KOMMUN);
  }, 600_000);
  afterAll(() => hub?.close());

  const query = async <Data>(actor: Actor | null, text: string, variables: Record<string, unknown>) => {
    const { body } = await postGraphQL<Data>(hub.gateway.url, text, variables, actor ? headers.get(actor) : {});
    return body;
  };

  /** Walks a list to its end; `between` runs after each page. */
  const walk = async (actor: Actor | null, page: (after: string | null) => Promise<Page>, between?: (pageNumber: number) => Promise<void>) => {
    const nodes: Page['edges'][number]['node'][] = [];
    const totals = new Set<number>();
    let after: string | null = null;
    for (let pageNumber = 1; ; pageNumber++) {
      const current = await page(after);
      totals.add(current.totalCount);
      nodes.push(...current.edges.map((edge) => edge.node));
      if (current.edges.length) expect(current.pageInfo.endCursor).toBe(current.edges.at(-1)!.cursor);
      if (!current.pageInfo.hasNextPage) break;
      after = current.pageInfo.endCursor;
      await between?.(pageNumber);
      expect(pageNumber).toBeLessThan(10_000);
    }
    return { nodes, totals: [...totals] };
  };

  const rootPage = (actor: Actor | null, first: number, filter?: Record<string, unknown>) => async (after: string | null) => {
    const body = await query<{ actions: Page }>(actor, ROOT, { first, after, filter });
    expect(body.errors).toBeUndefined();
    return body.data!.actions;
  };

  const stored = () => hub.actions.client.action.findMany({ select: { id: true, municipalityCode: true, visibility: true } });

  test('an administrator walks every kommun\'s actions, 37 at a time, each once, in order, with the total', async () => {
    const all = await stored();
    expect(new Set(all.map((a) => a.municipalityCode)).size).toBe(municipalities.length);
    const { nodes, totals } = await walk(ADMIN, rootPage(ADMIN, 37));
    expect(totals).toEqual([all.length]);
    expect(nodes).toHaveLength(all.length);
    expect(new Set(nodes.map((n) => n.id))).toEqual(new Set(all.map((a) => a.id)));
    const keys = nodes.map(orderKey);
    expect(keys).toEqual([...keys].sort());
    // Pages cross kommun borders: a page of 37 holds several kommuner.
    expect(new Set(nodes.slice(0, 37).map((n) => n.municipality.code)).size).toBeGreaterThan(1);
  }, 600_000);

  test('a page costs the actions subgraph the same few SQL statements whatever its size and place', async () => {
    const statements = async (first: number, after: string | null) => {
      const before = hub.actions.database.statements.total;
      const body = await query<{ actions: { pageInfo: { endCursor: string } } }>(ADMIN, `query P($first: Int, $after: String) { actions(first: $first, after: $after) { edges { node { id } } pageInfo { endCursor } totalCount } }`, { first, after });
      expect(body.errors).toBeUndefined();
      return { count: hub.actions.database.statements.total - before, endCursor: body.data!.actions.pageInfo.endCursor };
    };
    const small = await statements(5, null);
    const large = await statements(500, null);
    const later = await statements(5, large.endCursor);
    expect(large.count).toBe(small.count);
    expect(later.count).toBe(small.count);
    // The page with one more row, and the count.
    expect(small.count).toBeLessThanOrEqual(3);
  });

  test('each kommun\'s own list, 2 at a time, holds exactly its actions', async () => {
    const all = await stored();
    for (const m of municipalities) {
      const { nodes, totals } = await walk(ADMIN, async (after) => {
        const body = await query<{ municipality: { actionsConnection: Page } }>(ADMIN, OF_KOMMUN, { code: m.code, first: 2, after });
        expect(body.errors).toBeUndefined();
        return body.data!.municipality.actionsConnection;
      });
      const own = all.filter((a) => a.municipalityCode === m.code).map((a) => a.id);
      expect(totals).toEqual([own.length]);
      expect(nodes.map((n) => n.id).sort()).toEqual(own.sort());
    }
  }, 600_000);

  test('actions written during a walk neither repeat nor hide the rows before them', async () => {
    const before = await stored();
    const written: { id: string; startsOn: string }[] = [];
    const create = async (startsOn: string) => {
      const body = await query<{ createAction: { id: string } }>(
        LUND,
        'mutation New($input: ActionInput!) { createAction(input: $input) { id } }',
        { input: { municipalityCode: '1281', title: `Ny under genomgången ${startsOn}`, startsOn, responsible: [{ kind: 'MUNICIPAL_DEPARTMENT', name: 'Lunds kommun', lead: true }] } },
      );
      expect(body.errors).toBeUndefined();
      written.push({ id: body.data!.createAction.id, startsOn });
    };
    // After the second page: one action far before the walk's position, one on its shared date, one after all dated ones.
    const { nodes } = await walk(ADMIN, rootPage(ADMIN, 37), async (pageNumber) => {
      if (pageNumber === 2) for (const day of ['2000-01-01', '2025-03-01', '2031-12-31']) await create(day);
    });
    const ids = nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const row of before) expect(ids).toContain(row.id);
    expect(ids).not.toContain(written[0]!.id);
    expect(ids).toContain(written[2]!.id);
    expect(ids.length).toBeLessThanOrEqual(before.length + written.length);
  }, 600_000);

  test('a bad `first` or `after` is refused with a message that says why', async () => {
    for (const first of [0, -1, 501]) {
      const body = await query(ADMIN, ROOT, { first });
      expect(body.errors?.[0]).toMatchObject({ message: expect.stringContaining('`first` must be between 1 and 500'), extensions: { code: 'BAD_USER_INPUT' } });
    }
    const agreements = await query<{ agreements: { pageInfo: { endCursor: string } } }>(ADMIN, '{ agreements(first: 1) { pageInfo { endCursor } } }', {});
    const otherList = agreements.data!.agreements.pageInfo.endCursor;
    for (const after of ['not a cursor', 'bm9wZQ', otherList, Buffer.from('actions:[1]').toString('base64url'), Buffer.from('actions:["x",null]').toString('base64url')]) {
      const body = await query(ADMIN, ROOT, { first: 5, after });
      expect(body.errors?.[0]).toMatchObject({ message: expect.stringContaining('`after` is not a cursor of this list'), extensions: { code: 'BAD_USER_INPUT' } });
    }
    const region = await query(ADMIN, ROOT, { first: 5, filter: { policeRegion: 'NOPE' } });
    expect(region.errors?.[0]).toMatchObject({ message: expect.stringContaining('not a polisregion code'), extensions: { code: 'BAD_USER_INPUT' } });
  });

  test('a kommun user walks the public actions and their own kommun\'s, and the total counts only those', async () => {
    const all = await stored();
    const readable = all.filter((a) => a.visibility === 'PUBLIC' || a.municipalityCode === '1281').map((a) => a.id);
    expect(readable.length).toBeLessThan(all.length);
    const { nodes, totals } = await walk(LUND, rootPage(LUND, 50));
    expect(totals).toEqual([readable.length]);
    expect(nodes.map((n) => n.id).sort()).toEqual(readable.sort());
    // Anonymous callers: the public ones only; in region Syd, filtered in SQL.
    const publicSyd = await walk(null, rootPage(null, 100, { policeRegion: 'SYD' }));
    const syd = new Set(municipalities.filter((m) => m.policeRegionCode === 'SYD').map((m) => m.code));
    const expected = all.filter((a) => a.visibility === 'PUBLIC' && syd.has(a.municipalityCode)).map((a) => a.id);
    expect(publicSyd.totals).toEqual([expected.length]);
    expect(publicSyd.nodes.map((n) => n.id).sort()).toEqual(expected.sort());
  }, 600_000);

  /** Walks a connection field (any node type) `first` at a time; returns the ids in order and the totals seen. */
  const walkIds = async (actor: Actor | null, text: string, variables: Record<string, unknown>, pick: (data: never) => { edges: { cursor: string; node: { id?: string; at?: string; number?: number } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null }; totalCount: number }) => {
    const ids: string[] = [];
    const totals = new Set<number>();
    let after: string | null = null;
    for (let guard = 0; guard < 1000; guard++) {
      const body = await query<never>(actor, text, { ...variables, after });
      expect(body.errors).toBeUndefined();
      const page = pick(body.data!);
      totals.add(page.totalCount);
      ids.push(...page.edges.map((edge) => String(edge.node.id ?? edge.node.at ?? edge.node.number)));
      if (!page.pageInfo.hasNextPage) return { ids, totals: [...totals] };
      after = page.pageInfo.endCursor;
    }
    throw new Error('the walk did not end');
  };

  test('a kommun\'s lägesbilder and åtgärdsplaner, and a plan\'s revisions, page as their plain lists hold them', async () => {
    const reportIds: string[] = [];
    for (const [n, decidedOn] of ['2024-02-01', '2024-02-01', '2023-01-15'].entries()) {
      const report = await query<{ createSituationReport: { id: string } }>(LUND, 'mutation R($title: String!, $decidedOn: Date!) { createSituationReport(input: { municipalityCode: "1281", title: $title, decidedOn: $decidedOn, joint: true }) { id } }', { title: `Lägesbild ${n + 1}`, decidedOn });
      expect(report.errors).toBeUndefined();
      reportIds.push(report.data!.createSituationReport.id);
    }
    for (const decidedOn of ['2024-03-01', '2024-06-01']) {
      const items = [{ key: 'a', title: 'Trygghetsvandringar' }];
      const plan = await query<{ createActionPlan: { id: string; version: number } }>(LUND, 'mutation P($decidedOn: Date!, $reports: [ID!]!, $items: [ActionPlanItemInput!]!) { createActionPlan(input: { municipalityCode: "1281", title: "Åtgärdsplan", decidedOn: $decidedOn, situationReportIds: $reports, items: $items }) { id version } }', { decidedOn, reports: [reportIds[0]], items });
      expect(plan.errors).toBeUndefined();
      const { id } = plan.data!.createActionPlan;
      let { version } = plan.data!.createActionPlan;
      for (const revisedOn of ['2024-09-01', '2024-12-01']) {
        const revised = await query<{ reviseActionPlan: { version: number } }>(LUND, 'mutation V($id: ID!, $version: Int!, $on: Date!, $items: [ActionPlanItemInput!]!) { reviseActionPlan(id: $id, version: $version, decidedOn: $on, items: $items) { version } }', { id, version, on: revisedOn, items: [...items, { key: revisedOn, title: `Ny punkt ${revisedOn}` }] });
        expect(revised.errors).toBeUndefined();
        version = revised.data!.reviseActionPlan.version;
      }
      expect(id).toBeTruthy();
    }
    const plain = await query<{ municipality: { situationReports: { id: string }[]; actionPlans: { id: string; revisions: { number: number }[] }[] } }>(
      null,
      '{ municipality(code: "1281") { situationReports { id } actionPlans { id revisions { number } } } }',
      {},
    );
    expect(plain.errors).toBeUndefined();
    const lund = plain.data!.municipality;
    expect(lund.situationReports).toHaveLength(3);
    expect(lund.actionPlans).toHaveLength(2);
    const reports = await walkIds(null, 'query R($after: String) { municipality(code: "1281") { situationReportsConnection(first: 1, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } totalCount } } }', {}, (d: { municipality: { situationReportsConnection: never } }) => d.municipality.situationReportsConnection);
    // Newest first; the two of the same day in the order of their ids (the plain list leaves that order open).
    expect(reports.ids.slice().sort()).toEqual(lund.situationReports.map((r) => r.id).sort());
    expect(reports.ids[2]).toBe(reportIds[2]);
    expect(reports.totals).toEqual([lund.situationReports.length]);
    const plans = await walkIds(null, 'query P($after: String) { municipality(code: "1281") { actionPlansConnection(first: 1, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } totalCount } } }', {}, (d: { municipality: { actionPlansConnection: never } }) => d.municipality.actionPlansConnection);
    expect(plans.ids).toEqual(lund.actionPlans.map((p) => p.id));
    for (const plan of lund.actionPlans) {
      const revisions = await walkIds(
        null,
        'query V($after: String) { municipality(code: "1281") { actionPlansConnection { edges { node { id revisionsConnection(first: 1, after: $after) { edges { cursor node { number } } pageInfo { hasNextPage endCursor } totalCount } } } } } }',
        {},
        (d: { municipality: { actionPlansConnection: { edges: { node: { id: string; revisionsConnection: never } }[] } } }) =>
          d.municipality.actionPlansConnection.edges.find((edge) => edge.node.id === plan.id)!.node.revisionsConnection,
      );
      expect(revisions.ids).toEqual(['1', '2', '3']);
      expect(revisions.ids).toEqual(plan.revisions.map((r) => String(r.number)));
    }
  });

  test('an åtgärd\'s follow-ups and its history page as their plain lists hold them', async () => {
    const created = await query<{ createAction: { id: string } }>(
      LUND,
      'mutation { createAction(input: { municipalityCode: "1281", title: "Uppföljd åtgärd", responsible: [{ kind: MUNICIPAL_DEPARTMENT, name: "Lunds kommun", lead: true }] }) { id } }',
      {},
    );
    expect(created.errors).toBeUndefined();
    const { id } = created.data!.createAction;
    for (const [n, date] of ['2025-05-01', '2025-02-01', '2025-05-01'].entries()) {
      const added = await query<{ addFollowUp: { version: number } }>(LUND, 'mutation F($id: ID!, $date: Date!, $text: String!) { addFollowUp(actionId: $id, input: { date: $date, text: $text, outcome: TOO_EARLY }) { version } }', { id, date, text: `Uppföljning ${n + 1}` });
      expect(added.errors).toBeUndefined();
      const updated = await query<{ updateAction: { version: number } }>(LUND, 'mutation U($id: ID!, $version: Int!, $title: String!) { updateAction(id: $id, version: $version, changes: { title: $title }) { version } }', { id, version: added.data!.addFollowUp.version, title: `Uppföljd åtgärd ${n + 1}` });
      expect(updated.errors).toBeUndefined();
    }
    const plain = await query<{ action: { followUps: { id: string }[]; history: { at: string; operation: string }[] } }>(LUND, 'query A($id: ID!) { action(id: $id) { followUps { id } history { at operation } } }', { id });
    const { followUps, history } = plain.data!.action;
    expect(followUps).toHaveLength(3);
    expect(history.length).toBeGreaterThanOrEqual(4);
    const pagedFollowUps = await walkIds(LUND, 'query G($id: ID!, $after: String) { action(id: $id) { followUpsConnection(first: 2, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } totalCount } } }', { id }, (d: { action: { followUpsConnection: never } }) => d.action.followUpsConnection);
    expect(new Set(pagedFollowUps.ids)).toEqual(new Set(followUps.map((f) => f.id)));
    expect(pagedFollowUps.ids).toHaveLength(3);
    const pagedHistory = await walkIds(LUND, 'query H($id: ID!, $after: String) { action(id: $id) { historyConnection(first: 2, after: $after) { edges { cursor node { at } } pageInfo { hasNextPage endCursor } totalCount } } }', { id }, (d: { action: { historyConnection: never } }) => d.action.historyConnection);
    expect(pagedHistory.ids).toEqual(history.map((h) => h.at));
    expect(pagedHistory.totals).toEqual([history.length]);
    // Anonymous callers are told to sign in, as for `history`.
    const anonymous = await query(null, 'query H($id: ID!) { action(id: $id) { historyConnection { totalCount } } }', { id });
    expect(anonymous.errors?.[0]?.message).toMatch(/signed-in/);
  });

  test('an agreement\'s, a medborgarlöfte\'s and a fokusområde\'s actions page as their plain lists hold them, links included', async () => {
    const fields = 'edges { cursor node { id } } pageInfo { hasNextPage endCursor } totalCount';
    const cases: [string, string, Record<string, unknown>][] = [];
    for (const links of [null, ['STATED'], ['SAME_DECISION'], ['SAME_PACKAGE'], ['SAME_DECISION', 'SAME_PACKAGE']]) {
      for (const id of ['lund-2019', 'lund-2024', 'landskrona-2009', 'burlov-2023']) cases.push(['agreement(id: $id)', '$id: ID!, $links: [AgreementLink!]', { id, links }]);
    }
    cases.push(['citizenPromise(id: $id)', '$id: ID!', { id: 'lund-2019-medborgarlofte-ostra' }]);
    for (const code of ['SAFE_PUBLIC_SPACE', 'CHILDREN_YOUTH']) cases.push(['focusAreas', '', { code }]);
    let nonEmpty = 0;
    for (const [parent, declared, variables] of cases) {
      const args = 'links' in variables ? '(links: $links)' : '';
      if (parent.startsWith('focusAreas')) {
        const plain = await query<{ focusAreas: { code: string; actions: { id: string }[] | null }[] }>(ADMIN, '{ focusAreas { code actions { id } } }', {});
        const list = plain.data!.focusAreas.find((f) => f.code === variables.code)!.actions!.map((a) => a.id);
        const paged = await walkIds(ADMIN, `query F($after: String) { focusAreas { code actionsConnection(first: 40, after: $after) { ${fields} } } }`, {}, (d: { focusAreas: { code: string; actionsConnection: never }[] }) => d.focusAreas.find((f) => f.code === variables.code)!.actionsConnection);
        expect(paged.ids.slice().sort()).toEqual(list.slice().sort());
        nonEmpty += list.length ? 1 : 0;
        continue;
      }
      const key = parent.split('(')[0]!;
      const plain = await query<Record<string, { actions: { id: string }[] | null } | null>>(ADMIN, `query P(${declared}) { ${parent} { actions${args} { id } } }`, variables);
      expect(plain.errors).toBeUndefined();
      const list = plain.data![key]!.actions!.map((a) => a.id);
      const paged = await walkIds(ADMIN, `query C(${declared}, $after: String) { ${parent} { actionsConnection(${'links' in variables ? 'links: $links, ' : ''}first: 1, after: $after) { ${fields} } } }`, variables, (d: Record<string, { actionsConnection: never }>) => d[key]!.actionsConnection);
      expect([key, variables, paged.ids.slice().sort()]).toEqual([key, variables, list.slice().sort()]);
      expect(paged.totals).toEqual([list.length]);
      nonEmpty += list.length ? 1 : 0;
    }
    expect(nonEmpty).toBeGreaterThan(3);
  });

  test('medborgarlöften page as their plain list holds them, for each caller', async () => {
    for (const actor of [null, LUND, ADMIN]) {
      const plain = await query<{ citizenPromises: { id: string }[] }>(actor, '{ citizenPromises { id } }', {});
      expect(plain.errors).toBeUndefined();
      const paged = await walkIds(actor, 'query C($after: String) { citizenPromisesConnection(first: 1, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } totalCount } }', {}, (d: { citizenPromisesConnection: never }) => d.citizenPromisesConnection);
      expect(paged.ids).toEqual(plain.data!.citizenPromises.map((p) => p.id));
      expect(paged.totals).toEqual([plain.data!.citizenPromises.length]);
    }
  });

  test('survey results page by area and for the whole hub, published values only unless asked', async () => {
    await seedDemoData(hub.surveys.client);
    const origins = ['PUBLISHED', 'DEMO'];
    const plain = await query<{ municipality: { surveyResults: { id: string }[] } }>(null, 'query S($origins: [ResultOrigin!]) { municipality(code: "1281") { surveyResults(origins: $origins) { id } } }', { origins });
    const lund = plain.data!.municipality.surveyResults.map((r) => r.id);
    expect(lund.length).toBeGreaterThan(7);
    const paged = await walkIds(null, 'query S($origins: [ResultOrigin!], $after: String) { municipality(code: "1281") { surveyResultsConnection(origins: $origins, first: 7, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } totalCount } } }', { origins }, (d: { municipality: { surveyResultsConnection: never } }) => d.municipality.surveyResultsConnection);
    expect(paged.ids.slice().sort()).toEqual(lund.slice().sort());
    expect(paged.totals).toEqual([lund.length]);
    const published = await hub.surveys.client.surveyResult.count({ where: { origin: 'PUBLISHED' } });
    const root = await query<{ surveyResults: { totalCount: number } }>(null, '{ surveyResults(first: 1) { totalCount } }', {});
    expect(root.data!.surveyResults.totalCount).toBe(published);
    const demoSyd = await hub.surveys.client.surveyResult.count({ where: { origin: 'DEMO', policeRegionCode: 'SYD', year: 2025 } });
    const walked = await walkIds(null, 'query D($after: String) { surveyResults(filter: { origins: [DEMO], policeRegion: "SYD", from: 2025, to: 2025 }, first: 500, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } totalCount } }', {}, (d: { surveyResults: never }) => d.surveyResults);
    expect(walked.ids).toHaveLength(demoSyd);
    expect(new Set(walked.ids).size).toBe(demoSyd);
  }, 600_000);
});

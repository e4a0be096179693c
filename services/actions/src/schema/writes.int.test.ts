import { testDatabaseKinds } from '@samverkan/db/testing';
import { snapshotOfAreas } from '@samverkan/geo';
import { type Actor, signActorHeaders } from '@samverkan/schema';
import { type RunningSubgraph } from '@samverkan/server';
import { postGraphQL, startTestSubgraph } from '@samverkan/server/testing';
import type { PrismaClient } from '../db';
import { subgraph as actionsSubgraph } from '../definition';

const HOP = 'actions-test-hop';
const kommunUser: Actor = { role: 'kommun', subject: 'märta', municipalityCode: '1287' };
const lpoPolice: Actor = { role: 'police', subject: 'östen', localPoliceAreaId: 'trelleborg', policeRegionCode: 'SYD' };
const nordPolice: Actor = { role: 'police', subject: 'åke', localPoliceAreaId: 'kiruna', policeRegionCode: 'NORD' };

const ACTION = {
  municipalityCode: '1287',
  title: 'Trygghetsvandring på Möllevångstorget',
  focusAreaCode: 'SAFE_PUBLIC_SPACE',
  place: 'Möllevångstorget',
  method: 'trygghetsvandring',
  startsOn: '2025-03-01',
  endsOn: '2025-11-30',
  responsible: [
    { kind: 'MUNICIPAL_DEPARTMENT', name: 'Stadskontoret, Malmö stad', lead: true },
    { kind: 'POLICE', name: 'Lokalpolisområde Malmö Söder' },
  ],
};

describe.each(testDatabaseKinds())('writing actions on %s', (kind) => {
  let subgraph: RunningSubgraph<PrismaClient>;
  beforeAll(async () => {
    // The lokalpolisområden the agreements subgraph would publish (it does not run here).
    const organisation = snapshotOfAreas([
      { id: 'lund', name: 'Lokalpolisområde Lund', policeRegionCode: 'SYD', municipalityCodes: ['1281'] },
      { id: 'trelleborg', name: 'Lokalpolisområde Trelleborg', policeRegionCode: 'SYD', municipalityCodes: ['1263', '1287', '1233'] },
    ]);
    subgraph = await startTestSubgraph(actionsSubgraph, kind, { hopSecret: HOP, organisation: { current: async () => organisation } });
  });
  afterAll(() => subgraph?.close());
  const as = (actor: Actor | null, query: string, variables: Record<string, unknown> = {}) =>
    postGraphQL(subgraph.url, query, variables, actor ? signActorHeaders(actor, HOP, { subgraph: 'actions', query, variables }) : {});
  const create = (actor: Actor | null, input: Record<string, unknown>) =>
    as(actor, 'mutation ($i: ActionInput!) { createAction(input: $i) { id version status visibility responsible { name lead } statusHistory { fromStatus toStatus } } }', { i: input });

  it('creates an action, moves it through allowed statuses with history, and refuses the rest', async () => {
    const created = await create(kommunUser, ACTION);
    expect(created.body.errors).toBeUndefined();
    const action = (created.body.data as { createAction: { id: string; version: number; responsible: unknown; statusHistory: unknown } }).createAction;
    expect(action.responsible).toEqual([
      { name: 'Stadskontoret, Malmö stad', lead: true },
      { name: 'Lokalpolisområde Malmö Söder', lead: false },
    ]);
    const change = (status: string, version: number) =>
      as(lpoPolice, 'mutation ($id: ID!, $v: Int!, $s: ActionStatus!) { changeActionStatus(id: $id, version: $v, status: $s, on: "2025-03-01") { status version statusHistory { fromStatus toStatus changedOn } } }', {
        id: action.id,
        v: version,
        s: status,
      });
    const done = await change('DONE', 1);
    expect(done.body.errors?.[0]?.message).toBe('An åtgärd that is PLANNED cannot become DONE; it can become ONGOING or CANCELLED.');
    const ongoing = await change('ONGOING', 1);
    expect(ongoing.body.errors).toBeUndefined();
    expect((ongoing.body.data as { changeActionStatus: { statusHistory: unknown[] } }).changeActionStatus.statusHistory).toEqual([
      { fromStatus: null, toStatus: 'PLANNED', changedOn: expect.any(String) },
      { fromStatus: 'PLANNED', toStatus: 'ONGOING', changedOn: '2025-03-01' },
    ]);
    const stale = await change('DONE', 1);
    expect(stale.body.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', currentVersion: 2 } });
    expect((await change('DONE', 2)).body.errors).toBeUndefined();
    expect((await change('CANCELLED', 3)).body.errors?.[0]?.message).toMatch(/DONE cannot become CANCELLED; it is final/);

    const followUp = await as(kommunUser, 'mutation ($id: ID!) { addFollowUp(actionId: $id, input: { date: "2025-12-10", text: "Färre upplever otrygghet på torget.", outcome: PARTLY, indicatorCodes: ["UNSAFE_OUTDOORS"] }) { followUps { text outcome indicatorCodes } } }', { id: action.id });
    expect(followUp.body.data).toEqual({ addFollowUp: { followUps: [{ text: 'Färre upplever otrygghet på torget.', outcome: 'PARTLY', indicatorCodes: ['UNSAFE_OUTDOORS'] }] } });
    const unknownIndicator = await as(kommunUser, 'mutation ($id: ID!) { addFollowUp(actionId: $id, input: { date: "2025-12-11", text: "x", outcome: PARTLY, indicatorCodes: ["HAPPINESS"] }) { id } }', { id: action.id });
    expect(unknownIndicator.body.errors?.[0]?.message).toMatch(/`indicatorCodes\[0\]` "HAPPINESS" is not in the indicator catalogue: use PROBLEM_INDEX, UNSAFE_OUTDOORS/);
  });

  it('changes an action at the version read, refuses a stale version with the current one, and keeps the history', async () => {
    const created = await create(kommunUser, { ...ACTION, title: 'Ordningsvakter vid Triangeln' });
    const id = (created.body.data as { createAction: { id: string } }).createAction.id;
    const update = (version: number, changes: Record<string, unknown>) =>
      as(lpoPolice, 'mutation ($id: ID!, $v: Int!, $c: ActionChangesInput!) { updateAction(id: $id, version: $v, changes: $c) { version title place endsOn latitude longitude } }', { id, v: version, c: changes });
    const first = await update(1, { title: 'Ordningsvakter vid Triangeln och Davidshall', place: null, endsOn: '2026-06-30' });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data).toEqual({ updateAction: { version: 2, title: 'Ordningsvakter vid Triangeln och Davidshall', place: null, endsOn: '2026-06-30', latitude: null, longitude: null } });
    const stale = await update(1, { title: 'Försenad ändring' });
    expect(stale.body.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', currentVersion: 2 } });
    const bad = await update(2, { endsOn: '2024-01-01' });
    expect(bad.body.errors?.[0]?.message).toMatch(/period must run forwards/);
    expect((await update(2, { visibility: null })).body.errors?.[0]?.message).toMatch(/`visibility` cannot be cleared/);

    const { body } = await as(kommunUser, `{ action(id: "${id}") { version history { actorRole actorSubject operation changes { field before after } } } }`);
    const action = (body.data as { action: { version: number; history: { actorSubject: string; operation: string; changes: { field: string; before: string | null; after: string | null }[] }[] } }).action;
    expect(action.version).toBe(2);
    expect(action.history.map((h) => [h.actorSubject, h.operation])).toEqual([['märta', 'createAction'], ['östen', 'updateAction']]);
    expect(action.history[1]!.changes).toEqual([
      { field: 'title', before: 'Ordningsvakter vid Triangeln', after: 'Ordningsvakter vid Triangeln och Davidshall' },
      { field: 'endsOn', before: '2025-11-30', after: '2026-06-30' },
      { field: 'place', before: 'Möllevångstorget', after: null },
    ]);
    expect((await as(null, `{ action(id: "${id}") { history { operation } } }`)).body.data).toEqual({ action: { history: null } });
  });

  it.each([
    ['an empty title', { title: '' }, /`title` must not be empty/],
    ['dates out of order', { startsOn: '2025-12-01', endsOn: '2025-01-01' }, /period must run forwards/],
    ['an unknown focus area', { focusAreaCode: 'PIRACY' }, /No fokusområde has the code "PIRACY"/],
    ['two leads', { responsible: [{ kind: 'POLICE', name: 'A', lead: true }, { kind: 'OTHER', name: 'B', lead: true }] }, /Exactly one responsible party must lead; 2 do/],
    ['no responsible party', { responsible: [] }, /at least one responsible party/],
    ['a latitude without a longitude', { latitude: 55.59 }, /both `latitude` and `longitude`/],
    ['an unknown action plan', { actionPlanId: 'nope' }, /No åtgärdsplan has the id "nope"/],
  ])('refuses %s, writing nothing', async (_what, overrides, message) => {
    const before = await subgraph.client.action.count();
    const { body } = await create(kommunUser, { ...ACTION, ...overrides });
    expect(body.errors?.[0]?.message).toMatch(message);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await subgraph.client.action.count()).toBe(before);
  });

  it('refuses writers from another kommun or region, and hides PARTIES actions from the public', async () => {
    expect((await create(nordPolice, ACTION)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await create(null, ACTION)).body.errors?.[0]?.message).toBe('Sign in: Mutation.createAction is not open to anonymous callers.');
    const analyst: Actor = { role: 'analyst', subject: 'ann', policeRegionCode: 'SYD' };
    expect((await create(analyst, ACTION)).body.errors?.[0]?.message).toBe('A user with the role analyst may not use Mutation.createAction.');
    const otherLpo: Actor = { role: 'police', subject: 'lars', localPoliceAreaId: 'lund', policeRegionCode: 'SYD' };
    expect((await create(otherLpo, ACTION)).body.errors?.[0]?.message).toMatch(/Only a user of kommun 1287 or police of a lokalpolisområde covering it/);
    const hidden = await create(lpoPolice, { ...ACTION, title: 'Spaning mot öppen narkotikahandel', visibility: 'PARTIES' });
    const id = (hidden.body.data as { createAction: { id: string } }).createAction.id;
    expect((await as(null, `{ action(id: "${id}") { id } }`)).body.data).toEqual({ action: null });
    expect((await as(kommunUser, `{ action(id: "${id}") { id } }`)).body.data).toEqual({ action: { id } });
    expect((await as(nordPolice, `{ action(id: "${id}") { id } }`)).body.data).toEqual({ action: null });
  });

  it('keeps every revision of an åtgärdsplan and shows what each changed', async () => {
    const report = await as(kommunUser, 'mutation { createSituationReport(input: { municipalityCode: "1287", title: "Lägesbild Malmö 2024", decidedOn: "2024-02-01", joint: true, findings: [{ problem: "Öppen narkotikahandel", area: "Möllevången", focusAreaCode: "ANDTS", trend: INCREASING }] }) { id findings { problem trend } } }');
    expect(report.body.errors).toBeUndefined();
    const reportId = (report.body.data as { createSituationReport: { id: string } }).createSituationReport.id;
    const plan = await as(kommunUser, 'mutation ($r: ID!) { createActionPlan(input: { municipalityCode: "1287", title: "Åtgärdsplan 2024–2025", decidedOn: "2024-03-01", situationReportIds: [$r], items: [{ key: "a", title: "Trygghetsvandringar", responsible: "Stadskontoret" }, { key: "b", title: "Kameror" }] }) { id version } }', { r: reportId });
    const planId = (plan.body.data as { createActionPlan: { id: string } }).createActionPlan.id;
    const revised = await as(kommunUser, `mutation { reviseActionPlan(id: "${planId}", version: 1, decidedOn: "2024-09-01", items: [{ key: "a", title: "Trygghetsvandringar varje månad", responsible: "Stadskontoret" }, { key: "c", title: "Föräldravandringar" }]) {
      revisions { number changes { added { key } changed { key fields before { title } after { title } } removed { key } } } } }`);
    expect(revised.body.errors).toBeUndefined();
    expect((revised.body.data as { reviseActionPlan: { revisions: unknown[] } }).reviseActionPlan.revisions).toEqual([
      { number: 1, changes: { added: [{ key: 'a' }, { key: 'b' }], changed: [], removed: [] } },
      {
        number: 2,
        changes: {
          added: [{ key: 'c' }],
          changed: [{ key: 'a', fields: ['title'], before: { title: 'Trygghetsvandringar' }, after: { title: 'Trygghetsvandringar varje månad' } }],
          removed: [{ key: 'b' }],
        },
      },
    ]);
    const early = await as(kommunUser, `mutation { reviseActionPlan(id: "${planId}", version: 2, decidedOn: "2024-01-01", items: []) { id } }`);
    expect(early.body.errors?.[0]?.message).toMatch(/cannot be decided before the previous one \(2024-09-01\)/);
    const later = await as(kommunUser, 'mutation ($r: ID!) { createActionPlan(input: { municipalityCode: "1287", title: "Fel", decidedOn: "2024-01-01", situationReportIds: [$r], items: [] }) { id } }', { r: reportId });
    expect(later.body.errors?.[0]?.message).toMatch(/was decided after 2024-01-01/);
  });
});

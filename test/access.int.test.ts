import { testDatabaseKinds } from '@samverkan/db/testing';
import { type Actor, signActorHeaders, signDevelopmentToken } from '@samverkan/schema';
import { postGraphQL } from '@samverkan/server/testing';
import { startTestHub, TEST_JWT_SECRET, type TestHub } from './support/hub';

/**
 * Who may read and write what, through the gateway: every role against every kind of record, for
 * reads and writes. An allowed read returns the record; a refused one returns null (lists leave it
 * out). An allowed write succeeds; a refused one is FORBIDDEN and writes nothing.
 */

type Role = 'anonymous' | 'kommun' | 'otherKommun' | 'police' | 'otherPolice' | 'regionPolice' | 'analyst' | 'otherAnalyst' | 'admin';

const ACTORS: Record<Exclude<Role, 'anonymous'>, Exclude<Actor, { role: 'anonymous' }>> = {
  kommun: { role: 'kommun', subject: 'trelleborg-handläggare', municipalityCode: '1287' },
  otherKommun: { role: 'kommun', subject: 'lund-handläggare', municipalityCode: '1281' },
  police: { role: 'police', subject: 'lpo-trelleborg', localPoliceAreaId: 'trelleborg', policeRegionCode: 'SYD' },
  otherPolice: { role: 'police', subject: 'lpo-lund', localPoliceAreaId: 'lund', policeRegionCode: 'SYD' },
  // Police of the whole region: they act only for kommuner no lokalpolisområde covers, and Trelleborg's does.
  regionPolice: { role: 'police', subject: 'polisregion-syd', policeRegionCode: 'SYD' },
  analyst: { role: 'analyst', subject: 'analytiker-syd', policeRegionCode: 'SYD' },
  otherAnalyst: { role: 'analyst', subject: 'analytiker-nord', policeRegionCode: 'NORD' },
  admin: { role: 'admin', subject: 'förvaltare' },
};
const ROLES: Role[] = ['anonymous', 'kommun', 'otherKommun', 'police', 'otherPolice', 'regionPolice', 'analyst', 'otherAnalyst', 'admin'];
const EVERYONE = ROLES;
const SIGNED_IN = ROLES.filter((r) => r !== 'anonymous');
const PARTIES_OF_TRELLEBORG: Role[] = ['kommun', 'police', 'analyst', 'admin'];
const WRITERS_OF_TRELLEBORG: Role[] = ['kommun', 'police'];

interface Case {
  what: string;
  kind: 'read' | 'write';
  allowed: Role[];
  /** The operation; `n` is a fresh number per attempt, for unique titles. */
  query: (ids: Ids, n: number) => string;
  /** Where the answer's record is (reads: null when refused). */
  pick: (data: Record<string, unknown>) => unknown;
}

interface Ids {
  draftAgreement: string;
  publicAction: string;
  partiesAction: string;
  publishedResult: string;
}

const ACTION_INPUT = (title: string, visibility = 'PUBLIC') =>
  `{ municipalityCode: "1287", title: "${title}", visibility: ${visibility}, responsible: [{ kind: MUNICIPAL_DEPARTMENT, name: "Trelleborgs kommun", lead: true }] }`;

const CASES: Case[] = [
  { what: 'a signed agreement', kind: 'read', allowed: EVERYONE, query: () => '{ agreement(id: "lund-2024") { id } }', pick: (d) => d.agreement },
  { what: 'a draft agreement', kind: 'read', allowed: PARTIES_OF_TRELLEBORG, query: (ids) => `{ agreement(id: "${ids.draftAgreement}") { id } }`, pick: (d) => d.agreement },
  {
    what: 'draft agreements in a list',
    kind: 'read',
    allowed: PARTIES_OF_TRELLEBORG,
    query: () => '{ agreements(filter: { municipality: "1287" }) { edges { node { id } } } }',
    pick: (d) => ((d.agreements as { edges: unknown[] }).edges.length ? d.agreements : null),
  },
  { what: 'an agreement\'s history', kind: 'read', allowed: SIGNED_IN, query: () => '{ agreement(id: "lund-2024") { history { operation } } }', pick: (d) => (d.agreement as { history: unknown }).history },
  {
    what: 'a new draft agreement',
    kind: 'write',
    allowed: WRITERS_OF_TRELLEBORG,
    query: (_ids, n) => `mutation { createAgreementDraft(input: { title: "Utkast ${n}", municipalityCode: "1287", localPoliceAreaIds: ["trelleborg"], validFrom: "2030-01-01", validTo: "2030-12-31" }) { id } }`,
    pick: (d) => d.createAgreementDraft,
  },
  { what: 'a public action', kind: 'read', allowed: EVERYONE, query: (ids) => `{ action(id: "${ids.publicAction}") { id } }`, pick: (d) => d.action },
  { what: 'a PARTIES action', kind: 'read', allowed: PARTIES_OF_TRELLEBORG, query: (ids) => `{ action(id: "${ids.partiesAction}") { id } }`, pick: (d) => d.action },
  {
    what: 'PARTIES actions in a kommun\'s list',
    kind: 'read',
    allowed: PARTIES_OF_TRELLEBORG,
    query: () => '{ municipality(code: "1287") { actions { visibility } } }',
    pick: (d) => ((d.municipality as { actions: { visibility: string }[] }).actions.some((a) => a.visibility === 'PARTIES') ? d.municipality : null),
  },
  { what: 'a new action', kind: 'write', allowed: WRITERS_OF_TRELLEBORG, query: (_ids, n) => `mutation { createAction(input: ${ACTION_INPUT(`Åtgärd ${n}`)}) { id } }`, pick: (d) => d.createAction },
  {
    what: 'a change to an action',
    kind: 'write',
    allowed: WRITERS_OF_TRELLEBORG,
    query: (ids, n) => `mutation { updateAction(id: "${ids.publicAction}", version: VERSION, changes: { description: "Ändring ${n}" }) { id } }`,
    pick: (d) => d.updateAction,
  },
  {
    what: 'a new lägesbild',
    kind: 'write',
    allowed: WRITERS_OF_TRELLEBORG,
    query: (_ids, n) => `mutation { createSituationReport(input: { municipalityCode: "1287", title: "Lägesbild ${n}", decidedOn: "2025-01-15", joint: true }) { id } }`,
    pick: (d) => d.createSituationReport,
  },
  { what: 'a published survey result', kind: 'read', allowed: EVERYONE, query: (ids) => `{ surveyResult(id: "${ids.publishedResult}") { id } }`, pick: (d) => d.surveyResult },
  {
    what: 'a survey import',
    kind: 'write',
    allowed: ['admin'],
    query: (_ids, n) =>
      `mutation { importSurveyResults(fileName: "test-${n}.csv", csv: "instrument,year,indicator,level,area,value\\nPOLISEN_SYD,2020,PROBLEM_INDEX,kommun,1287,1.${n % 10}\\n") { inserted updated unchanged } }`,
    pick: (d) => d.importSurveyResults,
  },
];

describe.each(testDatabaseKinds())('who may read and write what, through the gateway, on %s', (kind) => {
  let hub: TestHub;
  let ids: Ids;
  const tokens = new Map<Role, string>();
  beforeAll(async () => {
    hub = await startTestHub(kind, { caches: true }); // its assertions also prove the gateway's caches right
    for (const [role, actor] of Object.entries(ACTORS)) tokens.set(role as Role, await signDevelopmentToken(actor, TEST_JWT_SECRET));
    const as = async (role: Role, query: string) => {
      const { body } = await postGraphQL<Record<string, { id: string }>>(hub.gateway.url, query, {}, { authorization: `Bearer ${tokens.get(role)}` });
      if (body.errors) throw new Error(body.errors[0]!.message);
      return Object.values(body.data!)[0]!.id;
    };
    const published = await hub.surveys.client.surveyResult.findFirstOrThrow({ where: { origin: 'PUBLISHED', areaCode: 'trelleborg' } });
    ids = {
      draftAgreement: await as('kommun', 'mutation { createAgreementDraft(input: { title: "Trelleborg 2031", municipalityCode: "1287", localPoliceAreaIds: ["trelleborg"] }) { id } }'),
      publicAction: await as('kommun', `mutation { createAction(input: ${ACTION_INPUT('Trygghetsvandring i hamnen')}) { id } }`),
      partiesAction: await as('police', `mutation { createAction(input: ${ACTION_INPUT('Spaning mot narkotikahandel', 'PARTIES')}) { id } }`),
      publishedResult: published.id,
    };
  });
  afterAll(() => hub?.close());

  const rows = CASES.flatMap((c) => ROLES.map((role) => [c.what, c.kind, role, c.allowed.includes(role) ? 'allowed' : 'refused', c] as const));
  let attempt = 0;

  it.each(rows)('%s (%s) by %s: %s', async (_what, _kind, role, verdict, c) => {
    attempt += 1;
    let query = c.query(ids, attempt);
    if (query.includes('VERSION')) {
      const current = await hub.actions.client.action.findUniqueOrThrow({ where: { id: ids.publicAction } });
      query = query.replace('VERSION', String(current.version));
    }
    const headers: Record<string, string> = role === 'anonymous' ? {} : { authorization: `Bearer ${tokens.get(role)}` };
    const counts = async () => [await hub.agreements.client.auditEntry.count(), await hub.actions.client.auditEntry.count(), await hub.surveys.client.auditEntry.count()];
    const before = await counts();
    const { body } = await postGraphQL<Record<string, unknown>>(hub.gateway.url, query, {}, headers);
    if (verdict === 'allowed') {
      expect(body.errors).toBeUndefined();
      expect(c.pick(body.data!)).not.toBeNull();
    } else if (c.kind === 'read') {
      expect(body.data === null || body.data === undefined ? null : c.pick(body.data)).toBeNull();
    } else {
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(await counts()).toEqual(before); // nothing written, so nothing audited
    }
  });

  /**
   * A write on a record the caller may not read answers exactly as one on an id that does not exist:
   * the same message (but for the id) and the same extensions, so neither the record's existence nor
   * its kommun, lokalpolisområde or version leaks.
   */
  const WRITES_ON: { what: string; record: (ids: Ids) => string; write: (id: string) => string }[] = [
    { what: 'updateAction', record: (ids) => ids.partiesAction, write: (id) => `mutation { updateAction(id: "${id}", version: 1, changes: { description: "x" }) { id } }` },
    { what: 'changeActionStatus', record: (ids) => ids.partiesAction, write: (id) => `mutation { changeActionStatus(id: "${id}", version: 1, status: ONGOING) { id } }` },
    { what: 'addFollowUp', record: (ids) => ids.partiesAction, write: (id) => `mutation { addFollowUp(actionId: "${id}", input: { date: "2025-01-01", text: "x", outcome: TOO_EARLY }) { id } }` },
    {
      what: 'updateAgreementDraft',
      record: (ids) => ids.draftAgreement,
      write: (id) => `mutation { updateAgreementDraft(id: "${id}", version: 1, input: { title: "x", municipalityCode: "1287", localPoliceAreaIds: ["trelleborg"] }) { id } }`,
    },
    { what: 'approveAgreement', record: (ids) => ids.draftAgreement, write: (id) => `mutation { approveAgreement(id: "${id}", version: 99) { id } }` },
    { what: 'withdrawAgreement', record: (ids) => ids.draftAgreement, write: (id) => `mutation { withdrawAgreement(id: "${id}", version: 99) { id } }` },
    { what: 'supersedeAgreement', record: (ids) => ids.draftAgreement, write: (id) => `mutation { supersedeAgreement(id: "${id}", by: "lund-2024", version: 99) { id } }` },
  ];
  const NON_READERS_OF_TRELLEBORG_DRAFTS: Role[] = ['anonymous', 'otherKommun', 'otherPolice', 'regionPolice', 'otherAnalyst'];
  /** The anonymous and analysts write nothing: they are refused (FORBIDDEN) before any record is looked at, whatever the id. */
  const REFUSED_BY_ROLE: Role[] = ['anonymous', 'otherAnalyst'];
  const shapeOf = (error: { message: string; extensions?: Record<string, unknown> } | undefined, id: string) => ({
    message: error?.message.split(id).join('<id>'),
    extensions: error?.extensions,
  });

  it.each(WRITES_ON.flatMap((w) => NON_READERS_OF_TRELLEBORG_DRAFTS.map((role) => [w.what, role, w] as const)))(
    '%s by %s on a record it may not read answers as on one that does not exist',
    async (_what, role, w) => {
      const headers: Record<string, string> = role === 'anonymous' ? {} : { authorization: `Bearer ${tokens.get(role)}` };
      const id = w.record(ids);
      const missingId = `${id.slice(0, -4)}${id.endsWith("0000") ? "1111" : "0000"}`;
      const hidden = await postGraphQL(hub.gateway.url, w.write(id), {}, headers);
      const missing = await postGraphQL(hub.gateway.url, w.write(missingId), {}, headers);
      expect(hidden.body.errors?.[0]?.extensions?.code).toBe(REFUSED_BY_ROLE.includes(role) ? 'FORBIDDEN' : 'NOT_FOUND');
      expect(shapeOf(hidden.body.errors?.[0], id)).toEqual(shapeOf(missing.body.errors?.[0], missingId));
      expect(hidden.body.data).toEqual(missing.body.data);
    },
  );

  it('refuses a successor the writer may not read as one that does not exist', async () => {
    const headers = { authorization: `Bearer ${tokens.get('otherKommun')}` };
    const supersede = (by: string) => postGraphQL(hub.gateway.url, `mutation { supersedeAgreement(id: "lund-2024", by: "${by}") { id } }`, {}, headers);
    const hidden = await supersede(ids.draftAgreement);
    const missing = await supersede('no-such-agreement');
    expect(hidden.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(shapeOf(hidden.body.errors?.[0], ids.draftAgreement)).toEqual(shapeOf(missing.body.errors?.[0], 'no-such-agreement'));
  });

  it('lets police of a whole region act for a kommun no lokalpolisområde covers, and only there', async () => {
    const as = (role: Role, query: string) => postGraphQL<Record<string, { id: string; version: number }>>(hub.gateway.url, query, {}, { authorization: `Bearer ${tokens.get(role)}` });
    // Malmö (1280) has no registered lokalpolisområde: the region is its police party.
    const malmo = await as('regionPolice', 'mutation { createAgreementDraft(input: { title: "Malmö 2030", municipalityCode: "1280", policeRegion: "SYD", validFrom: "2030-01-01" }) { id version } }');
    expect(malmo.body.errors).toBeUndefined();
    const { id, version } = malmo.body.data!.createAgreementDraft!;
    expect((await as('regionPolice', `{ agreement(id: "${id}") { id } }`)).body.data).toEqual({ agreement: { id } });
    expect((await as('otherPolice', `{ agreement(id: "${id}") { id } }`)).body.data).toEqual({ agreement: null });
    expect((await as('regionPolice', `mutation { approveAgreement(id: "${id}", version: ${version}) { id } }`)).body.errors).toBeUndefined();
    // Trelleborg has its lokalpolisområde: the region may not sign for it, and the refusal names the area.
    const trelleborg = await as('regionPolice', 'mutation { createAgreementDraft(input: { title: "Trelleborg via regionen", municipalityCode: "1287", policeRegion: "SYD" }) { id } }');
    expect(trelleborg.body.errors?.[0]?.message).toMatch(/Lokalpolisområde Trelleborg \(localPoliceAreaIds: \["trelleborg"\]\)/);
  });

  it('tells a reader who may not write that it is FORBIDDEN', async () => {
    const analyst = await postGraphQL(hub.gateway.url, `mutation { approveAgreement(id: "${ids.draftAgreement}", version: 1) { id } }`, {}, { authorization: `Bearer ${tokens.get('analyst')}` });
    expect(analyst.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a write sent straight to a subgraph with a forged actor, and writes nothing', async () => {
    const mutation = `mutation { createAction(input: ${ACTION_INPUT('Förfalskad')}) { id } }`;
    const forged = signActorHeaders(ACTORS.kommun, 'a-guessed-secret', { subgraph: 'actions', query: mutation });
    const before = await hub.actions.client.action.count();
    const { body } = await postGraphQL(hub.actions.url, mutation, {}, forged);
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(body.errors?.[0]?.message).toMatch(/[Ss]ign in/);
    expect(await hub.actions.client.action.count()).toBe(before);
  });
});

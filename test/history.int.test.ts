import { testDatabaseKinds } from '@samverkan/db/testing';
import { type Actor, signDevelopmentToken } from '@samverkan/schema';
import { postGraphQL } from '@samverkan/server/testing';
import { startTestHub, TEST_JWT_SECRET, type TestHub } from './support/hub';

/**
 * A record's history, through the gateway: an entry is shown to those who could read the record
 * both before and after it. What was written while a record was private (a PARTIES åtgärd, a draft)
 * stays with those who could read it then, even after the record is made public or signed.
 */

const KOMMUN: Actor = { role: 'kommun', subject: 'trelleborg-handläggare', municipalityCode: '1287' };
const POLICE: Actor = { role: 'police', subject: 'lpo-trelleborg', localPoliceAreaId: 'trelleborg', policeRegionCode: 'SYD' };
const OTHER_KOMMUN: Actor = { role: 'kommun', subject: 'lund-handläggare', municipalityCode: '1281' };
const ANALYST: Actor = { role: 'analyst', subject: 'analytiker-syd', policeRegionCode: 'SYD' };

const SECRET = 'Spaning mot narkotikahandeln vid Hamngatan 4';

interface Entry {
  operation: string;
  changes: { field: string; before: string | null; after: string | null }[];
}

describe.each(testDatabaseKinds())('history follows who could read the record at the time, through the gateway, on %s', (kind) => {
  let hub: TestHub;
  const tokens = new Map<Actor, string>();
  beforeAll(async () => {
    hub = await startTestHub(kind, { caches: true }); // its assertions also prove the gateway's caches right
    for (const actor of [KOMMUN, POLICE, OTHER_KOMMUN, ANALYST]) tokens.set(actor, await signDevelopmentToken(actor, TEST_JWT_SECRET));
  });
  afterAll(() => hub?.close());

  async function as<T>(actor: Actor, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const { body } = await postGraphQL<Record<string, unknown>>(hub.gateway.url, query, variables, { authorization: `Bearer ${tokens.get(actor)}` });
    if (body.errors) throw new Error(body.errors[0]!.message);
    return Object.values(body.data!)[0] as T;
  }
  const operations = (entries: Entry[]) => entries.map((e) => e.operation);

  it('hides what was written while an åtgärd was PARTIES from those who could not read it then, once it is PUBLIC', async () => {
    const created = await as<{ id: string; version: number }>(
      POLICE,
      `mutation ($d: String) { createAction(input: { municipalityCode: "1287", title: "Insats i hamnen", description: $d, visibility: PARTIES,
        responsible: [{ kind: POLICE, name: "LPO Trelleborg", lead: true }] }) { id version } }`,
      { d: SECRET },
    );
    const made = await as<{ version: number }>(
      KOMMUN,
      `mutation { updateAction(id: "${created.id}", version: ${created.version}, changes: { visibility: PUBLIC, description: "Trygghetsinsats i hamnen" }) { version } }`,
    );
    await as(KOMMUN, `mutation { updateAction(id: "${created.id}", version: ${made.version}, changes: { place: "Hamnen" }) { id } }`);
    const history = (actor: Actor) => as<{ history: Entry[] }>(actor, `{ action(id: "${created.id}") { history { operation changes { field before after } } } }`);

    const outsider = (await history(OTHER_KOMMUN)).history;
    expect(JSON.stringify(outsider)).not.toContain(SECRET);
    expect(operations(outsider)).toEqual(['updateAction']);
    expect(outsider[0]!.changes).toEqual([{ field: 'place', before: null, after: 'Hamnen' }]);

    for (const party of [KOMMUN, POLICE, ANALYST]) {
      const seen = (await history(party)).history;
      expect(operations(seen)).toEqual(['createAction', 'updateAction', 'updateAction']);
      expect(JSON.stringify(seen)).toContain(SECRET);
    }
  });

  it('shows the entries of a public åtgärd to every signed-in user, but not those of the time it was PARTIES', async () => {
    const created = await as<{ id: string; version: number }>(
      KOMMUN,
      `mutation { createAction(input: { municipalityCode: "1287", title: "Trygghetsvandring", responsible: [{ kind: MUNICIPAL_DEPARTMENT, name: "Trelleborgs kommun", lead: true }] }) { id version } }`,
    );
    let version = created.version;
    const update = async (changes: string) => {
      version = (await as<{ version: number }>(KOMMUN, `mutation { updateAction(id: "${created.id}", version: ${version}, changes: ${changes}) { version } }`)).version;
    };
    await update('{ visibility: PARTIES }');
    await update(`{ method: "${SECRET}" }`);
    await update('{ visibility: PUBLIC }');
    const { history } = await as<{ history: Entry[] }>(OTHER_KOMMUN, `{ action(id: "${created.id}") { history { operation changes { field before after } } } }`);
    expect(operations(history)).toEqual(['createAction']);
    expect(JSON.stringify(history)).not.toContain(SECRET);
  });

  it('hides a draft agreement\'s entries from others once it is signed, and shows them what happens to it after', async () => {
    const draft = await as<{ id: string; version: number }>(
      KOMMUN,
      `mutation ($p: String) { createAgreementDraft(input: { title: "Trelleborg 2032", municipalityCode: "1287", localPoliceAreaIds: ["trelleborg"],
        validFrom: "2032-01-01", validTo: "2032-12-31", purpose: $p }) { id version } }`,
      { p: SECRET },
    );
    const rewritten = await as<{ version: number }>(
      POLICE,
      `mutation { updateAgreementDraft(id: "${draft.id}", version: ${draft.version}, input: { title: "Trelleborg 2032", municipalityCode: "1287",
        localPoliceAreaIds: ["trelleborg"], validFrom: "2032-01-01", validTo: "2032-12-31", purpose: "Trygghet i hela kommunen" }) { version } }`,
    );
    const approved = await as<{ version: number }>(KOMMUN, `mutation { approveAgreement(id: "${draft.id}", version: ${rewritten.version}) { version } }`);
    const signed = await as<{ version: number }>(POLICE, `mutation { approveAgreement(id: "${draft.id}", version: ${approved.version}) { version } }`);
    await as(POLICE, `mutation { withdrawAgreement(id: "${draft.id}", version: ${signed.version}, on: "2032-06-01") { id } }`);
    const history = (actor: Actor) => as<{ history: Entry[] }>(actor, `{ agreement(id: "${draft.id}") { history { operation changes { field before after } } } }`);

    const outsider = (await history(OTHER_KOMMUN)).history;
    expect(operations(outsider)).toEqual(['withdrawAgreement']);
    expect(JSON.stringify(outsider)).not.toContain(SECRET);
    for (const party of [KOMMUN, POLICE, ANALYST]) {
      expect(operations((await history(party)).history)).toEqual(['createAgreementDraft', 'updateAgreementDraft', 'approveAgreement', 'approveAgreement', 'withdrawAgreement']);
    }
  });

  it('hides a draft medborgarlöfte\'s entries from others once it is signed', async () => {
    const draft = await as<{ id: string; version: number }>(
      POLICE,
      `mutation ($t: String!) { createCitizenPromiseDraft(input: { title: "Medborgarlöfte Trelleborg 2032", municipalityCode: "1287", localPoliceAreaId: "trelleborg",
        promises: [{ text: $t }] }) { id version } }`,
      { t: SECRET },
    );
    const approved = await as<{ version: number }>(KOMMUN, `mutation { approveCitizenPromise(id: "${draft.id}", version: ${draft.version}) { version } }`);
    await as(POLICE, `mutation { approveCitizenPromise(id: "${draft.id}", version: ${approved.version}) { id } }`);
    const history = (actor: Actor) => as<{ history: Entry[] }>(actor, `{ citizenPromise(id: "${draft.id}") { history { operation changes { field before after } } } }`);
    const outsider = (await history(OTHER_KOMMUN)).history;
    expect(outsider).toEqual([]);
    expect(operations((await history(KOMMUN)).history)).toEqual(['createCitizenPromiseDraft', 'approveCitizenPromise', 'approveCitizenPromise']);
  });

  it('shows every entry of a public record (a lägesbild) to every signed-in user', async () => {
    const report = await as<{ id: string }>(
      KOMMUN,
      'mutation { createSituationReport(input: { municipalityCode: "1287", title: "Lägesbild 2032", decidedOn: "2032-01-15", joint: true }) { id } }',
    );
    const { situationReports } = await as<{ situationReports: { id: string; history: Entry[] }[] }>(
      OTHER_KOMMUN,
      '{ municipality(code: "1287") { situationReports { id history { operation } } } }',
    );
    const { history } = situationReports.find((r) => r.id === report.id)!;
    expect(operations(history)).toEqual(['createSituationReport']);
  });
});

import { testDatabaseKinds } from '@samverkan/db/testing';
import fs from 'node:fs';
import path from 'node:path';
import { type Actor, signDevelopmentToken } from '@samverkan/schema';
import { postGraphQL } from '@samverkan/server/testing';
import { onboardingFile } from '../bench/src/onboarding-file';
import { onboard, OnboardError, type OnboardReport } from '../packages/tools/src/onboard';
import { actionSeeds } from '../services/actions/src/reference/actions';
import { agreementSeeds } from '../services/agreements/src/reference/agreements';
import { heldForReferences, localPoliceAreaReferences } from '../services/agreements/src/reference/police-organisation';
import { citizenPromiseSeeds, steeringDocumentSeeds } from '../services/agreements/src/reference/source-facts';
import { startTestHub, TEST_JWT_SECRET, type TestHub } from './support/hub';

/**
 * Bulk onboarding through the gateway, as `npm run onboard` sends it: the generated national file
 * cut to the kommuner whose records tell something (below), a dry run that writes nothing and
 * foretells the real run, a second run that changes nothing, a bad record refused by its path, a
 * kommun user's file that touches another kommun, and an analyst refused.
 *
 * The file, on PGlite and PostgreSQL alike: the first ONBOARDING_KOMMUNER of the national file (45
 * by default), and every kommun that the reference data already has records or a lokalpolisområde
 * for (Lund, Burlöv, Landskrona, Trelleborg's area), each kommun's records as the national file
 * has them. Those are the kommuner where the import meets something: Landskrona's signed agreement
 * of 2009 overlaps the generated one and is refused with its dependants, the lokalpolisområden are
 * the police party. The other kommuner of the national file only repeat what the first 45 show;
 * this suite used to import all 290 on PostgreSQL, which cost about five minutes of the CI run for
 * the same assertions. How the whole national file goes (290 kommuner; time, memory) is a
 * question for a measurement, not for this test: `ONBOARDING_KOMMUNER=290` runs it here, and
 * docs/onboarding-import.md shows `npm run onboard` of it.
 */

const ADMIN: Actor = { role: 'admin', subject: 'onboarding-admin' };
const LUND: Actor = { role: 'kommun', subject: 'lund-handläggare', municipalityCode: '1281' };
const ANALYST: Actor = { role: 'analyst', subject: 'syd-analytiker', policeRegionCode: 'SYD' };
const ACTIONS_PER_KOMMUN = 20;

/** Kommuner the reference data has records or a lokalpolisområde for. */
const REFERENCE_KOMMUNER = new Set([
  ...agreementSeeds.map((seed) => seed.municipalityCode),
  ...citizenPromiseSeeds.map((seed) => seed.municipalityCode),
  ...steeringDocumentSeeds.map((seed) => seed.municipalityCode),
  ...actionSeeds.map((seed) => seed.municipalityCode),
  ...[...localPoliceAreaReferences, ...heldForReferences].flatMap((area) => area.municipalityCodes),
]);
const FIRST_KOMMUNER = Number(process.env.ONBOARDING_KOMMUNER ?? 45);

describe.each(testDatabaseKinds())('bulk onboarding on %s', (kind) => {
  const bad = 41;
  let hub: TestHub;
  const tokens = new Map<Actor, string>();
  // The hub's databases start while other suites run beside this one: on a busy machine PGlite's four take over a minute.
  beforeAll(async () => {
    hub = await startTestHub(kind);
    for (const actor of [ADMIN, LUND, ANALYST]) tokens.set(actor, await signDevelopmentToken(actor, TEST_JWT_SECRET));
  }, 180_000);
  afterAll(() => hub?.close());

  const national = onboardingFile({ actionsPerKommun: ACTIONS_PER_KOMMUN });
  const file = { ...national, municipalities: national.municipalities.filter((kommun, index) => index < FIRST_KOMMUNER || REFERENCE_KOMMUNER.has(kommun.code)) };
  const kommuner = file.municipalities.length;
  // One fokusområde code of kommun 41's agreement is not in the catalogue.
  file.municipalities[bad]!.agreements[0]!.focusAreas[1]!.code = 'NO_SUCH_AREA';
  const text = JSON.stringify(file);

  const run = (actor: Actor, body: string, dryRun = false, progress: [number, number][] = []) =>
    onboard({ text: body, fileName: 'national.json', gateway: hub.gateway.url, token: tokens.get(actor)!, dryRun, progress: (done, total) => progress.push([done, total]) });

  const counts = async () => ({
    agreements: await hub.agreements.client.agreement.count({ where: { externalId: { not: null } } }),
    promises: await hub.agreements.client.citizenPromise.count({ where: { externalId: { not: null } } }),
    actions: await hub.actions.client.action.count({ where: { externalId: { not: null } } }),
    audit: (await hub.agreements.client.auditEntry.count()) + (await hub.actions.client.auditEntry.count()),
  });

  // Every imported record as stored (its version and time of change too): what a run that changes nothing must leave as it is.
  const storedRecords = async () => ({
    agreements: await hub.agreements.client.agreement.findMany({ where: { externalId: { not: null } }, orderBy: { id: 'asc' } }),
    promises: await hub.agreements.client.citizenPromise.findMany({ where: { externalId: { not: null } }, orderBy: { id: 'asc' } }),
    actions: await hub.actions.client.action.findMany({ where: { externalId: { not: null } }, orderBy: { id: 'asc' } }),
    responsible: await hub.actions.client.actionResponsible.findMany({ orderBy: [{ actionId: 'asc' }, { position: 'asc' }] }),
    statusChanges: await hub.actions.client.actionStatusChange.count(),
  });

  let dryRun: OnboardReport;
  test('a dry run writes nothing and reports what would change', async () => {
    const before = await counts();
    dryRun = await run(ADMIN, text, true);
    expect(await counts()).toEqual(before);
    // Kommun 41's agreement is refused with its dependants (and Landskrona's: see below).
    expect(dryRun.inserted).toBeLessThanOrEqual((kommuner - 1) * (2 + ACTIONS_PER_KOMMUN));
    expect(dryRun.inserted % (2 + ACTIONS_PER_KOMMUN)).toBe(0);
    expect(dryRun.records.every((record) => record.change === 'INSERT' && record.id === null)).toBe(true);
  }, 600_000);

  test('the file imports in one run with progress; the bad record and its dependants are refused by path, the rest kept', async () => {
    const progress: [number, number][] = [];
    const started = Date.now();
    const report = await run(ADMIN, text, false, progress);
    console.log(`onboarding on ${kind}: ${kommuner} kommuner, ${report.inserted} records in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(progress.at(-1)).toEqual([kommuner * 2, kommuner * 2]);
    expect(report.inserted).toBe(dryRun.inserted);
    expect(report.refused[0]).toEqual({ path: `/municipalities/${bad}/agreements/0/focusAreas/1/code`, message: expect.stringContaining('NO_SUCH_AREA') });
    // Its medborgarlöfte and actions name it, so they are refused too, each at the reference.
    const dependants = (index: number) => [`/municipalities/${index}/citizenPromises/0/agreement`, ...Array.from({ length: ACTIONS_PER_KOMMUN }, (_, n) => `/municipalities/${index}/actions/${n}/origin`)];
    expect(report.refused.slice(1, 2 + ACTIONS_PER_KOMMUN).map((r) => r.path)).toEqual(dependants(bad));
    // The only other refusals: a signed agreement of the reference data overlaps the generated one (Landskrona's of 2009, open-ended), refused as signing it would be.
    const others = report.refused.slice(2 + ACTIONS_PER_KOMMUN);
    const overlapping = others.filter((r) => r.path.endsWith('/agreements/0'));
    for (const refusal of overlapping) expect(refusal.message).toMatch(/overlaps the signed agreement/);
    // Landskrona is in the file for this refusal: it must be there.
    expect(overlapping.map((r) => r.path)).toEqual([`/municipalities/${file.municipalities.findIndex((m) => m.code === '1282')}/agreements/0`]);
    expect(others.map((r) => r.path)).toEqual(overlapping.flatMap((r) => [r.path, ...dependants(Number(r.path.split('/')[2]))]));
    const stored = kommuner - 1 - overlapping.length;
    expect(await counts()).toMatchObject({ agreements: stored, promises: stored, actions: stored * ACTIONS_PER_KOMMUN });
    // Signed by an administrator's import, so public: anonymous callers read it through the gateway.
    const { body } = await postGraphQL<{ municipality: { agreements: { title: string }[] } }>(
      hub.gateway.url,
      `{ municipality(code: "${file.municipalities[0]!.code}") { agreements { title } } }`,
    );
    expect(body.data?.municipality.agreements.map((a) => a.title)).toContain(file.municipalities[0]!.agreements[0]!.title);
  }, 900_000);

  test('a second run changes nothing: every record unchanged, no audit entry, every record as it was', async () => {
    const before = await counts();
    const records = await storedRecords();
    const started = Date.now();
    const report = await run(ADMIN, text);
    console.log(`onboarding again on ${kind}: ${report.unchanged} records unchanged in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(report).toMatchObject({ inserted: 0, updated: 0 });
    expect(report.unchanged).toBe(dryRun.inserted);
    expect(report.records.every((record) => record.change === 'UNCHANGED' && record.id !== null)).toBe(true);
    expect(await counts()).toEqual(before);
    expect(await storedRecords()).toEqual(records);
  }, 900_000);

  test('a changed record is updated, audited as the import: a change of any field the file gives, also when the same record comes twice', async () => {
    const one = { format: file.format, municipalities: [structuredClone(file.municipalities[0]!)] };
    const actions: Record<string, unknown>[] = one.municipalities[0]!.actions;
    const original = structuredClone(actions[12]!);
    const changes: Record<string, unknown>[] = [
      { title: 'Ny titel från kommunens system' },
      { status: 'ONGOING' },
      { description: 'Beskrivning från kommunens system' },
      { focusArea: actions[3]!.focusArea === 'ELDERLY' ? 'ANDTS' : 'ELDERLY' },
      { visibility: 'PARTIES' },
      { place: 'Stortorget' },
      { latitude: 55.7047, longitude: 13.191 },
      { method: 'Trygghetsvandring' },
      { startsOn: '2028-02-01', endsOn: '2028-12-31' },
      { responsible: [{ kind: 'MUNICIPAL_DEPARTMENT', name: 'Kommunen' }, { kind: 'POLICE', name: 'Polisen', lead: true }] },
      { responsible: [{ kind: 'MUNICIPAL_DEPARTMENT', name: 'Socialförvaltningen', lead: true }, { kind: 'POLICE', name: 'Polisen' }] },
      { origin: { citizenPromise: file.municipalities[0]!.citizenPromises[0]!.externalId } },
      // Changed, then back as it is stored: the second is compared with the first's write, not with what was read before it.
      { title: 'En titel för en stund' },
    ];
    for (const [index, change] of changes.entries()) Object.assign(actions[index]!, change);
    actions.push(original);
    one.municipalities[0]!.agreements[0]!.purpose = 'Ett tryggare län.';
    one.municipalities[0]!.citizenPromises[0]!.promises[0]!.targetCount = 6;
    const report = await run(ADMIN, JSON.stringify(one));
    expect(report.refused).toEqual([]);
    expect(report.records.filter((record) => record.kind !== 'Action').map((record) => `${record.kind} ${record.change}`)).toEqual(['Agreement UPDATE', 'CitizenPromise UPDATE']);
    const changeOf = (index: number) => report.records.find((record) => record.path === `/municipalities/0/actions/${index}`)?.change;
    expect(changes.map((_, index) => changeOf(index))).toEqual(changes.map(() => 'UPDATE'));
    expect(changeOf(ACTIONS_PER_KOMMUN)).toBe('UPDATE');
    expect(report).toMatchObject({ inserted: 0, updated: 2 + changes.length + 1, unchanged: ACTIONS_PER_KOMMUN - changes.length });
    const first = report.records.find((record) => record.path === '/municipalities/0/actions/0')!;
    const entries = await hub.actions.client.auditEntry.findMany({ where: { entityKey: first.id! }, orderBy: { at: 'asc' } });
    expect(entries.map((e) => e.operation)).toEqual(['importActionRecords', 'importActionRecords']);
    const twice = report.records.find((record) => record.path === '/municipalities/0/actions/12')!;
    expect((await hub.actions.client.action.findUniqueOrThrow({ where: { id: twice.id! } })).title).toBe(original.title);
    // The records as now stored, again: nothing differs.
    const now = [...actions.slice(0, 12), original, ...actions.slice(13, ACTIONS_PER_KOMMUN)];
    const again = await run(ADMIN, JSON.stringify({ format: file.format, municipalities: [{ ...one.municipalities[0]!, actions: now }] }));
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 + ACTIONS_PER_KOMMUN });
  }, 120_000);

  test("a kommun user's file: the other kommun is refused whole, their own stored with a signed record as a draft they approved", async () => {
    const all = onboardingFile({ actionsPerKommun: 0, validFrom: '2036-01-01' }).municipalities;
    const lund = ['1281', '1280'].map((code) => all.find((m) => m.code === code)!);
    const report = await run(LUND, JSON.stringify({ format: file.format, municipalities: lund }));
    expect(report.refused).toEqual([{ path: '/municipalities/1', message: expect.stringContaining('may not import records of kommun 1280') }]);
    const agreement = report.records.find((record) => record.kind === 'Agreement')!;
    expect(agreement).toMatchObject({ change: 'INSERT', note: expect.stringContaining('draft approved by the kommun side') });
    const stored = await hub.agreements.client.agreement.findUniqueOrThrow({ where: { id: agreement.id! }, include: { approvals: true } });
    expect(stored.state).toBe('DRAFT');
    expect(stored.approvals.map((a) => a.party)).toEqual(['MUNICIPALITY']);
    expect(await hub.agreements.client.agreement.count({ where: { municipalityCode: '1280', externalId: 'avtal-2036' } })).toBe(0);
    // Again: the draft they approved is found unchanged, nothing written.
    const before = await counts();
    const again = await run(LUND, JSON.stringify({ format: file.format, municipalities: lund }));
    expect(again.refused).toEqual(report.refused);
    expect(again.records.map((record) => `${record.kind} ${record.change}`)).toEqual(report.records.map((record) => `${record.kind} UNCHANGED`));
    expect(await counts()).toEqual(before);
  }, 120_000);

  test("a kommun user's file over their record signed since: a change is refused and undone, the same values are found unchanged", async () => {
    const lund = onboardingFile({ actionsPerKommun: 0, validFrom: '2036-01-01' }).municipalities.find((m) => m.code === '1281')!;
    await run(LUND, JSON.stringify({ format: file.format, municipalities: [lund] })); // stored as a draft they approved (the test above)
    const draft = await hub.agreements.client.agreement.findFirstOrThrow({ where: { municipalityCode: '1281', externalId: 'avtal-2036' } });
    // Signed in the hub since (set by hand here; both sides' approvals would do it).
    const signed = await hub.agreements.client.agreement.update({ where: { id: draft.id }, data: { state: 'SIGNED', signedOn: new Date('2035-12-15') } });
    const before = await counts();
    const retitled = { ...lund, agreements: [{ ...lund.agreements[0]!, title: 'Samverkansöverenskommelse, ändrad efter undertecknandet' }] };
    const report = await run(LUND, JSON.stringify({ format: file.format, municipalities: [retitled] }));
    expect(report.refused).toContainEqual({ path: '/municipalities/0/agreements/0', message: expect.stringContaining('is signed in the hub: an import changes only drafts') });
    expect(report.records.find((record) => record.kind === 'Agreement')).toBeUndefined();
    // The write was undone: same title, same version, no audit entry.
    expect(await hub.agreements.client.agreement.findUniqueOrThrow({ where: { id: draft.id } })).toEqual(signed);
    expect(await counts()).toEqual(before);
    const again = await run(LUND, JSON.stringify({ format: file.format, municipalities: [lund] }));
    expect(again.refused).toEqual([]);
    expect(again.records.map((record) => `${record.kind} ${record.change}`)).toEqual(['Agreement UNCHANGED', 'CitizenPromise UNCHANGED']);
    expect(await counts()).toEqual(before);
  }, 120_000);

  test('the documented examples import: the JSON file, then the CSV of actions by line', async () => {
    const example = fs.readFileSync(path.join(__dirname, '../docs/examples/onboarding.json'), 'utf8');
    const report = await run(ADMIN, example);
    expect(report.refused).toEqual([]);
    expect(report.records.map((r) => `${r.kind} ${r.change}`)).toEqual([
      'SteeringDocument INSERT',
      'Agreement INSERT',
      'CitizenPromise INSERT',
      'SituationReport INSERT',
      'ActionPlan INSERT',
      'Action INSERT',
      'Action INSERT',
    ]);
    const csv = fs.readFileSync(path.join(__dirname, '../docs/examples/actions.csv'), 'utf8');
    const IMPORT_CSV = 'mutation ($csv: String!) { importActionRecords(fileName: "actions.csv", csv: $csv) { inserted refused { path message } } }';
    const bad = `${csv}1281,atg-2032-5,Utan ansvarig,,,agreement:no-such,,,,,,,,,POLICE:Polisen\n`;
    const { body } = await postGraphQL<{ importActionRecords: { inserted: number; refused: { path: string }[] } }>(hub.gateway.url, IMPORT_CSV, { csv: bad }, {
      authorization: `Bearer ${tokens.get(ADMIN)}`,
    });
    expect(body.errors).toBeUndefined();
    expect(body.data!.importActionRecords).toEqual({ inserted: 2, refused: [{ path: '/line/4/origin', message: expect.stringContaining('no-such') }] });
  }, 120_000);

  test('an analyst may import nothing', async () => {
    const before = await counts();
    const refused = await run(ANALYST, text).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(OnboardError);
    expect((refused as Error).message).toMatch(/analyst/);
    expect(await counts()).toEqual(before);
  }, 60_000);
});

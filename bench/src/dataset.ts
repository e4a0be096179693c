/**
 * The benchmark's national dataset on PostgreSQL (shared by `npm run bench` and the profile of
 * bench/src/profile.ts): fresh databases samverkan_bench_<service>, 20 actions with follow-ups per
 * kommun, ANALYZE, and synthetic copies of the kommuner for growth.
 */
import { withDatabase } from '@samverkan/db';
import { kommunCopiesOf, municipalities } from '@samverkan/geo';
import { SUBGRAPHS } from '@samverkan/hub';
import { focusAreaCatalogue } from '@samverkan/schema';
import { randomUUID } from 'node:crypto';
import pg from 'pg';

export const SERVER = process.env.BENCH_POSTGRES_URL ?? 'postgresql://root@127.0.0.1:5432/postgres';
/** The subgraphs, by name, in the registry's order. */
export const SERVICES = SUBGRAPHS.map((subgraph) => subgraph.name);
export type Service = string;
export const ACTIONS_PER_KOMMUN = 20;
export const dbUrl = (service: Service) => withDatabase(SERVER, `samverkan_bench_${service}`);

/** 20 actions per kommun with follow-ups, reproducible (a counter, no randomness). */
export async function seedActions(): Promise<string[]> {
  const client = new pg.Client({ connectionString: dbUrl('actions') });
  await client.connect();
  const ids: string[] = [];
  try {
    const statuses = ['PLANNED', 'ONGOING', 'ONGOING', 'DONE', 'CANCELLED'];
    const rows: unknown[][] = [];
    const followUps: unknown[][] = [];
    let n = 0;
    for (const m of municipalities) {
      for (let i = 0; i < ACTIONS_PER_KOMMUN; i += 1) {
        n += 1;
        const id = randomUUID();
        ids.push(id);
        const focus = focusAreaCatalogue[n % focusAreaCatalogue.length]!.code;
        rows.push([id, m.code, `Åtgärd ${i + 1} i ${m.name}`, focus, statuses[n % statuses.length], n % 7 === 0 ? 'PARTIES' : 'PUBLIC', `2024-0${(n % 9) + 1}-01`, `2026-0${(n % 9) + 1}-28`]);
        if (n % 2 === 0) followUps.push([randomUUID(), id, `2025-0${(n % 9) + 1}-15`, 'bench', `Uppföljning av åtgärd ${i + 1}`, n % 3 === 0 ? 'EFFECTIVE' : 'PARTLY']);
      }
    }
    for (let start = 0; start < rows.length; start += 1000) {
      const chunk = rows.slice(start, start + 1000);
      const column = (index: number) => chunk.map((row) => row[index]);
      await client.query(
        `INSERT INTO "Action" (id, "municipalityCode", title, "focusAreaCode", status, visibility, "startsOn", "endsOn", "updatedAt")
         SELECT *, now() FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::"ActionStatus"[], $6::"Visibility"[], $7::date[], $8::date[])`,
        [column(0), column(1), column(2), column(3), column(4), column(5), column(6), column(7)],
      );
      await client.query(
        `INSERT INTO "ActionResponsible" (id, "actionId", kind, name, lead, position) SELECT gen_random_uuid()::text, a, 'MUNICIPAL_DEPARTMENT', 'Kommunen', true, 1 FROM unnest($1::text[]) AS a`,
        [column(0)],
      );
    }
    const column = (index: number) => followUps.map((row) => row[index]);
    await client.query(
      `INSERT INTO "FollowUp" (id, "actionId", date, author, text, outcome) SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::text[], $6::"Outcome"[])`,
      [column(0), column(1), column(2), column(3), column(4), column(5)],
    );
  } finally {
    await client.end();
  }
  return ids;
}

/** ANALYZE every bench database: the planner's statistics, as autovacuum keeps them on a live database. */
export async function analyze(): Promise<void> {
  for (const service of SERVICES) {
    const client = new pg.Client({ connectionString: dbUrl(service) });
    await client.connect();
    await client.query('ANALYZE');
    await client.end();
  }
}

/** Copies of each kommun in the growth scenario: 290 × (1 + 9) = 2,900 kommuner. */
export const GROWTH_COPIES = 9;

/**
 * Nine synthetic copies of every kommun (2,900 in all), each with the original's survey results
 * and actions: the same data shape, ten times the kommuner. The copies are `@samverkan/geo`'s
 * (`kommunCopiesOf`): the processes started with `SAMVERKAN_BENCH_KOMMUN_COPIES=9` know the same
 * codes and names, so their national overview answers for all 2,900.
 */
export async function addSyntheticKommuner(): Promise<void> {
  const copies = kommunCopiesOf(municipalities, GROWTH_COPIES);
  const originals = copies.map((m) => m.copyOf);
  const codes = copies.map((m) => m.code);
  const names = copies.map((m) => m.name);
  const mapping = 'unnest($1::text[], $2::text[], $3::text[]) AS m(original, copy, name)';
  /** Copies the rows of `table` whose `column` names a kommun, with the given columns replaced. */
  const copyRows = async (service: Service, table: string, column: string, replaced: Record<string, string>, where = 'true') => {
    const client = new pg.Client({ connectionString: dbUrl(service) });
    await client.connect();
    try {
      const columns = (await client.query<{ name: string }>('SELECT column_name AS name FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position', [table])).rows.map(
        (r) => r.name,
      );
      const select = columns.map((c) => replaced[c] ?? `t."${c}"`).join(', ');
      await client.query(
        `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) SELECT ${select} FROM "${table}" t JOIN ${mapping} ON t."${column}" = m.original WHERE ${where}`,
        [originals, codes, names],
      );
    } finally {
      await client.end();
    }
  };
  await copyRows('agreements', 'Municipality', 'code', { code: 'm.copy', name: 'm.name' });
  await copyRows('actions', 'Action', 'municipalityCode', { id: 'gen_random_uuid()::text', municipalityCode: 'm.copy', seedKey: 'NULL' });
  await copyRows('surveys', 'SurveyResult', 'areaCode', { id: 'gen_random_uuid()::text', areaCode: 'm.copy', municipalityCode: 'm.copy', importId: 'NULL' }, `t."areaLevel" = 'MUNICIPALITY'`);
  await analyze();
}

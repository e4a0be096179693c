import { ONBOARDING_FORMAT, ONBOARDING_SECTIONS, readOnboardingFile, type RecordImportSummary } from '@samverkan/schema';

/*
 * `npm run onboard`: sends an onboarding file (docs/onboarding-import.md) through the gateway, as
 * the caller whose token it is given, one kommun per request (the gateway takes bodies up to
 * 200 kB, and a kommun is the unit of access): first its styrdokument, agreements and medborgarlöften
 * to the agreements subgraph, then its lägesbilder, åtgärdsplaner and actions to the actions
 * subgraph with the ids of the agreements and medborgarlöften they name. Each subgraph checks and
 * writes its own records; this command only cuts the file and adds up the answers.
 */

const AGREEMENT_SECTIONS = ['steeringDocuments', 'agreements', 'citizenPromises'] as const;
const ACTION_SECTIONS = ONBOARDING_SECTIONS.filter((section) => !(AGREEMENT_SECTIONS as readonly string[]).includes(section));

const SUMMARY = 'importId dryRun inserted updated unchanged refused { path message } records { path kind externalId id change note }';
const IMPORT_AGREEMENTS = `mutation Onboard($fileName: String!, $file: String!, $dryRun: Boolean!, $firstIndex: Int!) {
  importAgreementRecords(fileName: $fileName, file: $file, dryRun: $dryRun, firstIndex: $firstIndex) { ${SUMMARY} } }`;
const IMPORT_ACTIONS = `mutation Onboard($fileName: String!, $file: String!, $dryRun: Boolean!, $firstIndex: Int!, $origins: [ImportedOriginInput!]) {
  importActionRecords(fileName: $fileName, file: $file, dryRun: $dryRun, firstIndex: $firstIndex, origins: $origins) { ${SUMMARY} } }`;

/** What a run of the command takes. */
export interface OnboardOptions {
  /** The file's text. */
  text: string;
  fileName: string;
  /** The gateway's GraphQL address. */
  gateway: string;
  token: string;
  dryRun: boolean;
  /** Told after each request: done of total. */
  progress?: (done: number, total: number) => void;
}

/** What a run did: the counts of both subgraphs, every record, every refusal (by the whole file's paths). */
export type OnboardReport = Omit<RecordImportSummary, 'importId'>;

const WHOLE_RUN_REFUSALS = ['FORBIDDEN', 'UNAUTHENTICATED', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED'];

/** The whole run is refused (a token that may import nothing, a file that is not an onboarding file). */
export class OnboardError extends Error {
  override name = 'OnboardError';
}

interface GraphQLAnswer {
  data?: Record<string, RecordImportSummary | null> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** One request to the gateway, tried again once when a subgraph was unavailable (safe: the import is idempotent). */
async function post(options: OnboardOptions, query: string, variables: Record<string, unknown>): Promise<GraphQLAnswer> {
  for (let attempt = 1; ; attempt += 1) {
    let answer: GraphQLAnswer;
    try {
      const response = await fetch(options.gateway, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
        body: JSON.stringify({ query, variables }),
      });
      answer = response.headers.get('content-type')?.includes('json') ? ((await response.json()) as GraphQLAnswer) : { errors: [{ message: `HTTP ${response.status}: ${(await response.text()).slice(0, 200)}` }] };
    } catch (error) {
      answer = { errors: [{ message: `the gateway did not answer (${(error as Error).message})`, extensions: { code: 'SERVICE_UNAVAILABLE' } }] };
    }
    const unavailable = answer.errors?.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE');
    if (!unavailable || attempt === 2) return answer;
  }
}

/** A kommun's part of the file for one subgraph: its code and that subgraph's sections only. */
function partOf(kommun: Record<string, unknown>, sections: readonly string[]): string | null {
  const part: Record<string, unknown> = { code: kommun.code };
  for (const section of sections) if (kommun[section] !== undefined) part[section] = kommun[section];
  return Object.keys(part).length > 1 ? JSON.stringify({ format: ONBOARDING_FORMAT, municipalities: [part] }) : null;
}

/** Sends an onboarding file kommun by kommun; throws {@link OnboardError} when the whole run is refused. */
export async function onboard(options: OnboardOptions): Promise<OnboardReport> {
  let kommuner: Record<string, unknown>[];
  try {
    // The envelope and each kommun's code, checked here before anything is sent.
    readOnboardingFile(options.text, ONBOARDING_SECTIONS);
    kommuner = (JSON.parse(options.text) as { municipalities: Record<string, unknown>[] }).municipalities;
  } catch (error) {
    throw new OnboardError((error as Error).message);
  }
  const report: OnboardReport = { fileName: options.fileName, dryRun: options.dryRun, inserted: 0, updated: 0, unchanged: 0, refused: [], records: [] };
  const total = kommuner.length * 2;
  let done = 0;
  const send = async (query: string, field: string, file: string | null, index: number, extra: Record<string, unknown> = {}) => {
    if (file === null) return null;
    const answer = await post(options, query, { fileName: options.fileName, file, dryRun: options.dryRun, firstIndex: index, ...extra });
    const error = answer.errors?.[0];
    // Refusals of the caller or of the request itself hold for every kommun: the run stops.
    if (error && WHOLE_RUN_REFUSALS.includes(error.extensions?.code ?? '')) throw new OnboardError(error.message);
    const summary = answer.data?.[field];
    if (!summary) {
      report.refused.push({ path: `/municipalities/${index}`, message: error?.message ?? 'no answer' });
      return null;
    }
    report.inserted += summary.inserted;
    report.updated += summary.updated;
    report.unchanged += summary.unchanged;
    report.refused.push(...summary.refused);
    report.records.push(...summary.records);
    return summary;
  };
  for (const [index, kommun] of kommuner.entries()) {
    const agreements = await send(IMPORT_AGREEMENTS, 'importAgreementRecords', partOf(kommun, AGREEMENT_SECTIONS), index);
    options.progress?.((done += 1), total);
    // A kommun the caller may not import is refused whole by the first subgraph: once is enough.
    if (report.refused.at(-1)?.path === `/municipalities/${index}`) {
      options.progress?.((done += 1), total);
      continue;
    }
    const origins = (agreements?.records ?? [])
      .filter((record) => record.kind === 'Agreement' || record.kind === 'CitizenPromise')
      .map((record) => ({ municipalityCode: kommun.code, kind: record.kind === 'Agreement' ? 'AGREEMENT' : 'CITIZEN_PROMISE', externalId: record.externalId, id: record.id }));
    await send(IMPORT_ACTIONS, 'importActionRecords', partOf(kommun, ACTION_SECTIONS), index, { origins });
    options.progress?.((done += 1), total);
  }
  return report;
}

/**
 * The questions the benchmark asks, shared by `npm run bench` (run.ts) and `npm run bench:profile`
 * (profile.ts), so that the profile measures exactly what the benchmark times.
 */
import { signDevelopmentToken } from '@samverkan/schema';

/** The overview of the kommuner of a region, a list, or (no variables) the whole country. */
export const OVERVIEW = `query Overview($region: ID, $codes: [MunicipalityCode!], $on: Date = "2025-06-01") {
  municipalities(policeRegion: $region, codes: $codes) {
    code name
    activeAgreement(on: $on) { title focusAreas { focusArea { code name } } }
    compliance(on: $on) { compliant hasCurrentSituationReport ongoingActions overdueActions }
    actionCounts { focusArea { code } ongoing done }
    surveyStanding(indicator: "PROBLEM_INDEX", year: 2025, baseYear: 2016, origins: [DEMO]) { value rank rankOf changeFromPreviousYear changeFromBaseYear }
  }
}`;

/** One kommun's detail (Lund unless `code` says otherwise). */
export const KOMMUN = `query Kommun($code: ID! = "1281", $on: Date = "2025-06-01") {
  municipality(code: $code) {
    name county { name } localPoliceAreas { name }
    activeAgreement(on: $on) { title validFrom validTo focusAreas { title focusArea { code } } signatories { name party } }
    actions { title status startsOn endsOn followUps { date outcome } }
    compliance(on: $on) { compliant ongoingActions overdueActions }
    surveyResults(indicator: "PROBLEM_INDEX", origins: [DEMO]) { year value respondents }
  }
}`;

/** The law's check for all 290 kommuner on a day. */
export const COMPLIANCE = `query Compliance($on: Date = "2025-06-01") {
  compliance(on: $on) { municipality { code } compliant hasCurrentSituationReport situationReportDecidedOn actionPlanDecidedOn ongoingActions overdueActions }
}`;

/** A write: an action's description, at the version last seen. */
export const UPDATE = 'mutation Update($id: ID!, $v: Int!, $d: String!) { updateAction(id: $id, version: $v, changes: { description: $d }) { version } }';

/** Days of 2025, one per request of a varied scenario. */
export const dayOf = (i: number) => new Date(Date.UTC(2025, 0, 1 + (i % 365))).toISOString().slice(0, 10);

/** Sixteen analysts' tokens, each reading everything of their polisregion (the seven regions in turn). */
export function analystTokens(subjectPrefix: string, secret: string): Promise<string[]> {
  const regions = ['SYD', 'VAST', 'STOCKHOLM', 'OST', 'MITT', 'BERGSLAGEN', 'NORD'];
  return Promise.all(Array.from({ length: 16 }, (_, i) => signDevelopmentToken({ role: 'analyst', subject: `${subjectPrefix}-${i}`, policeRegionCode: regions[i % regions.length]! }, secret)));
}

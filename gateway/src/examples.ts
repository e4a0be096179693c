/** Example operations shown as tabs when GraphiQL opens. */
export interface ExampleOperation {
  /** What the example shows. */
  title: string;
  query: string;
  variables?: Record<string, unknown>;
}

export const exampleOperations: ExampleOperation[] = [
  {
    title: 'Lund: kommun, län, polisregion, lokalpolisområde',
    query: `# Lund (kommunkod 1281) with its län, polisregion and lokalpolisområden.
query Lund {
  municipality(code: "1281") {
    code
    name
    county { code name }
    policeRegion { code name }
    localPoliceAreas { id name municipalities { code name } }
  }
}
`,
  },
  {
    title: 'Polisregioner och län',
    query: `# The seven polisregioner and their län.
query PoliceRegions {
  policeRegions {
    code
    name
    counties { code name }
  }
}
`,
  },
  {
    title: 'Region Syd: kommuner',
    query: `# Every kommun in polisregion Syd.
query RegionSyd($region: ID = "SYD") {
  municipalities(policeRegion: $region) {
    code
    name
    county { shortName }
  }
}
`,
  },
  {
    title: 'Överenskommelser: brott mot äldre i region Syd',
    query: `# Which kommuner in region Syd have an agreement in force that covers crime against the
# elderly (fokusområde ELDERLY)? With the agreement's fokusområden and signatories.
query ElderlyInSyd($on: Date = "2025-06-01") {
  agreements(filter: { policeRegion: "SYD", focusArea: "ELDERLY", status: ACTIVE, on: $on }) {
    totalCount
    edges {
      node {
        title
        municipality { name }
        validFrom
        validTo
        status(on: $on)
        focusAreas { position title focusArea { code name } }
        signatories { name title party }
        steeringDocuments { title }
      }
    }
  }
}
`,
  },
  {
    title: 'Lagen: lägesbild och åtgärdsplan i region Syd',
    query: `# Lag (2023:196): which kommuner in region Syd have a lägesbild at most two years old and an
# åtgärdsplan decided from it? With ongoing and overdue actions, and each kommun's agreement.
query ComplianceSyd($on: Date = "2025-06-01") {
  compliance(on: $on, policeRegion: "SYD") {
    municipality { code name activeAgreement(on: $on) { title } }
    compliant
    hasCurrentSituationReport
    situationReportDecidedOn
    situationReportJoint
    actionPlanDecidedOn
    ongoingActions
    overdueActions
  }
}
`,
  },
  {
    title: 'En kommun i alla tre subgrafer',
    query: `# One query that reaches all three subgraphs: geography (agreements),
# åtgärder (actions) and trygghetsmätning results (surveys).
query LundAcrossSubgraphs($activeOn: Date = "2025-06-01") {
  municipality(code: "1281") {
    name
    policeRegion { name }
    actions(activeOn: $activeOn) { title status startsOn endsOn }
    surveyResults { indicatorCode year value respondents }
  }
}
`,
  },
];

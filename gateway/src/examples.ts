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
    title: 'En kommun i alla tre subgrafer (DEMO)',
    query: `# One query that reaches all three subgraphs: geography (agreements),
# åtgärder (actions) and trygghetsmätning results (surveys).
# DEMO: npm start loads made-up survey values, flagged DEMO; real ones need origins: [PUBLISHED].
query LundAcrossSubgraphs($activeOn: Date = "2025-06-01") {
  municipality(code: "1281") {
    name
    policeRegion { name }
    actions(activeOn: $activeOn) { title status startsOn endsOn }
    surveyResults(indicator: "PROBLEM_INDEX", from: 2021, to: 2025, origins: [DEMO]) {
      year value respondents demo
      survey { instrument { name } }
    }
  }
}
`,
  },
  {
    title: 'DEMO · Region Syd rankad på problemindex',
    query: `# DEMO DATA: the values are made up (origins: [DEMO]); real results are imported with
# npm run survey:import. Ranks region Syd's 58 kommuner on the total problem index (0–6, higher
# is worse) with the median, the change since last year and since 2016, and each kommun's
# agreement in force (from the agreements subgraph).
query RankSyd($year: Int = 2025, $baseYear: Int = 2016, $on: Date = "2025-06-01") {
  indicatorComparison(indicator: "PROBLEM_INDEX", year: $year, baseYear: $baseYear, policeRegion: "SYD", origins: [DEMO]) {
    indicator { name unit direction }
    instrument { name }
    median
    rows {
      rank
      area { name }
      value
      percentile
      changeFromPreviousYear
      changeFromBaseYear
      policeRegionValue
      result { respondents demo }
      municipality { activeAgreement(on: $on) { title validFrom validTo } }
    }
    export(format: CSV) { fileName text }
  }
}
`,
  },
  {
    title: 'DEMO · Trend: otrygghet i Skåne 2016–2025',
    query: `# DEMO DATA (made up). Share of residents who feel unsafe outdoors late in the evening, year by
# year, for every kommun in Skåne län (12).
query UnsafeOutdoorsSkane {
  indicatorTrend(indicator: "UNSAFE_OUTDOORS", from: 2016, to: 2025, county: "12", origins: [DEMO]) {
    instrument { name }
    series {
      area { name }
      points { year value respondents demo }
    }
  }
}
`,
  },
  {
    title: 'Trygghetsmätning: publicerade resultat',
    query: `# Published results only (the default): lokalpolisområde Trelleborg's total problem index as
# Polisregion Syd published it, and the catalogue of indicators and instruments.
query Published {
  localPoliceAreas(policeRegion: "SYD") {
    name
    surveyResults(indicator: "PROBLEM_INDEX") { year value respondents survey { source } }
  }
  indicators { code name unit direction category }
  surveyInstruments { code name organiser firstYear units }
}
`,
  },
  {
    title: 'DEMO · Regionöversikt: region Syd',
    query: `# One question across three subgraphs for every kommun of a region (leave out $region for the
# whole country): the agreement in force and its fokusområden (agreements), the law's check and
# the actions per fokusområde (actions), and the problem index with rank and change among the
# kommuner of the same survey (surveys; DEMO values). The cost does not grow with the number of
# kommuner: each subgraph is asked once or twice, with a fixed number of SQL statements.
query RegionOverview($region: ID = "SYD", $on: Date = "2025-06-01", $year: Int = 2025) {
  municipalities(policeRegion: $region) {
    code
    name
    activeAgreement(on: $on) { title validTo focusAreas { focusArea { code name } } }
    compliance(on: $on) { compliant hasCurrentSituationReport ongoingActions overdueActions }
    actionCounts { focusArea { code name } ongoing done }
    surveyStanding(indicator: "PROBLEM_INDEX", year: $year, baseYear: 2016, origins: [DEMO]) {
      value rank rankOf groupMedian changeFromPreviousYear changeFromBaseYear
      instrument { code }
      result { demo }
    }
  }
}
`,
  },
];

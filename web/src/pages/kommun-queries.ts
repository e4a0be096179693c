/** The kommun page's operations. */
import { graphql } from '../generated/gql';

export const KommunDocument = graphql(`
  query Kommun($code: ID!, $on: Date) {
    municipality(code: $code) {
      code
      name
      county {
        code
        name
      }
      policeRegion {
        code
        name
      }
      agreements {
        id
        title
        status(on: $on)
        startsOn
        validFrom
        validTo
        validToKnown
        assumedValidTo
        signedOn
        decidedOn
        decidedBy
        purpose
        goals
        followUp
        policePartyName
        policeParty {
          __typename
          ... on LocalPoliceArea {
            name
          }
          ... on PoliceDistrict {
            name
          }
          ... on PoliceRegion {
            name
          }
        }
        signatories {
          name
          title
          party
        }
        focusAreas {
          position
          title
          description
          focusArea {
            code
            name
          }
        }
        commitments {
          text
        }
        sources {
          title
          publishedOn
          url
          note
        }
      }
      citizenPromises {
        id
        title
        status(on: $on)
        validFrom
        validTo
        signedOn
        decidedOn
        decidedBy
        agreement {
          id
          title
        }
        promises {
          position
          text
        }
        focusAreas {
          name
        }
        sources {
          title
          publishedOn
          url
          note
        }
      }
      surveyFindings {
        id
        text
        sourceTitle
        sourcePublishedOn
        survey {
          year
          instrument {
            name
          }
        }
      }
    }
  }
`);

export const KommunTrendDocument = graphql(`
  query KommunTrend($indicator: ID!, $code: MunicipalityCode!, $from: Int!, $to: Int!, $origins: [ResultOrigin!]) {
    kommun: indicatorTrend(indicator: $indicator, municipalities: [$code], from: $from, to: $to, origins: $origins) {
      indicator {
        name
        unit
      }
      instrument {
        code
        name
      }
      series {
        area {
          code
          name
        }
        points {
          year
          value
          demo
          respondents
        }
      }
      empty {
        reason
        yearsWithPublishedResults
      }
    }
  }
`);

/** The region's kommuner on the same instrument, for their median year by year. */
export const RegionTrendDocument = graphql(`
  query RegionTrend($indicator: ID!, $instrument: ID!, $region: ID!, $from: Int!, $to: Int!, $origins: [ResultOrigin!]) {
    region: indicatorTrend(indicator: $indicator, instrument: $instrument, policeRegion: $region, from: $from, to: $to, origins: $origins) {
      instrument {
        code
      }
      series {
        points {
          year
          value
          demo
        }
      }
    }
  }
`);

/** The kommun's lägesbilder, åtgärdsplaner and the law's check (the actions subgraph's part). */
export const KommunWorkDocument = graphql(`
  query KommunWork($code: ID!, $on: Date) {
    municipality(code: $code) {
      code
      situationReports {
        id
        title
        decidedOn
        decidedBy
        joint
        periodFrom
        periodTo
        summary
        dataSources
        findings {
          problem
          area
          trend
          focusArea {
            name
          }
        }
      }
      actionPlans {
        id
        title
        decidedOn
        decidedBy
        periodFrom
        periodTo
        basedOn {
          id
          title
        }
        revisions {
          number
          decidedOn
          note
        }
      }
      compliance(on: $on) {
        compliant
        hasCurrentSituationReport
        situationReportDecidedOn
        situationReportJoint
        actionPlanDecidedOn
        ongoingActions
        overdueActions
      }
    }
  }
`);

/** The kommun's actions with their follow-ups and sources. */
export const KommunActionsDocument = graphql(`
  query KommunActions($code: ID!) {
    municipality(code: $code) {
      code
      actions {
        id
        title
        description
        status
        startsOn
        endsOn
        method
        place
        focusArea {
          name
        }
        responsible {
          name
          lead
        }
        followUps {
          id
          date
          author
          text
          outcome
        }
        sources {
          title
          publishedOn
          url
        }
      }
    }
  }
`);

/**
 * The app's operations. GraphQL Code Generator reads the graphql(`…`) calls here and generates, for
 * each, a typed document (its data and variables types) and its SHA-256 hash (src/generated/).
 */
import { graphql } from './generated';

/** Who the token says I am: a kommun user's kommun. */
export const Viewer = graphql(`
  query Viewer {
    viewer {
      role
      municipalityCode
    }
  }
`);

/** One page of my kommun's actions (Relay-style: `first`, `after`, `pageInfo`, `totalCount`). */
export const ActionsPage = graphql(`
  query ActionsPage($municipality: MunicipalityCode!, $first: Int!, $after: String) {
    actions(filter: { municipality: $municipality }, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          status
          startsOn
          version
        }
      }
    }
  }
`);

/** One action, with the version a change must name. */
export const ActionById = graphql(`
  query ActionById($id: ID!) {
    action(id: $id) {
      id
      title
      description
      place
      version
    }
  }
`);

export const CreateAction = graphql(`
  mutation CreateAction($input: ActionInput!) {
    createAction(input: $input) {
      id
      title
      status
      version
    }
  }
`);

/** A change at the version I read: refused with CONFLICT (and the current version) if someone changed it since. */
export const UpdateAction = graphql(`
  mutation UpdateAction($id: ID!, $version: Int!, $changes: ActionChangesInput!) {
    updateAction(id: $id, version: $version, changes: $changes) {
      id
      description
      place
      version
    }
  }
`);

/** Who is signed in (the hub's `viewer`), and the reference lists every page uses. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { WorkspaceConfig } from './auth';
import { graphql } from './generated/gql';
import type { SessionQuery } from './generated/gql/graphql';

export const SessionDocument = graphql(`
  query Session {
    viewer {
      role
      municipalityCode
      policeRegionCode
      localPoliceAreaId
    }
    policeRegions {
      code
      name
      counties {
        code
        name
      }
    }
    indicators {
      code
      name
      unit
      direction
    }
    surveyInstruments(includeDemo: true) {
      code
      name
      demo
      surveys {
        year
      }
    }
  }
`);

export interface Session {
  config: WorkspaceConfig;
  data: SessionQuery;
  /** Signs in with a token (or out with null) and reloads what the role may see. */
  signIn(token: string | null): void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('no session');
  return session;
}

export const ROLE_WORDS: Record<string, string> = {
  anonymous: 'Inte inloggad (offentliga uppgifter)',
  kommun: 'Kommunanvändare',
  police: 'Polisanvändare',
  analyst: 'Analytiker',
  admin: 'Förvaltare',
};

/** The years some instrument has a round, newest first. */
export function surveyYears(data: SessionQuery): number[] {
  const years = new Set<number>();
  for (const instrument of data.surveyInstruments) for (const survey of instrument.surveys) years.add(survey.year);
  return [...years].sort((a, b) => b - a);
}

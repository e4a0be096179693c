/** Arbetsytan: the frame (skip link, navigation, sign-in) and the page the hash route names. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { request } from './api';
import { currentToken, finishOidcSignIn, loadConfig, setToken, type WorkspaceConfig } from './auth';
import { SignIn } from './components/SignIn';
import { CompliancePage } from './pages/CompliancePage';
import { KommunPage } from './pages/KommunPage';
import { MapPage } from './pages/MapPage';
import { RankingPage } from './pages/RankingPage';
import { href, useRoute } from './route';
import { type Session, SessionContext, SessionDocument } from './session';
import type { SessionQuery } from './generated/gql/graphql';

/** The sign-in settings, asked for at once. */
const configAsked = loadConfig();

/** The first session, asked for at once (unless an OIDC sign-in is being finished: its token first). */
let early: Promise<SessionQuery> | null = new URLSearchParams(location.search).has('code') ? null : request(SessionDocument, {});
early?.catch(() => undefined);

const PAGES = [
  { path: 'karta', name: 'Karta' },
  { path: 'rangordning', name: 'Rangordning' },
  { path: 'efterlevnad', name: 'Efterlevnad' },
];

export function App() {
  const route = useRoute();
  const [config, setConfig] = useState<WorkspaceConfig | null>(null);
  const [data, setData] = useState<SessionQuery | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [token, setTokenState] = useState(currentToken());

  useEffect(() => {
    configAsked.then(async (loaded) => {
      if (loaded.signIn === 'oidc') {
        const failure = await finishOidcSignIn(loaded);
        if (failure) setProblem(failure);
        setTokenState(currentToken());
      }
      setConfig(loaded);
    });
  }, []);

  useEffect(() => {
    if (!config) return;
    setData(null);
    // The first session was asked for beside the settings (see below); later ones when the token changes.
    const first = early;
    early = null;
    (first && token === currentToken() ? first : request(SessionDocument, {})).then(
      (answer) => {
        setData(answer);
      },
      (error: Error) => {
        // A token the hub refuses: drop it and carry on anonymously.
        if (token) {
          setToken(null);
          setTokenState(null);
          setProblem(`Inloggningen gäller inte längre (${error.message}). Du ser nu offentliga uppgifter.`);
        } else setProblem(error.message);
      },
    );
  }, [config, token]);

  const signIn = useCallback((next: string | null) => {
    setToken(next);
    setProblem(null);
    setTokenState(currentToken());
  }, []);

  useEffect(() => {
    const page = PAGES.find((p) => p.path === route.parts[0]);
    document.title = `${route.parts[0] === 'kommun' ? 'Kommun' : (page?.name ?? 'Karta')} — Samverkan hub`;
  }, [route.parts.join('/')]);

  const session: Session | null = config && data ? { config, data, signIn } : null;
  const current = route.parts[0] ?? 'karta';
  return (
    <>
      <a class="skip" href="#innehall" onClick={(e) => { e.preventDefault(); document.getElementById('innehall')?.focus(); }}>
        Hoppa till innehållet
      </a>
      <header class="top">
        <a class="brand" href={href('karta')}>
          Samverkan hub <span>arbetsyta</span>
        </a>
        <nav aria-label="Sidor">
          <ul>
            {PAGES.map((page) => (
              <li>
                <a href={href(page.path)} aria-current={current === page.path ? 'page' : undefined}>
                  {page.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {session && <SignIn session={session} signedIn={Boolean(token)} />}
      </header>
      <main id="innehall" tabIndex={-1}>
        {problem && (
          <p class="error" role="alert">
            {problem}
          </p>
        )}
        {!session ? (
          <p aria-busy="true">Arbetsytan laddas …</p>
        ) : (
          <SessionContext.Provider value={session} key={token ?? 'anonym'}>
            {current === 'rangordning' ? (
              <RankingPage route={route} />
            ) : current === 'efterlevnad' ? (
              <CompliancePage route={route} />
            ) : current === 'kommun' ? (
              <KommunPage key={route.parts[1]} route={route} />
            ) : (
              <MapPage route={route} />
            )}
          </SessionContext.Provider>
        )}
      </main>
      <footer class="bottom">
        <p>
          Arbetsytan läser navet genom dess publika GraphQL-API (<a href="/graphql">GraphiQL</a>). Demovärden är alltid märkta DEMO.
        </p>
      </footer>
    </>
  );
}

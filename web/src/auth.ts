/**
 * Inloggning: anonymous by default. The gateway's /workspace-config.json says how one signs in:
 * "token" (development: paste a token from `npm run token`), "oidc" (the authorization-code flow
 * with PKCE against the configured identity provider, back to `/`) or "none" (anonymous only).
 * The token is kept in sessionStorage, so it ends with the tab.
 */

/** The gateway's sign-in settings (/workspace-config.json). */
export interface WorkspaceConfig {
  signIn: 'token' | 'oidc' | 'none';
  oidc?: { authorizationEndpoint: string; tokenEndpoint: string; clientId: string; scope: string };
}

const TOKEN_KEY = 'samverkan.token';
const PKCE_KEY = 'samverkan.pkce';

export function currentToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function setToken(token: string | null): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token.trim().replace(/^Bearer\s+/i, ''));
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** Reads /workspace-config.json; without one (an older gateway), anonymous only. */
export async function loadConfig(): Promise<WorkspaceConfig> {
  try {
    const response = await fetch('/workspace-config.json', { headers: { accept: 'application/json' } });
    if (!response.ok) return { signIn: 'none' };
    const config = (await response.json()) as Partial<WorkspaceConfig>;
    if (config.signIn === 'token' || config.signIn === 'none') return { signIn: config.signIn };
    if (config.signIn === 'oidc' && config.oidc) return { signIn: 'oidc', oidc: config.oidc };
    return { signIn: 'none' };
  } catch {
    return { signIn: 'none' };
  }
}

function base64Url(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function redirectUri(): string {
  return `${location.origin}/`;
}

/** Starts the OIDC sign-in: a PKCE verifier and a state kept for the way back, then the provider. */
export async function startOidcSignIn(oidc: NonNullable<WorkspaceConfig['oidc']>): Promise<void> {
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state, hash: location.hash }));
  const url = new URL(oidc.authorizationEndpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: oidc.clientId,
    redirect_uri: redirectUri(),
    scope: oidc.scope,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

/**
 * The way back from the provider (`/?code=…&state=…`): exchanges the code for a token (the access
 * token, which the hub verifies; the ID token only where the provider gives no access token) and
 * cleans the address. Returns an
 * error text when it fails, null when there was nothing to finish or it worked.
 */
export async function finishOidcSignIn(config: WorkspaceConfig): Promise<string | null> {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  const returned = params.get('state');
  if (!code && !params.get('error')) return null;
  const saved = JSON.parse(sessionStorage.getItem(PKCE_KEY) ?? 'null') as { verifier: string; state: string; hash: string } | null;
  sessionStorage.removeItem(PKCE_KEY);
  history.replaceState(null, '', `/${saved?.hash ?? location.hash}`);
  if (params.get('error')) return `Inloggningen avbröts: ${params.get('error_description') ?? params.get('error')}`;
  if (!config.oidc || !saved || saved.state !== returned) return 'Inloggningen kunde inte slutföras (okänt tillstånd). Försök igen.';
  const response = await fetch(config.oidc.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: code!, redirect_uri: redirectUri(), client_id: config.oidc.clientId, code_verifier: saved.verifier }),
  });
  if (!response.ok) return `Identitetsleverantören nekade inloggningen (${response.status}).`;
  const tokens = (await response.json()) as { id_token?: string; access_token?: string };
  const token = tokens.access_token ?? tokens.id_token;
  if (!token) return 'Identitetsleverantören gav ingen token.';
  setToken(token);
  return null;
}

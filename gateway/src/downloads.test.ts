import { DownloadRefusal, downloadPath, parseDownloadUrl } from './downloads';
import { contentSecurityPolicy, workspaceConfig, workspaceOptionsFromEnv } from './workspace';

const parse = (path: string) => parseDownloadUrl(new URL(path, 'http://localhost'));
const refusal = (path: string): DownloadRefusal => {
  try {
    parse(path);
  } catch (error) {
    if (error instanceof DownloadRefusal) return error;
    throw error;
  }
  throw new Error(`expected ${path} to be refused`);
};

describe('download URLs', () => {
  it('name a table, a format and checked parameters', () => {
    const download = parse('/downloads/rangordning.xlsx?indicator=unsafe_outdoors&year=2025&policeRegion=syd');
    expect(download.table.name).toBe('rangordning');
    expect(download.format).toBe('xlsx');
    expect(download.params).toEqual({ indicator: 'UNSAFE_OUTDOORS', year: 2025, policeRegion: 'SYD' });
    expect(download.table.fileName(download.params, download.format)).toBe('rangordning-unsafe-outdoors-SYD-2025.xlsx');
  });

  it('are refused with 404 for an unknown table or format, 400 for bad parameters', () => {
    expect(refusal('/downloads/okand.csv').status).toBe(404);
    expect(refusal('/downloads/rangordning.pdf').status).toBe(404);
    expect(refusal('/downloads/../rangordning.csv').status).toBe(404);
    expect(refusal('/downloads/constructor.csv').status).toBe(404);
    const bad = refusal('/downloads/rangordning.csv?indicator=INGEN_SADAN&year=202&policeRegion=NORRLAND');
    expect(bad.status).toBe(400);
    expect(bad.message).toMatch(/okänd indikator "INGEN_SADAN"/);
    expect(bad.message).toMatch(/unknown indicator/);
    expect(bad.message).toMatch(/four digits/);
    expect(bad.message).toMatch(/seven police regions/);
    expect(refusal('/downloads/efterlevnad.csv?on=2026-13-01').message).toMatch(/YYYY-MM-DD/);
    expect(refusal('/downloads/efterlevnad.csv?county=12&county=13').message).toMatch(/more than once/);
    expect(refusal('/downloads/atgarder.csv').message).toMatch(/municipality: saknas/);
  });

  it('are built from parameters, leaving out empty ones', () => {
    expect(downloadPath('rangordning', 'csv', { indicator: 'PROBLEM_INDEX', year: 2025, policeRegion: undefined, includeDemo: '' })).toBe('/downloads/rangordning.csv?indicator=PROBLEM_INDEX&year=2025');
    expect(downloadPath('efterlevnad', 'xlsx')).toBe('/downloads/efterlevnad.xlsx');
  });
});

describe('the workspace\'s sign-in settings', () => {
  const oidcEnv = { SAMVERKAN_OIDC_AUTHORIZATION_URL: 'https://idp.example.se/authorize', SAMVERKAN_OIDC_TOKEN_URL: 'https://idp.example.se/token', SAMVERKAN_OIDC_CLIENT_ID: 'arbetsyta' };

  it('are a pasted token in development, none in production, OIDC when its three settings are set', () => {
    expect(workspaceConfig(workspaceOptionsFromEnv({}), false)).toEqual({ signIn: 'token' });
    expect(workspaceConfig(workspaceOptionsFromEnv({}), true)).toEqual({ signIn: 'none' });
    expect(workspaceConfig(workspaceOptionsFromEnv({ ...oidcEnv, SAMVERKAN_OIDC_CLIENT_ID: '' }), true)).toEqual({ signIn: 'none' });
    const oidc = workspaceConfig(workspaceOptionsFromEnv(oidcEnv), true);
    expect(oidc).toEqual({ signIn: 'oidc', oidc: { authorizationEndpoint: oidcEnv.SAMVERKAN_OIDC_AUTHORIZATION_URL, tokenEndpoint: oidcEnv.SAMVERKAN_OIDC_TOKEN_URL, clientId: 'arbetsyta', scope: 'openid' } });
    expect(workspaceConfig(workspaceOptionsFromEnv({ ...oidcEnv, SAMVERKAN_OIDC_SCOPE: 'openid profile' }), false).oidc?.scope).toBe('openid profile');
    expect(() => workspaceOptionsFromEnv({ ...oidcEnv, SAMVERKAN_OIDC_TOKEN_URL: 'javascript:alert(1)' })).toThrow(/SAMVERKAN_OIDC_TOKEN_URL must be an http\(s\) URL/);
  });

  it('let the page reach only its own origin, and the provider\'s token endpoint with OIDC', () => {
    expect(contentSecurityPolicy({ signIn: 'token' })).toMatch(/connect-src 'self';/);
    expect(contentSecurityPolicy(workspaceConfig(workspaceOptionsFromEnv(oidcEnv), true))).toMatch(/connect-src 'self' https:\/\/idp\.example\.se;/);
  });
});

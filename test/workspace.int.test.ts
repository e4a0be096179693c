import { type Actor, signDevelopmentToken } from '@samverkan/schema';
import { postGraphQL } from '@samverkan/server/testing';
import axe from 'axe-core';
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { seedDemoData } from '../services/surveys/src/seed';
import { startTestHub, TEST_JWT_SECRET, type TestHub } from './support/hub';

/**
 * The analysts' workspace (web/dist, served by the gateway at /) in a real browser (Debian's
 * headless Chromium): the map's 290 kommuner coloured from the API, the ranking of region Syd, a
 * kommun page, downloads with the same rows as the page's table, no request leaving the machine,
 * axe on every page, and what an anonymous user, a kommun user and an analyst each see. Writes the
 * screenshots docs/screenshots/{karta,rangordning,kommun}.png. Without Chromium the test is skipped,
 * unless REQUIRE_BROWSER=1 (as in CI) makes that a failure; it needs the built web app (npm run build).
 */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveBrowser = fs.existsSync(executablePath);
if (!haveBrowser && process.env.REQUIRE_BROWSER === '1') {
  throw new Error(`REQUIRE_BROWSER=1 but there is no Chromium at ${executablePath} (apt-get install chromium)`);
}
const describeWithBrowser = haveBrowser ? describe : describe.skip;

const ROOT = path.resolve(__dirname, '..');
const SCREENSHOTS = path.join(ROOT, 'docs', 'screenshots');
const VIEWPORT = { width: 1366, height: 900 };
const DEMO_FROM = 2021;

const ACTORS = {
  analyst: { role: 'analyst', subject: 'analytiker-syd', policeRegionCode: 'SYD' },
  kommun: { role: 'kommun', subject: 'lund-handlaggare', municipalityCode: '1281' },
  otherKommun: { role: 'kommun', subject: 'trelleborg-handlaggare', municipalityCode: '1287' },
} satisfies Record<string, Exclude<Actor, { role: 'anonymous' }>>;
type Who = keyof typeof ACTORS | 'anonymous';

/** The greys of kommuner without a value on the map's scale. */
const GREYS = ['#b4b4b4', '#e2e2e2'];

describeWithBrowser('the analysts\' workspace at /', () => {
  let hub: TestHub;
  let browser: Browser;
  let origin: string;
  const tokens = new Map<Who, string>();
  const elsewhere: string[] = [];
  const failed: string[] = [];
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(path.join(ROOT, 'web', 'dist', 'index.html'))) throw new Error('web/dist is not built: run npm run build first');
    hub = await startTestHub('pglite');
    // The demo values (flagged DEMO) of five years, as npm start loads them for all.
    await seedDemoData(hub.surveys.client, { from: DEMO_FROM, to: 2025 });
    origin = new URL(hub.gateway.url).origin;
    for (const [who, actor] of Object.entries(ACTORS)) tokens.set(who as Who, await signDevelopmentToken(actor, TEST_JWT_SECRET));
    browser = await chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await hub?.close();
  });

  /** A fresh tab as `who` (the token in sessionStorage, as the sign-in form keeps it), every request watched. */
  async function open(who: Who, hash: string): Promise<Page> {
    const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
    contexts.push(context);
    const token = tokens.get(who);
    if (token) await context.addInitScript((value) => sessionStorage.setItem('samverkan.token', value), token);
    const page = await context.newPage();
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) elsewhere.push(url);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    page.on('pageerror', (error) => failed.push(`page error: ${error.message}`));
    const response = await page.goto(`${origin}/${hash}`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    return page;
  }

  /** axe's serious and critical violations on the page as it stands. */
  async function seriousViolations(page: Page): Promise<string[]> {
    // The page's Content-Security-Policy allows no inline script (addScriptTag); the DevTools protocol's evaluation is not one.
    await page.evaluate(axe.source);
    const results = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }));
    return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  }

  async function tableRows(page: Page, table: string): Promise<string[][]> {
    return page.$$eval(`table[data-table="${table}"] tbody tr`, (rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell as HTMLElement).innerText.trim())));
  }

  async function graphql<T>(query: string, variables: Record<string, unknown> = {}, who: Who = 'anonymous'): Promise<T> {
    const token = tokens.get(who);
    const { body } = await postGraphQL<T>(hub.gateway.url, query, variables, token ? { authorization: `Bearer ${token}` } : {});
    if (body.errors) throw new Error(body.errors[0]!.message);
    return body.data!;
  }

  it('draws the 290 kommuner coloured from the API: one instrument on a scale, the others grey; the law\'s check for every kommun', async () => {
    const page = await open('anonymous', '#/karta?demo=1&ar=2025');
    await page.locator('.map[data-ready="true"]').waitFor({ timeout: 30_000 });
    // The skip link comes first and leads to the content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Hoppa till innehållet');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('innehall');
    const fills = new Map(await page.$$eval('.map path[data-code]', (paths) => paths.map((p) => [p.getAttribute('data-code')!, p.getAttribute('fill')!] as [string, string])));
    expect(fills.size).toBe(290);

    const { municipalities } = await graphql<{ municipalities: { code: string; surveyStanding: { value: number; instrument: { code: string } } | null }[] }>(
      '{ municipalities { code surveyStanding(indicator: "PROBLEM_INDEX", year: 2025, origins: [PUBLISHED, DEMO]) { value instrument { code } } } }',
    );
    const syd = municipalities.filter((m) => m.surveyStanding?.instrument.code === 'POLISEN_SYD');
    expect(syd).toHaveLength(58);
    // The scale is Polisregion Syd's instrument (the one real instrument with values); every other kommun is grey.
    for (const m of municipalities) {
      if (m.surveyStanding?.instrument.code === 'POLISEN_SYD') expect(GREYS).not.toContain(fills.get(m.code));
      else expect(GREYS).toContain(fills.get(m.code));
    }
    // The lowest and the highest value take the palette's ends (higher is worse: darker red).
    const sorted = [...syd].sort((a, b) => a.surveyStanding!.value - b.surveyStanding!.value);
    expect(fills.get(sorted[0]!.code)).toBe('#fef0d9');
    expect(fills.get(sorted.at(-1)!.code)).toBe('#b30000');
    // Demo values are marked: the badge and the legend's note.
    await expect(page.locator('.legend .badge.demo').count()).resolves.toBeGreaterThan(0);
    expect(await page.locator('.legend').innerText()).toContain('Grå: annat mätinstrument');
    expect(await page.locator('.credit').innerText()).toContain('Valmyndigheten');

    // Hover shows the kommun's name and value.
    await page.locator('.map path[data-code="1281"]').hover();
    const tip = await page.locator('.map-tip').innerText();
    const lund = municipalities.find((m) => m.code === '1281')!.surveyStanding!.value;
    expect(tip).toContain('Lund');
    expect(tip).toContain(lund.toLocaleString('sv-SE', { maximumFractionDigits: 2 }));
    expect(tip).toContain('DEMO');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'karta.png') });
    expect(await seriousViolations(page)).toEqual([]);

    // Without "visa demovärden" no demo value is shown: every kommun grey, no DEMO badge.
    await page.locator('#val-demo').uncheck();
    await page.waitForFunction(() => !document.querySelector('.legend .badge.demo') && document.querySelector('.map')?.getAttribute('data-ready') === 'true');
    const published = await page.$$eval('.map path[data-code]', (paths) => paths.map((p) => p.getAttribute('fill')));
    expect(published.every((fill) => ['#b4b4b4', '#e2e2e2'].includes(fill!))).toBe(true);

    // The law's check: every kommun gets the colour of its verdict.
    await page.locator('#val-matt').selectOption('efterlevnad');
    await page.waitForFunction(() => document.querySelector('.legend h2')?.textContent?.startsWith('Efterlevnad') && document.querySelector('.map')?.getAttribute('data-ready') === 'true');
    const { compliance } = await graphql<{ compliance: { municipality: { code: string }; compliant: boolean; hasCurrentSituationReport: boolean }[] }>(
      '{ compliance { municipality { code } compliant hasCurrentSituationReport } }',
    );
    const verdictFills = new Map(await page.$$eval('.map path[data-code]', (paths) => paths.map((p) => [p.getAttribute('data-code')!, p.getAttribute('fill')!] as [string, string])));
    expect(compliance).toHaveLength(290);
    for (const c of compliance) expect(verdictFills.get(c.municipality.code)).toBe(c.compliant ? '#1a9850' : c.hasCurrentSituationReport ? '#fee08b' : '#d73027');

    // Zoom to a län: only its kommuner are drawn (Skåne: 33).
    await page.locator('#val-lan').selectOption('12');
    await page.waitForFunction(() => document.querySelectorAll('.map path[data-code]').length === 33);

    // Keyboard: a kommun takes focus, shows its value and opens with Enter.
    await page.locator('.map path[data-code="1281"]').focus();
    expect(await page.locator('.map-tip').innerText()).toContain('Lund');
    await page.keyboard.press('Enter');
    await page.locator('[data-kommun="1281"]').waitFor();
  });

  it('ranks the 58 kommuner of region Syd when the region is chosen, and downloads the same rows as CSV and Excel', async () => {
    const page = await open('anonymous', '#/rangordning?demo=1&ar=2025&basar=2022');
    await page.locator('#val-region').selectOption('SYD');
    await page.waitForFunction(() => document.querySelectorAll('table[data-table="rangordning"] tbody tr').length > 0, undefined, { timeout: 30_000 });
    const rows = await tableRows(page, 'rangordning');
    expect(rows).toHaveLength(58);
    const ranks = rows.map((row) => Number(row[0]));
    expect(ranks[0]).toBe(1);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    expect(page.url()).toContain('region=SYD');
    await page.locator('figure.chart svg').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'rangordning.png') });
    expect(await seriousViolations(page)).toEqual([]);
    const names = rows.map((row) => row[1]);

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ner CSV: Rangordning av kommuner' }).click()]);
    expect(csvDownload.suggestedFilename()).toMatch(/^rangordning-.*SYD-2025.*\.csv$/);
    const csv = fs.readFileSync((await csvDownload.path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).trim().split(/\r\n/);
    expect(lines[0]!.split(';')).toContain('Kommun');
    expect(lines).toHaveLength(59);
    const header = lines[0]!.split(';');
    const nameColumn = header.indexOf('Kommun');
    const valueColumn = header.indexOf('Värde');
    expect(lines.slice(1).map((line) => line.split(';')[nameColumn])).toEqual(names);
    // Decimal comma: the values are written 1,23, the page shows the same.
    expect(lines.slice(1).every((line) => /^\d+,\d{2}$/.test(line.split(';')[valueColumn]!))).toBe(true);
    expect(lines.slice(1).map((line) => line.split(';')[valueColumn])).toEqual(rows.map((row) => row[2]));

    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ner Excel: Rangordning av kommuner' }).click()]);
    expect(xlsxDownload.suggestedFilename()).toMatch(/^rangordning-.*\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync((await xlsxDownload.path())!) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const sheetHeader = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const sheetNames: string[] = [];
    sheet.eachRow((row, number) => {
      if (number > 1) sheetNames.push(String(row.getCell(sheetHeader.indexOf('Kommun') + 1).value));
    });
    expect(sheetNames).toEqual(names);

    // Published values only (the default): no demo value is ranked, and none is marked.
    await page.locator('#val-demo').uncheck();
    await page.waitForFunction(() => document.querySelector('.row-count')?.textContent === '0 rader');
    expect(await page.locator('.badge.demo').count()).toBe(0);
    await page.locator('[data-empty="ONLY_DEMO_VALUES"]').waitFor();
  });

  it('shows a kommun page: Lund\'s agreement, its actions and its trend against the region', async () => {
    const page = await open('anonymous', '#/kommun/1281');
    await page.locator('[data-agreement="lund-2024"]').waitFor({ timeout: 30_000 });
    const text = await page.locator('main').innerText();
    expect(text).toContain('Samverkansöverenskommelse mellan Lunds kommun och Lokalpolisområde Lund 2024–2027');
    expect(text).toContain('Gällande');
    expect(text).toContain('Anna-Karin Boije');
    expect(text).toContain('Källor:');
    expect(text).toContain('Uppfyller inte lagen');
    await page.waitForFunction(() => document.querySelectorAll('table[data-table="atgarder"] tbody tr').length > 0);
    const actions = (await tableRows(page, 'atgarder')).map((row) => row[0]);
    expect(actions).toContain('Ordningsvakter i ett §3-område runt Lunds central');
    // Published results only: no trend, and the reason; with demo values, a line against the region.
    await page.locator('[data-trend-empty]').waitFor();
    await page.locator('#trend-demo').check();
    await page.waitForFunction(() => document.querySelectorAll('table[data-table="trend"] tbody tr').length === 2025 - 2021 + 1);
    // The region's median beside each year, and the chart with both lines.
    await page.waitForFunction(() => [...document.querySelectorAll('table[data-table="trend"] tbody tr')].every((row) => row.querySelectorAll('td')[2]?.textContent !== '–'));
    await page.locator('section:has(#trend) figure.chart svg').first().waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await page.locator('section:has(#trend) .badge.demo').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'kommun.png') });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows the compliance board by region with drill-down, and passes axe', async () => {
    const page = await open('anonymous', '#/efterlevnad');
    await page.waitForFunction(() => document.querySelectorAll('table[data-table="efterlevnad"] tbody tr').length === 290, undefined, { timeout: 30_000 });
    const regions = await tableRows(page, 'efterlevnad-per-omrade');
    expect(regions).toHaveLength(7);
    expect(regions.reduce((sum, row) => sum + Number(row[1]), 0)).toBe(290);
    // The counts per region download as a file with the same rows (Kod;Område;Dag;Kommuner;…).
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ner CSV: Efterlevnad per område' }).click()]);
    const lines = fs.readFileSync((await download.path())!, 'utf8').slice(1).trim().split(/\r\n/);
    expect(lines[0]).toMatch(/^Kod;Område;Dag;Kommuner;/);
    expect(lines.slice(1).map((line) => [line.split(';')[1], line.split(';')[3]])).toEqual(regions.map((row) => [row[0], row[1]]));
    await page.getByRole('link', { name: 'Syd', exact: true }).click();
    await page.waitForFunction(() => document.querySelectorAll('table[data-table="efterlevnad"] tbody tr').length === 58);
    expect((await tableRows(page, 'efterlevnad-per-omrade')).map((row) => row[0])).toEqual(['Kronobergs län', 'Kalmar län', 'Blekinge län', 'Skåne län']);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows each role what it may see: a kommun user and an analyst see the parties\' action, anonymous users do not', async () => {
    const created = await graphql<{ createAction: { id: string } }>(
      'mutation { createAction(input: { municipalityCode: "1281", title: "Spaning vid Clemenstorget", visibility: PARTIES, responsible: [{ kind: MUNICIPAL_DEPARTMENT, name: "Lunds kommun", lead: true }] }) { id } }',
      {},
      'kommun',
    );
    expect(created.createAction.id).toBeTruthy();
    const seen = new Map<Who, { who: string; actions: string[] }>();
    for (const who of ['anonymous', 'kommun', 'analyst', 'otherKommun'] as const) {
      const page = await open(who, '#/kommun/1281');
      await page.waitForFunction(() => document.querySelectorAll('table[data-table="atgarder"] tbody tr').length > 0, undefined, { timeout: 30_000 });
      seen.set(who, { who: await page.locator('.who').innerText(), actions: (await tableRows(page, 'atgarder')).map((row) => row[0]!) });
      // Nothing the role may not see turns into an error on the page.
      expect(await page.locator('.error').count()).toBe(0);
    }
    expect(seen.get('anonymous')!.who).toContain('Inte inloggad');
    expect(seen.get('kommun')!.who).toContain('kommun 1281');
    expect(seen.get('analyst')!.who).toContain('Analytiker');
    expect(seen.get('anonymous')!.actions).not.toContain('Spaning vid Clemenstorget');
    expect(seen.get('otherKommun')!.actions).not.toContain('Spaning vid Clemenstorget');
    expect(seen.get('kommun')!.actions).toContain('Spaning vid Clemenstorget');
    expect(seen.get('analyst')!.actions).toContain('Spaning vid Clemenstorget');
    // The download of a signed-in user's table carries the token: the same rows as the page.
    const page = await open('kommun', '#/kommun/1281');
    await page.waitForFunction(() => document.querySelectorAll('table[data-table="atgarder"] tbody tr').length > 0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ner CSV: Åtgärder' }).click()]);
    const csv = fs.readFileSync((await download.path())!, 'utf8').slice(1).trim().split(/\r\n/);
    const title = csv[0]!.split(';').indexOf('Åtgärd');
    expect(csv.slice(1).map((line) => line.split(';')[title]!.replace(/^"|"$/g, ''))).toEqual(seen.get('kommun')!.actions);
  });

  it('signs in with OIDC: the authorization code with PKCE at the provider, back to the page the user was on', async () => {
    // A stand-in identity provider on this machine: it checks the PKCE pair and answers the analyst's token.
    const asked: { authorize?: URLSearchParams; token?: URLSearchParams; verified?: boolean } = {};
    const provider = http.createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://provider');
      if (url.pathname === '/authorize') {
        asked.authorize = url.searchParams;
        response.writeHead(302, { location: `${url.searchParams.get('redirect_uri')}?code=kod-1&state=${url.searchParams.get('state')}` }).end();
        return;
      }
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        asked.token = new URLSearchParams(body);
        const challenge = createHash('sha256').update(asked.token.get('code_verifier') ?? '').digest('base64url');
        asked.verified = challenge === asked.authorize?.get('code_challenge') && asked.token.get('code') === 'kod-1';
        response.writeHead(asked.verified ? 200 : 400, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
        response.end(JSON.stringify(asked.verified ? { access_token: tokens.get('analyst'), token_type: 'Bearer' } : { error: 'invalid_grant' }));
      });
    });
    await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
    const providerUrl = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
    const gateway = await hub.startGateway({
            workspace: { oidc: { authorizationEndpoint: `${providerUrl}/authorize`, tokenEndpoint: `${providerUrl}/token`, clientId: 'arbetsyta', scope: 'openid' } },
    });
    try {
      const workspace = new URL(gateway.url).origin;
      const context = await browser.newContext({ viewport: VIEWPORT });
      contexts.push(context);
      const page = await context.newPage();
      page.on('request', (request) => {
        const url = request.url();
        if (!url.startsWith(workspace) && !url.startsWith(providerUrl) && !url.startsWith('data:') && !url.startsWith('blob:')) elsewhere.push(url);
      });
      await page.goto(`${workspace}/#/efterlevnad`);
      await page.locator('.who[data-role="anonymous"]').waitFor({ timeout: 30_000 });
      await page.getByRole('button', { name: 'Logga in', exact: true }).click();
      await page.locator('.who[data-role="analyst"]').waitFor({ timeout: 30_000 });
      expect(asked.authorize?.get('code_challenge_method')).toBe('S256');
      expect(asked.authorize?.get('client_id')).toBe('arbetsyta');
      expect(asked.authorize?.get('redirect_uri')).toBe(`${workspace}/`);
      expect(asked.verified).toBe(true);
      // Back on the page the user left, the code gone from the address.
      expect(page.url()).toBe(`${workspace}/#/efterlevnad`);
      await page.getByRole('button', { name: 'Logga ut' }).click();
      await page.locator('.who[data-role="anonymous"]').waitFor();
    } finally {
      await gateway.close();
      provider.close();
    }
  });

  it('sent no request outside the machine and met no failing request', () => {
    expect(elsewhere).toEqual([]);
    expect(failed).toEqual([]);
  });
});

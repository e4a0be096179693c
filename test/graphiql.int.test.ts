import fs from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { startTestHub, type TestHub } from './support/hub';

/**
 * GraphiQL in a real browser (Debian's headless Chromium): the page loads from the gateway alone,
 * with no request leaving the machine, and runs an example operation through the gateway.
 * Without Chromium the test is skipped, unless REQUIRE_BROWSER=1 (as in CI) makes that a failure.
 */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveBrowser = fs.existsSync(executablePath);
if (!haveBrowser && process.env.REQUIRE_BROWSER === '1') {
  throw new Error(`REQUIRE_BROWSER=1 but there is no Chromium at ${executablePath} (apt-get install chromium)`);
}
const describeWithBrowser = haveBrowser ? describe : describe.skip;

describeWithBrowser('GraphiQL at /graphql', () => {
  let hub: TestHub;
  let browser: Browser;
  beforeAll(async () => {
    hub = await startTestHub('pglite');
    browser = await chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('loads from local files only and runs an example operation', async () => {
    const page = await browser.newPage();
    const origin = new URL(hub.gateway.url).origin;
    const elsewhere: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) elsewhere.push(url);
    });
    const response = await page.goto(hub.gateway.url, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(await page.title()).toBe('Samverkan hub — GraphiQL');

    // The first tab holds the Lund example; run it with GraphiQL's execute button.
    const run = page.locator('.graphiql-execute-button');
    await run.waitFor({ timeout: 30_000 });
    // The editors write spaces as no-break spaces; read the page as a person would.
    const pageText = () => page.evaluate(() => document.body.innerText.replace(/\u00a0/g, ' '));
    await page.waitForFunction(() => document.body.innerText.replace(/\u00a0/g, ' ').includes('query Lund {'), undefined, { timeout: 30_000 });
    await run.click();
    await page.waitForFunction(() => document.body.innerText.replace(/\u00a0/g, ' ').includes('Skåne län'), undefined, { timeout: 30_000 });
    const text = await pageText();
    expect(text).toContain('"name": "Lund"');
    expect(text).toContain('Lokalpolisområde Lund');
    expect(elsewhere).toEqual([]);
  });
});

/**
 * The analysts' workspace in a real browser (Debian's headless Chromium): the time from navigation
 * start to the national map drawn and coloured (the map's `data-ready`, marked by the page as
 * `samverkan:karta-klar`), median of several cold loads (a fresh browser context each: no cache),
 * and the size of what the page is built from (web/dist's JS and CSS, and the kommun boundaries),
 * in bytes and gzipped.
 *
 * Alone, against a running hub (`npm start`):
 *   node bench/dist/workspace.js [http://localhost:4000]
 * It prints the numbers and writes them into BENCHMARKS.md (between its own markers); `npm run
 * bench` runs it against the hub it starts (see run.ts). Settings: BENCH_WORKSPACE_LOADS (default 9),
 * CHROMIUM_PATH (default /usr/bin/chromium).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(__dirname, '..', '..');
/** The limit the issue sets: the national map drawn and coloured within 1 s of load. */
export const MAP_READY_LIMIT_MS = 1000;
const READY_MARK = 'samverkan:karta-klar';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** One page of the workspace, measured. */
export interface MapLoad {
  /** The address opened, relative to the hub. */
  page: string;
  what: string;
  loads: number;
  /** Navigation start to the map drawn and coloured, ms, each load. */
  readyMs: number[];
  medianMs: number;
  maxMs: number;
  /** Bytes the browser received for the page (all requests), median load. */
  transferredBytes: number;
}

export interface AssetSize {
  file: string;
  bytes: number;
  gzipBytes: number;
  /** Loaded by the map page (else a chunk loaded when needed, e.g. the charts). */
  onMapPage: boolean;
}

export interface WorkspaceReport {
  date: string;
  url: string;
  maps: MapLoad[];
  assets: AssetSize[];
  geojson: { bytes: number; gzipBytes: number };
  limitMs: number;
  /** Which hub was measured, in words. */
  hub: string;
  machine: { cores: number; cpu: string; loadAverage: number[] };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
};

const gzipSize = (body: Buffer) => zlib.gzipSync(body).length;

/** web/dist's scripts and styles, and which of them the map page loads. */
function assetSizes(loaded: Set<string>): AssetSize[] {
  const dir = path.join(ROOT, 'web', 'dist', 'assets');
  if (!fs.existsSync(dir)) throw new Error('web/dist is not built: run npm run build first');
  return fs
    .readdirSync(dir)
    .filter((file) => /\.(js|css)$/.test(file))
    .map((file) => {
      const body = fs.readFileSync(path.join(dir, file));
      return { file, bytes: body.length, gzipBytes: gzipSize(body), onMapPage: loaded.has(`/assets/${file}`) };
    })
    .sort((a, b) => Number(b.onMapPage) - Number(a.onMapPage) || b.bytes - a.bytes);
}

/**
 * Opens each page `loads` times, each in a fresh context, and waits for the map's mark.
 * @param base the hub's address, e.g. http://localhost:4000
 */
export async function measureWorkspace(base: string, hub: string, loads = Number(process.env.BENCH_WORKSPACE_LOADS ?? 9)): Promise<WorkspaceReport> {
  const loadAverage = os.loadavg().map((value) => Math.round(value * 100) / 100);
  const origin = new URL(base).origin;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  const loadedAssets = new Set<string>();
  const maps: MapLoad[] = [];
  try {
    const pages = [
      { page: '/', what: 'national map as it opens (published values only)' },
      { page: '/#/karta?demo=1', what: 'national map with demo values (one instrument coloured, the rest grey)' },
      { page: '/#/karta?matt=efterlevnad', what: "national map of the law's check" },
    ];
    for (const { page: address, what } of pages) {
      const readyMs: number[] = [];
      const transferred: number[] = [];
      // One load first, not counted: the hub's own caches (the JIT, prepared statements) warm up.
      for (let i = 0; i <= loads; i++) {
        const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
        const page = await context.newPage();
        let bytes = 0;
        const elsewhere: string[] = [];
        page.on('request', (request) => {
          if (!request.url().startsWith(origin) && !/^(data|blob):/.test(request.url())) elsewhere.push(request.url());
        });
        page.on('requestfinished', async (request) => {
          const url = new URL(request.url());
          if (url.pathname.startsWith('/assets/')) loadedAssets.add(url.pathname);
          const sizes = await request.sizes().catch(() => null);
          if (sizes) bytes += sizes.responseBodySize + sizes.responseHeadersSize;
        });
        await page.goto(`${origin}${address}`);
        await page.locator('.map[data-ready="true"]').waitFor({ timeout: 30_000 });
        const { ready, paths, coloured } = await page.evaluate((mark) => {
          const entry = performance.getEntriesByName(mark)[0];
          // Runs in the page (bench's own lib has no DOM types).
          const doc = (globalThis as unknown as { document: { querySelectorAll(selector: string): ArrayLike<{ getAttribute(name: string): string | null }> } }).document;
          const all = Array.from(doc.querySelectorAll('.map path[data-code]'));
          return { ready: entry ? entry.startTime : NaN, paths: all.length, coloured: all.filter((p) => p.getAttribute('fill') !== '#eeeeee').length };
        }, READY_MARK);
        if (elsewhere.length) throw new Error(`the workspace asked for ${elsewhere.join(', ')}, outside the hub`);
        if (paths !== 290 || coloured !== 290) throw new Error(`${address}: ${paths} kommuner drawn, ${coloured} coloured (expected 290)`);
        if (i > 0) {
          readyMs.push(Math.round(ready));
          transferred.push(bytes);
        }
        await context.close();
      }
      maps.push({ page: address, what, loads, readyMs, medianMs: median(readyMs), maxMs: Math.max(...readyMs), transferredBytes: median(transferred) });
    }
  } finally {
    await browser.close();
  }
  const geojson = fs.readFileSync(path.join(ROOT, 'web', 'dist', 'geo', 'municipalities.geojson'));
  return {
    date: new Date().toISOString().slice(0, 10),
    url: origin,
    maps,
    assets: assetSizes(loadedAssets),
    geojson: { bytes: geojson.length, gzipBytes: gzipSize(geojson) },
    limitMs: MAP_READY_LIMIT_MS,
    hub,
    machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', loadAverage },
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The workspace's section of BENCHMARKS.md. */
export function workspaceSection(report: WorkspaceReport): string {
  const onPage = report.assets.filter((a) => a.onMapPage);
  const sum = (list: AssetSize[], key: 'bytes' | 'gzipBytes') => list.reduce((total, a) => total + a[key], 0);
  return [
    `Last run: ${report.date}, headless Chromium against ${report.hub} at ${report.url}, ${report.machine.cores} cores (${report.machine.cpu}), load average ${report.machine.loadAverage.join(' / ')} at the start; ${report.maps[0]?.loads ?? 0} cold loads per page (a fresh browser context each, after one load not counted), time from navigation start to the map drawn and coloured. Limit: ${report.limitMs} ms.`,
    '',
    '| page | what | median ms | max ms | within limit | transferred |',
    '|---|---|---|---|---|---|',
    ...report.maps.map((m) => `| \`${m.page}\` | ${m.what} | ${m.medianMs} | ${m.maxMs} | ${m.medianMs <= report.limitMs ? 'yes' : 'no'} | ${kb(m.transferredBytes)} |`),
    '',
    `Bundle (web/dist): the map page loads ${kb(sum(onPage, 'bytes'))} of JS and CSS (${kb(sum(onPage, 'gzipBytes'))} gzipped); the kommun boundaries are ${kb(report.geojson.bytes)} (${kb(report.geojson.gzipBytes)} gzipped).`,
    '',
    '| file | bytes | gzip | loaded by |',
    '|---|---|---|---|',
    ...report.assets.map((a) => `| ${a.file} | ${a.bytes.toLocaleString('en')} | ${a.gzipBytes.toLocaleString('en')} | ${a.onMapPage ? 'the map page' : 'when needed (charts, the persisted documents)'} |`),
    `| geo/municipalities.geojson | ${report.geojson.bytes.toLocaleString('en')} | ${report.geojson.gzipBytes.toLocaleString('en')} | the map page |`,
  ].join('\n');
}

const START = '<!-- bench:workspace:start -->';
const END = '<!-- bench:workspace:end -->';

/** Writes the section into BENCHMARKS.md (replacing the last one). */
export function writeWorkspaceSection(report: WorkspaceReport): void {
  const file = path.join(ROOT, 'BENCHMARKS.md');
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const section = `${START}\n${workspaceSection(report)}\n${END}`;
  const next = text.includes(START) ? text.replace(new RegExp(`${START}[\\s\\S]*${END}`), section) : `${text.trimEnd()}\n\n## The analysts' workspace (web)\n\n${section}\n`;
  fs.writeFileSync(file, next);
}

if (require.main === module) {
  const base = process.argv[2] ?? process.env.BENCH_WORKSPACE_URL ?? 'http://localhost:4000';
  measureWorkspace(base, process.env.BENCH_WORKSPACE_HUB ?? 'a running hub (npm start: PGlite, demo data)').then(
    (report) => {
      console.log(workspaceSection(report));
      writeWorkspaceSection(report);
      const slow = report.maps.filter((m) => m.medianMs > report.limitMs);
      if (slow.length) {
        console.error(`Over ${report.limitMs} ms: ${slow.map((m) => m.page).join(', ')}`);
        process.exitCode = 1;
      }
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

// What the one map (一张图) costs in the browser with a city's worth of marks, against plain
// Leaflet, and how fast the incident queue answers a filter. Measured in one run:
//
// - map: in Chromium (Debian's, as the end-to-end tests run it; headless, no GPU: everything is
//   rasterised and composited in software), 20 000 cameras, 5 000 incidents and 200 units around
//   Dezhou, drawn by Vigil's canvas DataLayer (renderer/src/map/data-layer.ts, the real module on
//   a map set up as use-leaflet-map.ts sets it up) and, in the same run, as plain Leaflet circle
//   markers of the same rows with Leaflet's default SVG renderer and with its canvas renderer.
//   For each: time from creating the map to the first frame painted with every mark, then frame
//   intervals (requestAnimationFrame timestamps) through scripted pans and zooms. The ratios
//   Leaflet / Vigil are the figures; absolute times belong to this machine.
// - queue filter: applyQueueFilter (renderer/src/state/queue-filter.ts), what the incident list
//   runs on every keystroke and filter change, over 50 000 incidents in Node: p50 and p95 of
//   200 runs for each of a few filters an operator uses.
//
// Sizes: BENCH_VIDEO_POINTS (20000), BENCH_MAP_INCIDENTS (5000), BENCH_UNITS (200),
// BENCH_QUEUE_INCIDENTS (50000). BENCH_MAP_VARIANTS=vigil,leafletSvg limits the variants.
// No assertions: this measures, it does not judge.
import { build } from 'esbuild';
import { chromium, type Browser } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { applyQueueFilter, DEFAULT_FILTER, type QueueFilter } from '../renderer/src/state/queue-filter';
import { zhCN } from '../renderer/src/i18n/zh-CN';
import { makeIncidents, NOW } from './map/data';
import { VARIANTS, type FrameTrace, type MapBench, type PageResult, type Sizes, type Variant } from './map/protocol';
import { browserMachine } from './browser-machine';
import { repoRoot } from './repo-root';
import { servePageFiles, type PageFiles } from './page-server';

const SIZES: Sizes = {
  cameras: Number(process.env.BENCH_VIDEO_POINTS ?? 20_000),
  incidents: Number(process.env.BENCH_MAP_INCIDENTS ?? 5_000),
  units: Number(process.env.BENCH_UNITS ?? 200),
};
const QUEUE_INCIDENTS = Number(process.env.BENCH_QUEUE_INCIDENTS ?? 50_000);
const QUEUE_RUNS = 200;
const QUEUE_WARMUP = 10;
const CHOSEN: Variant[] = process.env.BENCH_MAP_VARIANTS
  ? VARIANTS.filter((v) => process.env.BENCH_MAP_VARIANTS!.split(',').includes(v))
  : [...VARIANTS];
const VIEWPORT = { width: 1600, height: 900 };
/** As test/playwright.config.ts launches it: Debian's Chromium, never a downloaded one. */
const CHROMIUM = process.env.VIGIL_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** A frame longer than this is a visible stutter (three missed vsyncs at 60 Hz). */
const LONG_FRAME_MS = 50;

// ---- figures ------------------------------------------------------------------------------------

const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Nearest-rank percentile of an ascending array. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

interface FrameStats {
  frames: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
  /** Frames longer than LONG_FRAME_MS. */
  over50: number;
  /** The steps' own script time (the pan or zoom call), p50 and p95. */
  scriptP50: number;
  scriptP95: number;
  zooms: [number, number];
}

function frameStats(t: FrameTrace): FrameStats {
  const s = [...t.intervals].sort((a, b) => a - b);
  const js = [...t.script].sort((a, b) => a - b);
  return {
    frames: s.length,
    p50: round1(percentile(s, 50)),
    p95: round1(percentile(s, 95)),
    max: round1(s.at(-1) ?? Number.NaN),
    mean: round1(s.reduce((a, b) => a + b, 0) / s.length),
    over50: s.filter((x) => x > LONG_FRAME_MS).length,
    scriptP50: round1(percentile(js, 50)),
    scriptP95: round1(percentile(js, 95)),
    zooms: t.zooms,
  };
}

interface VariantFigures {
  firstRenderMs: number;
  fitZoom: number;
  domNodes: number;
  heapMB: number | null;
  pan: FrameStats;
  zoom: FrameStats;
  panStreet: FrameStats;
  zoomAnimated: FrameStats;
}

function figures(r: PageResult): VariantFigures {
  return {
    firstRenderMs: round1(r.firstRenderMs),
    fitZoom: r.fitZoom,
    domNodes: r.domNodes,
    heapMB: r.heapMB,
    pan: frameStats(r.pan),
    zoom: frameStats(r.zoom),
    panStreet: frameStats(r.panStreet),
    zoomAnimated: frameStats(r.zoomAnimated),
  };
}

// ---- the page -----------------------------------------------------------------------------------

const HTML = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>Vigil map benchmark</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/leaflet.css">
<link rel="stylesheet" href="/map.css">
<style>
  html, body { margin: 0; height: 100%; background: #0b0f14; }
  #map { position: absolute; inset: 0; background: #0e151d; }
</style>
</head>
<body>
<div class="view-map"><div id="map" class="map-canvas"></div></div>
<script src="/page.js"></script>
</body>
</html>
`;

/** Serves the page, its bundle and the two stylesheets it needs on 127.0.0.1 (an ephemeral port). */
async function servePage(root: string, script: string): Promise<{ url: string; close: () => Promise<void> }> {
  const files: PageFiles = {
    '/': { type: 'text/html', body: () => HTML },
    '/page.js': { type: 'text/javascript', body: () => script },
    '/leaflet.css': { type: 'text/css', body: () => fs.readFileSync(path.join(root, 'node_modules/leaflet/dist/leaflet.css'), 'utf8') },
    '/map.css': { type: 'text/css', body: () => fs.readFileSync(path.join(root, 'renderer/src/styles/map.css'), 'utf8') },
  };
  return servePageFiles(files);
}

async function bundlePage(root: string): Promise<string> {
  const out = await build({
    entryPoints: [path.join(root, 'bench/map/page.ts')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    write: false,
    logLevel: 'warning',
  });
  return out.outputFiles[0]!.text;
}

/** One variant in a fresh browser context, so no variant inherits another's heap or layers. */
async function runVariant(browser: Browser, url: string, variant: Variant): Promise<PageResult> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(url);
    await page.waitForFunction(() => 'mapBench' in globalThis);
    const result = await page.evaluate(
      ([v, s]) => (globalThis as unknown as { mapBench: MapBench }).mapBench.run(v, s),
      [variant, SIZES] as const,
    );
    if (errors.length) throw new Error(`${variant}: the page reported errors:\n${errors.join('\n')}`);
    return result;
  } finally {
    await context.close();
  }
}

/** Loads the page once without drawing, so the first variant does not pay for starting the browser's processes. */
async function warmUp(browser: Browser, url: string): Promise<void> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => 'mapBench' in globalThis);
  } finally {
    await context.close();
  }
}

// ---- the queue filter ---------------------------------------------------------------------------

/** What operators narrow the queue to (the incident list runs the filter again on each change). */
const FILTERS: readonly { name: string; filter: QueueFilter }[] = [
  { name: 'no filter (queue order)', filter: DEFAULT_FILTER },
  { name: 'text: a road (东方红路)', filter: { ...DEFAULT_FILTER, text: '东方红路' } },
  { name: 'text: a type name (火灾)', filter: { ...DEFAULT_FILTER, text: '火灾' } },
  { name: 'open, priority 1–2', filter: { ...DEFAULT_FILTER, scope: 'open', priorities: [1, 2] } },
  { name: 'district, newest first', filter: { ...DEFAULT_FILTER, district: '经济技术开发区', sort: 'newest' } },
  { name: 'open, last 24 h, text 路, newest first', filter: { ...DEFAULT_FILTER, scope: 'open', window: '24h', text: '路', sort: 'newest' } },
];

function queueFilterBench() {
  // As the incident list holds them: a Map by id, filtered through its values() each time.
  const incidents = new Map(makeIncidents(QUEUE_INCIDENTS, 11).map((i) => [i.id, i]));
  const label = (t: keyof typeof zhCN.incidentType) => zhCN.incidentType[t];
  const all: number[] = [];
  const byFilter = FILTERS.map(({ name, filter }) => {
    let matched = 0;
    for (let i = 0; i < QUEUE_WARMUP; i++) matched = applyQueueFilter(incidents.values(), filter, NOW, label).length;
    const times: number[] = [];
    for (let i = 0; i < QUEUE_RUNS; i++) {
      const t = performance.now();
      applyQueueFilter(incidents.values(), filter, NOW, label);
      times.push(performance.now() - t);
    }
    all.push(...times);
    times.sort((a, b) => a - b);
    return { name, matched, p50Ms: round2(percentile(times, 50)), p95Ms: round2(percentile(times, 95)), maxMs: round2(times.at(-1)!) };
  });
  all.sort((a, b) => a - b);
  return { rows: incidents.size, runsPerFilter: QUEUE_RUNS, p50Ms: round2(percentile(all, 50)), p95Ms: round2(percentile(all, 95)), filters: byFilter };
}

// ---- main ---------------------------------------------------------------------------------------

export async function main(_storeWorker: string, outFile: string): Promise<void> {
  const started = performance.now();
  const root = repoRoot();

  console.log(`map: queue filter over ${QUEUE_INCIDENTS} incidents…`);
  const queueFilter = queueFilterBench();
  console.log(`map: queue filter p50 ${queueFilter.p50Ms} ms, p95 ${queueFilter.p95Ms} ms`);

  const script = await bundlePage(root);
  const server = await servePage(root, script);
  const results: Partial<Record<Variant, VariantFigures>> = {};
  let chromiumVersion: string;
  try {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      chromiumVersion = browser.version();
      await warmUp(browser, server.url);
      for (const variant of CHOSEN) {
        const t = performance.now();
        const r = figures(await runVariant(browser, server.url, variant));
        results[variant] = r;
        console.log(
          `map: ${variant}: first render ${r.firstRenderMs} ms; pan p95 ${r.pan.p95} ms; zoom p95 ${r.zoom.p95} ms; ` +
            `street pan p95 ${r.panStreet.p95} ms; animated zoom p95 ${r.zoomAnimated.p95} ms (${((performance.now() - t) / 1000).toFixed(1)} s)`,
        );
      }
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }

  const { vigil, leafletSvg, leafletCanvas } = results;
  const over = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? null : round2(a / b));
  const ratios = {
    firstRenderLeafletOverVigil: over(leafletSvg?.firstRenderMs, vigil?.firstRenderMs),
    panP95LeafletOverVigil: over(leafletSvg?.pan.p95, vigil?.pan.p95),
    zoomP95LeafletOverVigil: over(leafletSvg?.zoom.p95, vigil?.zoom.p95),
    panMeanLeafletOverVigil: over(leafletSvg?.pan.mean, vigil?.pan.mean),
    zoomMeanLeafletOverVigil: over(leafletSvg?.zoom.mean, vigil?.zoom.mean),
    panStreetP95LeafletOverVigil: over(leafletSvg?.panStreet.p95, vigil?.panStreet.p95),
    zoomAnimatedP95LeafletOverVigil: over(leafletSvg?.zoomAnimated.p95, vigil?.zoomAnimated.p95),
    firstRenderLeafletCanvasOverVigil: over(leafletCanvas?.firstRenderMs, vigil?.firstRenderMs),
    panP95LeafletCanvasOverVigil: over(leafletCanvas?.pan.p95, vigil?.pan.p95),
    zoomP95LeafletCanvasOverVigil: over(leafletCanvas?.zoom.p95, vigil?.zoom.p95),
    panStreetP95LeafletCanvasOverVigil: over(leafletCanvas?.panStreet.p95, vigil?.panStreet.p95),
  };

  const report = {
    benchmark: 'map',
    date: new Date().toISOString(),
    machine: browserMachine(chromiumVersion, VIEWPORT),
    sizes: { ...SIZES, queueIncidents: QUEUE_INCIDENTS },
    ...(vigil ? { vigil } : {}),
    ...(leafletSvg ? { leafletSvg } : {}),
    ...(leafletCanvas ? { leafletCanvas } : {}),
    ratios,
    queueFilter,
    runSeconds: round1((performance.now() - started) / 1000),
  };
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`map: wrote ${outFile} (${report.runSeconds} s)`);
}

// Live camera video in Chromium, Vigil against node-rtsp-stream + JSMpeg, side by side in one run
// on the same sources: a 720p25 H.264 file served per session, paced in real time, by Debian's
// GStreamer RTSP server (test/support/rtsp-server.py --timed-file), at 1, 4 and 16 tiles.
//
// - vigil: the real browser host (dist/electron/cli.cjs start --host browser) linked to a hub
//   process whose --camera-file lists the RTSP mounts; in Chromium the video view (Alt+3), the
//   grid chosen with its button, a camera put on each tile by keyboard as an operator does (tile,
//   then Enter on the camera row). The host pulls each stream once (RTSP over TCP) and passes the
//   H.264 access units over the /media WebSocket; the page decodes them with WebCodecs.
// - nodeRtspStream: node-rtsp-stream 0.0.9 as its README shows (`new Stream({ streamUrl, wsPort,
//   ffmpegOptions: { '-stats': '', '-r': 25 } })` per camera, in a node process of its own; each
//   spawns ffmpeg to transcode to MPEG-1 in MPEG-TS) and a page with one `new JSMpeg.Player(url,
//   { canvas })` per tile (@cycjimmy/jsmpeg-player's build of phoboslab's JSMpeg).
//
// Every picture of the source carries its number in pixels (page.js reads it). The RTSP server
// prints when each picture of each session leaves it; the page notes when each number first shows
// on each canvas; the difference is the added latency, measured the same way for both. CPU comes
// from /proc/<pid>/stat (utime + stime) of the host-side process trees and of every Chromium
// process, summed over the measurement window. See bench/README.md, "video".
//
// Sizes: BENCH_VIDEO_TILES (1,4,16), BENCH_VIDEO_SECONDS (12, the measurement window),
// BENCH_VIDEO_WARMUP (4), BENCH_VIDEO_SYSTEMS (vigil,nodeRtspStream).
// No assertions: this measures, it does not judge.
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { spawnBrowserHost, type HostProcess } from '../../test/support/browser-host-process';
import { signInHost } from '../../test/support/host-sign-in';
import { spawnHub, type HubProcess } from '../../test/support/hub-process';
import { browserMachine } from '../browser-machine';
import { repoRoot } from '../repo-root';
import { servePageFiles, type PageFiles } from '../page-server';

const SYSTEMS = ['vigil', 'nodeRtspStream'] as const;
type System = (typeof SYSTEMS)[number];
const CHOSEN: System[] = process.env.BENCH_VIDEO_SYSTEMS ? SYSTEMS.filter((s) => process.env.BENCH_VIDEO_SYSTEMS!.split(',').includes(s)) : [...SYSTEMS];
const TILES = (process.env.BENCH_VIDEO_TILES ?? '1,4,16').split(',').map(Number);
const WINDOW_S = Number(process.env.BENCH_VIDEO_SECONDS ?? 12);
const WARMUP_S = Number(process.env.BENCH_VIDEO_WARMUP ?? 4);
/** BENCH_VIDEO_READ_PIXELS=0: do not read the canvases (no latency, frame rate or first frame), to see what reading them costs. */
const READ_PIXELS = process.env.BENCH_VIDEO_READ_PIXELS !== '0';
/** Long enough for the longest session (start, warm-up, window, with margin): the file plays once. */
const SOURCE_SECONDS = 150;
const WIDTH = 1280;
const HEIGHT = 720;
const FPS = 25;
/** How long a configuration may take to show its first pictures before it is measured anyway. */
const START_TIMEOUT_MS = 20_000;
const VIEWPORT = { width: 1600, height: 900 };
const CHROMIUM = process.env.VIGIL_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const PYTHON = '/usr/bin/python3';
const HUB_SECRET = 'bench-secret-of-ws-video-01';
const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;
const r1 = (x: number | null) => (x === null ? null : round1(x));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Nearest-rank percentile of an ascending array. */
function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

// ---- the source ---------------------------------------------------------------------------------

/**
 * A 720p25 H.264 MP4 (Main, no B-frames, a keyframe every second) of ffmpeg's testsrc2 picture
 * (moving shapes, a noise patch) with the picture number drawn at the top: two rows of 16 blocks of
 * 80×80 px, the number's bits (white = 1) and their complement. Made once into the cache folder.
 */
function makeSource(cacheDir: string): string {
  const file = path.join(cacheDir, `numbered-${WIDTH}x${HEIGHT}p${FPS}-${SOURCE_SECONDS}s-v1.mp4`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(cacheDir, { recursive: true });
  const block = WIDTH / 16;
  const filters = [`drawbox=x=0:y=0:w=${WIDTH}:h=${2 * block}:color=black:t=fill`];
  for (let k = 0; k < 16; k++) {
    const bit = `mod(floor(n/pow(2\\,${k}))\\,2)`;
    filters.push(`drawbox=x=${k * block}:y=0:w=${block}:h=${block}:color=white:t=fill:enable='${bit}'`);
    filters.push(`drawbox=x=${k * block}:y=${block}:w=${block}:h=${block}:color=white:t=fill:enable='1-${bit}'`);
  }
  const tmp = `${file}.part.mp4`;
  console.log(`video: making the ${SOURCE_SECONDS} s numbered source (once, cached in ${cacheDir})…`);
  const r = spawnSync(
    'ffmpeg',
    ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', `testsrc2=s=${WIDTH}x${HEIGHT}:r=${FPS}:d=${SOURCE_SECONDS}`, '-vf', filters.join(','),
      '-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'main', '-bf', '0', '-g', String(FPS), '-keyint_min', String(FPS), '-sc_threshold', '0',
      '-b:v', '2M', '-maxrate', '2.5M', '-bufsize', '2M', '-pix_fmt', 'yuv420p', '-an', tmp],
    { stdio: ['ignore', 'inherit', 'inherit'], timeout: 600_000 },
  );
  if (r.status !== 0) throw new Error(`ffmpeg could not make the source (${r.status ?? r.signal})`);
  fs.renameSync(tmp, file);
  return file;
}

// ---- the RTSP server ----------------------------------------------------------------------------

interface Rtsp {
  child: ChildProcess;
  url(mount: string): string;
  /** When picture n of the session at this mount left the server, the latest such time ≤ before. */
  sentAt(mount: string, n: number, before: number): number | null;
  /** Mounts that sent a picture between from and to. */
  activeMounts(from: number, to: number): string[];
}

function startRtsp(root: string, mounts: Record<string, string>): Promise<Rtsp> {
  const args = [path.join(root, 'test/support/rtsp-server.py'), '--port', '0'];
  for (const [m, f] of Object.entries(mounts)) args.push('--timed-file', `${m}=${f}`);
  const child = spawn(PYTHON, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const sent = new Map<string, Map<number, number[]>>();
  const lastSent = new Map<string, number[]>();
  let errors = '';
  let rest = '';
  let port = 0;
  let ready: (() => void) | null = null;
  child.stderr!.on('data', (d) => (errors = (errors + String(d)).slice(-4000)));
  child.stdout!.on('data', (d) => {
    const lines = (rest + String(d)).split('\n');
    rest = lines.pop()!;
    for (const line of lines) {
      const sentLine = /^SENT (\S+) (\d+) ([\d.]+)$/.exec(line);
      if (sentLine) {
        const [, mount, n, at] = sentLine;
        let byN = sent.get(mount!);
        if (!byN) sent.set(mount!, (byN = new Map()));
        const t = Number(at);
        const list = byN.get(Number(n));
        if (list) list.push(t);
        else byN.set(Number(n), [t]);
        let times = lastSent.get(mount!);
        if (!times) lastSent.set(mount!, (times = []));
        times.push(t);
      } else if (line.startsWith('READY ')) {
        port = Number(line.slice(6));
        ready?.();
      }
    }
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`RTSP server did not start:\n${errors}`)), 15_000);
    child.once('exit', (code) => reject(new Error(`RTSP server exited (${code}):\n${errors}`)));
    ready = () => {
      clearTimeout(timer);
      resolve({
        child,
        url: (m) => `rtsp://127.0.0.1:${port}${m}`,
        sentAt: (m, n, before) => {
          const list = sent.get(m)?.get(n);
          if (!list) return null;
          let best: number | null = null;
          for (const t of list) if (t <= before && (best === null || t > best)) best = t;
          return best;
        },
        activeMounts: (from, to) => [...lastSent].filter(([, ts]) => ts.some((t) => t >= from && t < to)).map(([m]) => m),
      });
    };
  });
}

// ---- CPU from /proc -----------------------------------------------------------------------------

interface ProcInfo {
  pid: number;
  ppid: number;
  comm: string;
  ticks: number;
}

function readProcs(): Map<number, ProcInfo> {
  const out = new Map<number, ProcInfo>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const f = stat.slice(close + 2).split(' ');
      // Fields after the name: state(0) ppid(1) … utime(11) stime(12).
      out.set(Number(name), { pid: Number(name), ppid: Number(f[1]), comm, ticks: Number(f[11]) + Number(f[12]) });
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

function subtree(procs: Map<number, ProcInfo>, root: number): number[] {
  const children = new Map<number, number[]>();
  for (const p of procs.values()) {
    const list = children.get(p.ppid);
    if (list) list.push(p.pid);
    else children.set(p.ppid, [p.pid]);
  }
  const out: number[] = [];
  const stack = procs.has(root) ? [root] : [];
  while (stack.length) {
    const pid = stack.pop()!;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** Every Chromium process this benchmark started (the browser and all its children). */
function chromiumPids(procs: Map<number, ProcInfo>): number[] {
  const mine = subtree(procs, process.pid);
  const roots = mine.filter((pid) => /chrom|headless/i.test(procs.get(pid)!.comm) && !/chrom|headless/i.test(procs.get(procs.get(pid)!.ppid)?.comm ?? ''));
  return roots.flatMap((r) => subtree(procs, r));
}

/** All CPUs' busy ticks so far (user, nice, system, irq, softirq, steal), from /proc/stat. */
function machineBusyTicks(): number {
  const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  return f.reduce((a, b) => a + b, 0) - f[3]! - f[4]!;
}

/** CPU seconds used by each group of processes while it runs, sampled every 500 ms (processes that start or end inside count for the part seen). */
class CpuMeter {
  private readonly last = new Map<number, number>();
  private readonly total = new Map<string, number>();
  private readonly perPid = new Map<number, number>();
  private timer: NodeJS.Timeout | null = null;
  private startedAt = 0;
  private seconds = 0;
  private readonly procsSeen = new Map<string, Set<number>>();

  constructor(private readonly groups: Record<string, (procs: Map<number, ProcInfo>) => number[]>) {}

  private machineAtStart = 0;
  private loadAtStart = 0;

  start(): void {
    this.machineAtStart = machineBusyTicks();
    this.loadAtStart = os.loadavg()[0]!;
    this.sample(true);
    this.startedAt = performance.now();
    this.timer = setInterval(() => this.sample(false), 500);
  }

  stop(): { seconds: number; cpuPct: Record<string, number>; processes: Record<string, number>; machineBusyPct: number; loadAverage1m: [number, number]; byKind: Record<string, Record<string, number>> } {
    if (this.timer) clearInterval(this.timer);
    this.sample(false);
    const machine = machineBusyTicks() - this.machineAtStart;
    this.seconds = (performance.now() - this.startedAt) / 1000;
    const cpuPct: Record<string, number> = {};
    const processes: Record<string, number> = {};
    for (const g of Object.keys(this.groups)) {
      cpuPct[g] = round1(((this.total.get(g) ?? 0) / CLK_TCK / this.seconds) * 100);
      processes[g] = this.procsSeen.get(g)?.size ?? 0;
    }
    // Which processes of a group used the CPU: Chromium's by --type (renderer, gpu-process, …), others by name.
    const byKind: Record<string, Record<string, number>> = {};
    for (const [g, seen] of this.procsSeen) {
      const kinds: Record<string, number> = {};
      for (const pid of seen) {
        let kind = 'exited';
        try {
          const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
          kind = /--type=([\w-]+)/.exec(cmd.join(' '))?.[1] ?? path.basename(cmd[0] ?? '');
        } catch {
          // gone
        }
        kinds[kind] = round1((kinds[kind] ?? 0) + ((this.perPid.get(pid) ?? 0) / CLK_TCK / this.seconds) * 100);
      }
      byKind[g] = kinds;
    }
    return {
      seconds: round1(this.seconds),
      byKind,
      cpuPct,
      processes,
      machineBusyPct: round1((machine / CLK_TCK / this.seconds) * 100),
      loadAverage1m: [round2(this.loadAtStart), round2(os.loadavg()[0]!)],
    };
  }

  private sample(first: boolean): void {
    const procs = readProcs();
    for (const [g, pick] of Object.entries(this.groups)) {
      let seen = this.procsSeen.get(g);
      if (!seen) this.procsSeen.set(g, (seen = new Set()));
      for (const pid of pick(procs)) {
        const ticks = procs.get(pid)!.ticks;
        const before = this.last.get(pid);
        this.last.set(pid, ticks);
        seen.add(pid);
        // A process first seen after the start counts from its start (its ticks so far).
        if (!first) {
          this.total.set(g, (this.total.get(g) ?? 0) + ticks - (before ?? 0));
          this.perPid.set(pid, (this.perPid.get(pid) ?? 0) + ticks - (before ?? 0));
        }
      }
    }
  }
}

// ---- measuring a configuration ------------------------------------------------------------------

interface Measured {
  tiles: number;
  /** Share of one core, whole host side / per stream. */
  hostCpuPct: number;
  hostCpuPerStreamPct: number;
  browserCpuPct: number;
  browserCpuPerStreamPct: number;
  hostProcesses: number;
  browserProcesses: number;
  /** CPU (share of one core) by kind of process: Chromium's by --type, the host side's by executable. */
  hostCpuByProcess: Record<string, number>;
  browserCpuByProcess: Record<string, number>;
  /** Tiles that showed at least one numbered picture. */
  tilesShowing: number;
  /** From asking for the camera to the first readable picture, over tiles. */
  firstFrameMs: { p50: number | null; max: number | null; perTile: (number | null)[] };
  /** Picture shown on the canvas minus picture sent by the RTSP server, all pictures of all tiles in the window. */
  latencyMs: { p50: number | null; p95: number | null; max: number | null; samples: number; unmatched: number };
  /** Distinct pictures shown per second on each tile. */
  fpsPerTile: { mean: number; min: number; perTile: number[] };
  /**
   * Browser CPU time per picture actually shown (all tiles): a saturated browser that shows few
   * pictures uses less CPU per stream, not less per picture.
   */
  browserCpuMsPerShownPicture: number | null;
  rtspSessionsInWindow: number;
  /** Context, not per stream: the RTSP server (both), the hub (Vigil: not on the video path). */
  rtspServerCpuPct: number;
  hubCpuPct: number | null;
  /** This benchmark's own process (reading /proc, talking to the browser). */
  benchProcessCpuPct: number;
  /**
   * Every CPU of the machine busy during the window, in shares of one core (at most 100 × CPUs),
   * and the 1-minute load average at its start and end: anything beyond host + browser + RTSP
   * server + hub is another program competing for the same cores.
   */
  machineBusyPct: number;
  otherProgramsCpuPct: number;
  loadAverage1m: [number, number];
  windowSeconds: number;
  note?: string;
}

interface PageWindow {
  firstFrames: (number | null)[];
  shown: [number, number][][];
}

async function measureWindow(page: Page, n: number, meter: CpuMeter, rtsp: Rtsp, mounts: string[]): Promise<Omit<Measured, 'note'>> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (READ_PIXELS && Date.now() < deadline && (await page.evaluate(() => (globalThis as unknown as { videoBench: { started(): number } }).videoBench.started())) < n) await sleep(100);
  await sleep(WARMUP_S * 1000);
  const from = Date.now();
  meter.start();
  await sleep(WINDOW_S * 1000);
  const cpu = meter.stop();
  const to = Date.now();
  const w = await page.evaluate(
    ([a, b]) => {
      const vb = (globalThis as unknown as { videoBench: { firstFrames(): (number | null)[]; shown(f: number, t: number): [number, number][][] } }).videoBench;
      return { firstFrames: vb.firstFrames(), shown: vb.shown(a, b) } satisfies PageWindow;
    },
    [from, to] as const,
  );
  const latencies: number[] = [];
  let unmatched = 0;
  const fps: number[] = [];
  for (let i = 0; i < n; i++) {
    const shown = w.shown[i] ?? [];
    fps.push(round1(shown.length / ((to - from) / 1000)));
    for (const [num, at] of shown) {
      const sent = rtsp.sentAt(mounts[i]!, num, at);
      if (sent === null) unmatched++;
      else latencies.push(at - sent);
    }
  }
  latencies.sort((a, b) => a - b);
  const ff = w.firstFrames.slice(0, n).map((x) => x ?? null);
  while (ff.length < n) ff.push(null);
  const ffSorted = ff.filter((x): x is number => x !== null).sort((a, b) => a - b);
  return {
    tiles: n,
    hostCpuPct: cpu.cpuPct.host!,
    hostCpuPerStreamPct: round2(cpu.cpuPct.host! / n),
    browserCpuPct: cpu.cpuPct.browser!,
    browserCpuPerStreamPct: round2(cpu.cpuPct.browser! / n),
    hostProcesses: cpu.processes.host!,
    browserProcesses: cpu.processes.browser!,
    hostCpuByProcess: cpu.byKind.host ?? {},
    browserCpuByProcess: cpu.byKind.browser ?? {},
    tilesShowing: ffSorted.length,
    firstFrameMs: { p50: percentile(ffSorted, 50), max: ffSorted.at(-1) ?? null, perTile: ff },
    latencyMs: { p50: r1(percentile(latencies, 50)), p95: r1(percentile(latencies, 95)), max: r1(latencies.at(-1) ?? null), samples: latencies.length, unmatched },
    fpsPerTile: { mean: round1(fps.reduce((a, b) => a + b, 0) / Math.max(1, fps.length)), min: Math.min(...fps), perTile: fps },
    browserCpuMsPerShownPicture: fps.reduce((a, b) => a + b, 0) > 0 ? round2((cpu.cpuPct.browser! * 10) / fps.reduce((a, b) => a + b, 0)) : null,
    rtspSessionsInWindow: rtsp.activeMounts(from, to).length,
    rtspServerCpuPct: cpu.cpuPct.rtspServer!,
    hubCpuPct: cpu.cpuPct.hub ?? null,
    benchProcessCpuPct: cpu.cpuPct.bench!,
    machineBusyPct: cpu.machineBusyPct,
    otherProgramsCpuPct: round1(cpu.machineBusyPct - cpu.cpuPct.host! - cpu.cpuPct.browser! - cpu.cpuPct.rtspServer! - (cpu.cpuPct.hub ?? 0) - cpu.cpuPct.bench!),
    loadAverage1m: cpu.loadAverage1m,
    windowSeconds: cpu.seconds,
  };
}

const mountName = (system: System, n: number, i: number) => `/${system === 'vigil' ? 'v' : 'n'}${n}-${i}`;
const cameraName = (n: number, i: number) => `基准 ${n}-${String(i).padStart(2, '0')}`;

// ---- Vigil --------------------------------------------------------------------------------------

interface VigilSide {
  host: HostProcess;
  hub: HubProcess;
  stop(): Promise<void>;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(5000)]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

async function startVigil(root: string, rtsp: Rtsp, tmp: string): Promise<VigilSide> {
  const dist = path.join(root, 'dist', 'electron');
  for (const f of ['cli.cjs', 'hub.cjs']) if (!fs.existsSync(path.join(dist, f))) throw new Error(`${path.join(dist, f)} is missing: run npm run build first`);
  const cameras = TILES.flatMap((n) =>
    Array.from({ length: n }, (_, i) => ({ id: `cam-bench-${n}-${i}`, name: cameraName(n, i), location: { lat: 37.45 + i * 0.001, lon: 116.31 + n * 0.001 }, mainUrl: rtsp.url(mountName('vigil', n, i)), codec: 'h264' })),
  );
  const hubDir = path.join(tmp, 'hub');
  fs.mkdirSync(hubDir, { recursive: true });
  const cameraFile = path.join(hubDir, 'cameras.json');
  fs.writeFileSync(cameraFile, JSON.stringify(cameras));
  const hub = await spawnHub(dist, ['--port', '0', '--data', hubDir, '--workstation', `ws-video-01:${HUB_SECRET}`, '--incidents-per-hour', '0', '--cameras', '0', '--camera-file', cameraFile, '--demo-operators']);
  let host: HostProcess;
  try {
    const dataDir = path.join(tmp, 'workstation');
    fs.mkdirSync(dataDir, { recursive: true });
    host = await spawnBrowserHost(dist, dataDir, ['--hub', hub.url, '--workstation', 'ws-video-01', '--operator', '基准'], { VIGIL_HUB_SECRET: HUB_SECRET });
    // Every window of a workstation follows one sign-in (docs/operations.md): the demo supervisor.
    await signInHost(host, 'supervisor');
  } catch (err) {
    await hub.stop();
    throw err;
  }
  return {
    host,
    hub,
    stop: async () => {
      await stopChild(host.child);
      await hub.stop();
    },
  };
}

/** The browser host's own CPU with a window open on the video view and no camera shown. */
async function vigilIdle(browser: Browser, vigil: VigilSide, pageScript: string): Promise<number> {
  const { context } = await openVigil(browser, vigil, pageScript);
  try {
    await sleep(2000);
    const meter = new CpuMeter({ host: (p) => subtree(p, vigil.host.child.pid!) });
    meter.start();
    await sleep(5000);
    return meter.stop().cpuPct.host!;
  } finally {
    await context.close();
  }
}

/** A fresh browser context on the browser host's console, paired, on the video view. */
async function openVigil(browser: Browser, vigil: VigilSide, pageScript: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: pageScript });
    await page.goto(`${vigil.host.url}#token=${vigil.host.token}`);
    await openVideoView(page);
    return { context, page };
  } catch (err) {
    await context.close();
    throw err;
  }
}

async function openVideoView(page: Page): Promise<void> {
  // The shortcut works once the window has paired and loaded; until then, press it again.
  const grid = page.getByTestId('video-grid');
  for (let attempt = 0; attempt < 20 && !(await grid.isVisible()); attempt++) {
    await page.keyboard.press('Alt+3');
    await grid.waitFor({ timeout: 1000 }).catch(() => undefined);
  }
  if (!(await grid.isVisible())) {
    await page.screenshot({ path: path.join(os.tmpdir(), 'vigil-bench-video-failed.png') });
    throw new Error(`the video view did not open (screenshot in ${os.tmpdir()}/vigil-bench-video-failed.png)`);
  }
}

async function runVigil(browser: Browser, vigil: VigilSide, rtsp: Rtsp, pageScript: string, n: number): Promise<Measured> {
  const { context, page } = await openVigil(browser, vigil, pageScript);
  try {
    await page.getByTestId('video-point-row').filter({ hasText: cameraName(n, 0) }).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: `${n} 画面`, exact: true }).click();
    if (READ_PIXELS) await page.evaluate(() => (globalThis as unknown as { videoBench: { watch(s: string): void } }).videoBench.watch('[data-testid=video-canvas]'));
    const search = page.locator('.view-video input[type=search]');
    for (let i = 0; i < n; i++) {
      await page.getByTestId('video-tile').nth(i).click();
      await search.fill(cameraName(n, i));
      const row = page.getByTestId('video-point-row').filter({ hasText: cameraName(n, i) });
      await row.focus();
      await page.evaluate((t) => (globalThis as unknown as { videoBench: { expect(i: number): void } }).videoBench.expect(t), i);
      await row.press('Enter');
    }
    await search.fill('');
    const meter = new CpuMeter({
      host: (p) => subtree(p, vigil.host.child.pid!),
      browser: chromiumPids,
      rtspServer: (p) => subtree(p, rtsp.child.pid!),
      hub: (p) => subtree(p, vigil.hub.child.pid!),
      bench: () => [process.pid],
    });
    const mounts = Array.from({ length: n }, (_, i) => mountName('vigil', n, i));
    return await measureWindow(page, n, meter, rtsp, mounts);
  } finally {
    await context.close();
    // The host closes a camera's RTSP session once no window shows it; give it that moment.
    await sleep(1500);
  }
}

// ---- node-rtsp-stream + JSMpeg ------------------------------------------------------------------

const JSMPEG_HTML = `<!doctype html>
<html>
<head>
<meta charset="utf-8">
<title>node-rtsp-stream + JSMpeg</title>
<link rel="icon" href="data:,">
<style>
  html, body { margin: 0; height: 100%; background: #000; }
  #grid { position: absolute; inset: 0; display: grid; gap: 2px; }
  canvas { width: 100%; height: 100%; min-width: 0; min-height: 0; display: block; }
</style>
</head>
<body>
<div id="grid"></div>
<script src="/jsmpeg.min.js"></script>
<script src="/page.js"></script>
</body>
</html>
`;

async function servePage(root: string, pageScript: string): Promise<{ url: string; close: () => Promise<void> }> {
  const jsmpeg = fs.readFileSync(path.join(root, 'node_modules/@cycjimmy/jsmpeg-player/dist/jsmpeg-player.umd.min.js'), 'utf8');
  const files: PageFiles = {
    '/': { type: 'text/html', body: () => JSMPEG_HTML },
    '/jsmpeg.min.js': { type: 'text/javascript', body: () => jsmpeg },
    '/page.js': { type: 'text/javascript', body: () => pageScript },
  };
  return servePageFiles(files);
}

async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise<net.Server>((resolve) => {
      const s = net.createServer();
      s.listen(0, '127.0.0.1', () => resolve(s));
    })),
  );
  const ports = servers.map((s) => (s.address() as AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}

async function startNrs(root: string, rtsp: Rtsp, n: number): Promise<{ child: ChildProcess; ports: number[]; stop(): Promise<void> }> {
  const ports = await freePorts(n);
  const specs = ports.map((p, i) => `${p}=${rtsp.url(mountName('nodeRtspStream', n, i))}`);
  // ffmpeg's -stats and stream details go to stderr; node-rtsp-stream copies them there.
  const child = spawn(process.execPath, [path.join(root, 'bench/video/nrs-server.mjs'), ...specs], { stdio: ['pipe', 'pipe', 'ignore'], cwd: root });
  const stop = async () => {
    const tree = subtree(readProcs(), child.pid!);
    await stopChild(child);
    // ffmpeg is spawned per stream; make sure none outlives the benchmark.
    for (const pid of tree) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('node-rtsp-stream did not start')), 15_000);
    child.stdout!.on('data', (d) => {
      out += String(d);
      if (out.includes('READY')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`node-rtsp-stream exited (${code})`)));
  }).catch(async (err: unknown) => {
    await stop();
    throw err;
  });
  return { child, ports, stop };
}

async function runNrs(browser: Browser, root: string, rtsp: Rtsp, pageUrl: string, n: number): Promise<Measured> {
  const nrs = await startNrs(root, rtsp, n);
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  try {
    // The streams run from the server's start, as node-rtsp-stream is deployed; a viewer joins them.
    await sleep(2000);
    const page = await context.newPage();
    await page.goto(pageUrl);
    await page.waitForFunction(() => 'videoBench' in globalThis && 'JSMpeg' in globalThis);
    const read = READ_PIXELS;
    const renderers = await page.evaluate(([urls, read]) => {
      const vb = (globalThis as unknown as { videoBench: { watch(s: string): void; play(u: string[]): string[] } }).videoBench;
      if (read) vb.watch('canvas.jsmpeg');
      return vb.play(urls);
    }, [nrs.ports.map((p) => `ws://127.0.0.1:${p}`), read] as const);
    const meter = new CpuMeter({
      host: (p) => subtree(p, nrs.child.pid!),
      browser: chromiumPids,
      rtspServer: (p) => subtree(p, rtsp.child.pid!),
      bench: () => [process.pid],
    });
    const mounts = Array.from({ length: n }, (_, i) => mountName('nodeRtspStream', n, i));
    const m = await measureWindow(page, n, meter, rtsp, mounts);
    return { ...m, note: `JSMpeg renderer: ${[...new Set(renderers)].join(', ')}` };
  } finally {
    await context.close();
    await nrs.stop();
  }
}

// ---- main ---------------------------------------------------------------------------------------

type Ratios = Record<string, number | null>;

function ratiosFor(v: Measured | undefined, r: Measured | undefined, vigilIdle: number | null): Ratios {
  const over = (a: number | null | undefined, b: number | null | undefined) => (a == null || b == null || b === 0 ? null : round2(a / b));
  return {
    hostCpuPerStreamNrsOverVigil: over(r?.hostCpuPerStreamPct, v?.hostCpuPerStreamPct),
    // Vigil's host minus what it uses with no stream at all (node-rtsp-stream's process does nothing else).
    hostCpuPerStreamAboveIdleNrsOverVigil: over(r?.hostCpuPerStreamPct, v && vigilIdle !== null ? Math.max(0.01, (v.hostCpuPct - vigilIdle) / v.tiles) : null),
    browserCpuPerStreamNrsOverVigil: over(r?.browserCpuPerStreamPct, v?.browserCpuPerStreamPct),
    firstFrameP50NrsOverVigil: over(r?.firstFrameMs.p50, v?.firstFrameMs.p50),
    firstFrameMaxNrsOverVigil: over(r?.firstFrameMs.max, v?.firstFrameMs.max),
    latencyP50NrsOverVigil: over(r?.latencyMs.p50, v?.latencyMs.p50),
    latencyP95NrsOverVigil: over(r?.latencyMs.p95, v?.latencyMs.p95),
    fpsPerTileVigilOverNrs: over(v?.fpsPerTile.mean, r?.fpsPerTile.mean),
    browserCpuPerShownPictureNrsOverVigil: over(r?.browserCpuMsPerShownPicture, v?.browserCpuMsPerShownPicture),
  };
}

function versionOf(cmd: string, args: string[], pattern: RegExp): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 10_000 });
  return pattern.exec(`${r.stdout ?? ''}${r.stderr ?? ''}`)?.[1] ?? 'unknown';
}

function printTable(results: Record<string, Partial<Record<System, Measured>>>, ratios: Record<string, Ratios>): void {
  const cell = (x: number | null | undefined, unit = '') => (x == null ? '—' : `${x}${unit}`);
  const rows: string[][] = [['tiles', 'system', 'host CPU/stream', 'browser CPU/stream', 'first frame p50/max', 'latency p50/p95', 'fps/tile mean/min', 'showing', 'machine busy (others)']];
  for (const [n, bySystem] of Object.entries(results)) {
    for (const s of CHOSEN) {
      const m = bySystem[s];
      if (!m) continue;
      rows.push([n, s, cell(m.hostCpuPerStreamPct, ' %'), cell(m.browserCpuPerStreamPct, ' %'), `${cell(m.firstFrameMs.p50)} / ${cell(m.firstFrameMs.max)} ms`, `${cell(m.latencyMs.p50)} / ${cell(m.latencyMs.p95)} ms`, `${m.fpsPerTile.mean} / ${m.fpsPerTile.min}`, `${m.tilesShowing}/${m.tiles}`, `${m.machineBusyPct} % (${m.otherProgramsCpuPct} %)`]);
    }
    const r = ratios[n]!;
    rows.push([n, 'ratio', cell(r.hostCpuPerStreamNrsOverVigil, '×'), cell(r.browserCpuPerStreamNrsOverVigil, '×'), `${cell(r.firstFrameP50NrsOverVigil, '×')} / ${cell(r.firstFrameMaxNrsOverVigil, '×')}`, `${cell(r.latencyP50NrsOverVigil, '×')} / ${cell(r.latencyP95NrsOverVigil, '×')}`, cell(r.fpsPerTileVigilOverNrs, '× (Vigil/nrs)'), '', '']);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const r of rows) console.log(r.map((x, c) => x.padEnd(widths[c]!)).join('  '));
}

export async function main(_storeWorker: string, outFile: string): Promise<void> {
  const started = performance.now();
  const root = repoRoot();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-bench-video-'));
  const source = makeSource(path.join(os.tmpdir(), 'vigil-bench-video-cache'));
  const pageScript = fs.readFileSync(path.join(root, 'bench/video/page.js'), 'utf8');
  const mounts: Record<string, string> = {};
  for (const s of CHOSEN) for (const n of TILES) for (let i = 0; i < n; i++) mounts[mountName(s, n, i)] = source;

  const results: Record<string, Partial<Record<System, Measured>>> = {};
  let chromiumVersion: string;
  let vigilHostIdleCpuPct: number | null = null;
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    const rtsp = await startRtsp(root, mounts);
    cleanups.push(() => stopChild(rtsp.child));
    const server = await servePage(root, pageScript);
    cleanups.push(() => server.close());
    const vigil = CHOSEN.includes('vigil') ? await startVigil(root, rtsp, tmp) : null;
    if (vigil) cleanups.push(() => vigil.stop());
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    cleanups.push(() => browser.close());
    chromiumVersion = browser.version();
    if (vigil) vigilHostIdleCpuPct = await vigilIdle(browser, vigil, pageScript);
    for (const n of TILES) {
      const bySystem: Partial<Record<System, Measured>> = {};
      results[String(n)] = bySystem;
      for (const s of CHOSEN) {
        const t = performance.now();
        const m = s === 'vigil' ? await runVigil(browser, vigil!, rtsp, pageScript, n) : await runNrs(browser, root, rtsp, server.url, n);
        bySystem[s] = m;
        // Vigil's host keeps a stream 10 s after its last viewer leaves: let every session end
        // before the next configuration, so none runs beside it.
        for (let i = 0; i < 40 && rtsp.activeMounts(Date.now() - 600, Date.now()).length > 0; i++) await sleep(500);
        console.log(
          `video: ${n} tile(s), ${s}: host ${m.hostCpuPerStreamPct} %/stream, browser ${m.browserCpuPerStreamPct} %/stream, first frame p50 ${m.firstFrameMs.p50} ms, ` +
            `latency p50 ${m.latencyMs.p50} / p95 ${m.latencyMs.p95} ms, ${m.fpsPerTile.mean} fps/tile, ${m.tilesShowing}/${n} showing, ` +
            `${m.rtspSessionsInWindow} RTSP sessions, machine busy ${m.machineBusyPct} % (others ${m.otherProgramsCpuPct} %)${m.note ? `; ${m.note}` : ''} (${((performance.now() - t) / 1000).toFixed(1)} s)`,
        );
      }
    }
  } finally {
    for (const c of cleanups.reverse()) await c().catch((err: unknown) => console.error('video: cleanup:', err));
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  const ratios: Record<string, Ratios> = {};
  for (const [n, bySystem] of Object.entries(results)) ratios[n] = ratiosFor(bySystem.vigil, bySystem.nodeRtspStream, vigilHostIdleCpuPct);
  const report = {
    benchmark: 'video',
    date: new Date().toISOString(),
    machine: {
      ...browserMachine(chromiumVersion, VIEWPORT),
      ffmpeg: versionOf('ffmpeg', ['-version'], /ffmpeg version (\S+)/),
      gstreamer: versionOf(PYTHON, ['-c', 'import gi; gi.require_version("Gst","1.0"); from gi.repository import Gst; Gst.init(None); print(Gst.version_string())'], /GStreamer (\S+)/),
    },
    source: { width: WIDTH, height: HEIGHT, fps: FPS, codec: 'H.264 Main, no B-frames, keyframe every 25 pictures, ~2 Mbit/s', file: path.basename(source) },
    settings: { tiles: TILES, windowSeconds: WINDOW_S, warmupSeconds: WARMUP_S, nodeRtspStream: "ffmpegOptions { '-stats': '', '-r': 25 }", jsmpeg: '@cycjimmy/jsmpeg-player 6.1.2 UMD build, new JSMpeg.Player(url, { canvas })' },
    /** Vigil's browser host with the video view open and no camera: what it costs before any stream. */
    vigilHostIdleCpuPct,
    results,
    ratios,
    targets: Object.fromEntries(
      Object.entries(results).map(([n, r]) => [
        n,
        {
          hostCpuAtLeast10xLess: ratios[n]!.hostCpuPerStreamNrsOverVigil == null ? null : ratios[n]!.hostCpuPerStreamNrsOverVigil! >= 10,
          firstFrameUnder300ms: r.vigil?.firstFrameMs.max == null ? null : r.vigil.firstFrameMs.max < 300,
          latencyP95Under100ms: r.vigil?.latencyMs.p95 == null ? null : r.vigil.latencyMs.p95 < 100,
        },
      ]),
    ),
    runSeconds: round1((performance.now() - started) / 1000),
  };
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);
  printTable(results, ratios);
  console.log(`video: wrote ${outFile} (${report.runSeconds} s)`);
}

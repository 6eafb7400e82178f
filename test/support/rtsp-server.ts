// The real RTSP server the video tests play from: Debian's GStreamer RTSP server, driven by
// rtsp-server.py next to this file, on a loopback port. It stops with the test (stdin closes).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const RTSP_USER = 'operator';
export const RTSP_PASSWORD = 's3cret-pass';
/** Next to this file — or, when this file is bundled elsewhere (test tools), in the repository's test/support. */
function script(): string {
  const here = path.dirname(new URL(import.meta.url).pathname);
  if (fs.existsSync(path.join(here, 'rtsp-server.py'))) return path.join(here, 'rtsp-server.py');
  for (let dir = here; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'test', 'support', 'rtsp-server.py');
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error('rtsp-server.py not found');
}
/** Debian's Python: the GStreamer bindings are installed for it, not for other Pythons on PATH. */
const PYTHON = '/usr/bin/python3';

export interface RtspServerOptions {
  port?: number;
  auth?: 'none' | 'digest' | 'basic';
  /** The password of user RTSP_USER when `auth` is set (default RTSP_PASSWORD). */
  password?: string;
  width?: number;
  height?: number;
  fps?: number;
  files?: Record<string, string>;
}

export interface RtspServer {
  port: number;
  url(mount: string, credentials?: { user: string; password: string }): string;
  stop(): Promise<void>;
  output(): string;
}

/** Why the server cannot run here, or null. Tests skip with this reason instead of failing obscurely. */
export function rtspServerUnavailable(): string | null {
  if (!fs.existsSync(PYTHON)) return `${PYTHON} is missing`;
  const probe = spawnSync(PYTHON, ['-c', 'import gi; gi.require_version("GstRtspServer", "1.0"); from gi.repository import GstRtspServer'], { stdio: 'ignore', timeout: 10_000 });
  return probe.status === 0 ? null : 'the GStreamer RTSP server is not installed (apt-get install python3-gi gir1.2-gst-rtsp-server-1.0 gstreamer1.0-plugins-{base,good,bad,ugly})';
}

export function startRtspServer(o: RtspServerOptions = {}): Promise<RtspServer> {
  const args = [script(), '--port', String(o.port ?? 0), '--auth', o.auth ?? 'none'];
  if (o.password) args.push('--password', o.password);
  if (o.width) args.push('--width', String(o.width));
  if (o.height) args.push('--height', String(o.height));
  if (o.fps) args.push('--fps', String(o.fps));
  for (const [mount, file] of Object.entries(o.files ?? {})) args.push('--file', `${mount}=${file}`);
  const child: ChildProcess = spawn(PYTHON, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (out += String(d)));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGKILL');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`RTSP server did not start:\n${out}`));
    }, 15_000);
    const check = () => {
      const m = /READY (\d+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout!.off('data', check);
      const port = Number(m[1]);
      resolve({
        port,
        url: (mount, c) => `rtsp://${c ? `${encodeURIComponent(c.user)}:${encodeURIComponent(c.password)}@` : ''}127.0.0.1:${port}${mount}`,
        stop,
        output: () => out,
      });
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`RTSP server exited (${code}):\n${out}`));
    });
  });
}

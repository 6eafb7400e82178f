// What an operator and an engineer see when a sealed camera password cannot be opened, and the
// documented way back (docs/operations.md, "Secrets"): a password altered in the database fails
// its tile with the reason; a missing keyring stops the start with what to do; `vigil secret
// forget-locked` and the next sync bring the camera back. Real browser host processes on one
// data folder, a real RTSP server requiring Digest authentication, real Chromium. No mocks.
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnBrowserHost, type HostProcess } from '../support/browser-host-process';
import { signInHost } from '../support/host-sign-in';
import { RTSP_USER, rtspServerUnavailable, startRtspServer, type RtspServer } from '../support/rtsp-server';
import { DIST, expect, pairing, test as base } from './fixtures';

const unavailable = rtspServerUnavailable();
const PASSWORD = 'Vg7-Recover-Pw-8n';
const CAMERA = '恢复 密码摄像机';

const test = base.extend<{ secured: RtspServer; keyringDir: string }>({
  // eslint-disable-next-line no-empty-pattern
  secured: async ({}, use) => {
    const server = await startRtspServer({ auth: 'digest', password: PASSWORD });
    await use(server);
    await server.stop();
  },
  // eslint-disable-next-line no-empty-pattern
  keyringDir: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-e2e-keyring-'));
    await use(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  },
});

test.skip(unavailable !== null, unavailable ?? '');

async function stop(host: HostProcess): Promise<void> {
  const exited = new Promise((r) => host.child.once('exit', r));
  host.child.kill('SIGTERM');
  await exited;
}

function vigilCli(args: string[]): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, [path.join(DIST, 'cli.cjs'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += String(d)));
  child.stderr.on('data', (d) => (out += String(d)));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out })));
}

test('an altered password fails its tile with the reason; a lost keyring stops the start; forget-locked and a re-sync bring the camera back', async ({ page, dataDir, secured, keyringDir }) => {
  test.setTimeout(150_000);
  const keyring = path.join(keyringDir, 'keyring.json');
  const cameraFile = path.join(keyringDir, 'cameras.json');
  fs.writeFileSync(cameraFile, JSON.stringify([{ id: 'cam-recover', name: CAMERA, location: { lat: 37.4341, lon: 116.3617 }, mainUrl: secured.url('/h264', { user: RTSP_USER, password: PASSWORD }), codec: 'h264' }]));
  const args = ['--workstation', 'ws-dispatch-03', '--operator', '张伟', '--demo-incidents-per-hour', '0', '--demo-cameras', '10'];
  const env = { VIGIL_KEYRING: keyring };
  const tile = page.getByTestId('video-tile').nth(0);
  const play = async (host: HostProcess) => {
    await page.goto(pairing(host));
    await page.keyboard.press('Alt+3');
    await tile.click();
    await page.getByTestId('video-point-row').filter({ hasText: CAMERA }).press('Enter');
  };

  // The camera plays; its password is sealed with the keyring's key.
  let host = await spawnBrowserHost(DIST, dataDir, [...args, '--demo-camera-file', cameraFile], env);
  // Each start is signed out (docs/operations.md): the duty officer signs in again.
  await signInHost(host, 'supervisor');
  await play(host);
  await expect(tile).toHaveAttribute('data-state', 'live', { timeout: 20_000 });
  await stop(host);

  // One byte of the sealed password altered on disk: the tile says the saved password cannot be opened.
  const db = new Database(path.join(dataDir, 'vigil.db'));
  db.prepare("UPDATE video_credentials SET secret = CAST(substr(secret, 1, 40) || x'5a' || substr(secret, 42) AS BLOB) WHERE video_point_id = 'cam-recover'").run();
  db.close();
  host = await spawnBrowserHost(DIST, dataDir, args, env);
  await signInHost(host, 'supervisor');
  await play(host);
  await expect(tile).toHaveAttribute('data-state', 'failed', { timeout: 20_000 });
  await expect(tile.getByTestId('tile-problem')).toContainText('本机无法解开该点位保存的密码');
  await stop(host);

  // The keyring is gone: the start is refused with the way out, and no new keyring is made.
  fs.rmSync(keyring);
  await expect(spawnBrowserHost(DIST, dataDir, args, env)).rejects.toThrow(/keyring .* is missing.*vigil secret forget-locked/s);
  expect(fs.existsSync(keyring)).toBe(false);

  // forget-locked (audited), then the next sync downloads the catalogue again with the password, sealed anew.
  const forgot = await vigilCli(['secret', 'forget-locked', '--data', dataDir, '--keyring', keyring, '--operator', '张伟']);
  expect(forgot.out).toContain('1 camera credential(s) forgotten');
  expect(forgot.code).toBe(0);
  host = await spawnBrowserHost(DIST, dataDir, args, env);
  await signInHost(host, 'supervisor');
  // Played before the download ends, the camera would only answer "wrong password": wait for its sealed row.
  const sealedRows = () => {
    const ro = new Database(path.join(dataDir, 'vigil.db'), { readonly: true });
    try {
      return (ro.prepare('SELECT count(*) AS n FROM video_credentials WHERE sealed = 1').get() as { n: number }).n;
    } finally {
      ro.close();
    }
  };
  await expect.poll(sealedRows, { timeout: 30_000 }).toBe(1);
  await play(host);
  await expect(tile).toHaveAttribute('data-state', 'live', { timeout: 30_000 });
  await stop(host);
});

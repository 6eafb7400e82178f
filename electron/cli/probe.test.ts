// `vigil probe` as a field engineer runs it: the shipped CLI bundle, against Debian's GStreamer
// RTSP server, reading its printed report and exit code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVigil } from '../../test/support/run-vigil';
import { RTSP_PASSWORD, RTSP_USER, rtspServerUnavailable, startRtspServer, type RtspServer } from '../../test/support/rtsp-server';

const unavailable = rtspServerUnavailable();

const vigil = (args: string[], env: Record<string, string> = {}) => runVigil(args, { env });

describe.skipIf(unavailable !== null)('vigil probe', () => {
  let open: RtspServer;
  let secured: RtspServer;
  beforeAll(async () => {
    [open, secured] = await Promise.all([startRtspServer(), startRtspServer({ auth: 'digest' })]);
  });
  afterAll(async () => {
    await Promise.all([open?.stop(), secured?.stop()]);
  });

  it('prints what the stream does, as JSON on request', async () => {
    const r = await vigil(['probe', open.url('/h264'), '--seconds', '2', '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as { ok: boolean; format: { width: number; height: number; codecString: string }; measured: { frameRate: number; keyframeIntervalS: number; bitrateKbps: number } };
    expect(report.ok).toBe(true);
    expect(report.format).toMatchObject({ width: 320, height: 240 });
    expect(report.format.codecString).toMatch(/^avc1\.42/);
    expect(report.measured.frameRate).toBeCloseTo(25, 0);
    expect(report.measured.keyframeIntervalS).toBeCloseTo(1, 1);
    expect(report.measured.bitrateKbps).toBeGreaterThan(0);
  });

  it('reads H.265 the same way, in words for a person', async () => {
    const r = await vigil(['probe', open.url('/h265'), '--seconds', '1']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/H265 Main/);
    expect(r.out).toMatch(/320×240/);
  });

  it('takes the password from the environment, never prints it, and fails with the reason', async () => {
    const ok = await vigil(['probe', secured.url('/h264'), '--seconds', '1', '--user', RTSP_USER], { VIGIL_CAMERA_PASSWORD: RTSP_PASSWORD });
    expect(ok.code).toBe(0);
    const wrong = await vigil(['probe', secured.url('/h264', { user: RTSP_USER, password: 'guess' }), '--seconds', '1']);
    expect(wrong.code).toBe(1);
    expect(wrong.out).toMatch(/cannot play: auth/);
    expect(wrong.out).not.toContain('guess');
    expect(wrong.out).toContain(':***@');
    const missing = await vigil(['probe', open.url('/nothing-here'), '--seconds', '1']);
    expect(missing.code).toBe(1);
    expect(missing.out).toMatch(/not_found/);
  });
});

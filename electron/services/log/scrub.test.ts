import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../test/support/temp';
import { createLogger, logFile } from './logger';
import { scrubSecrets } from './scrub';

const tempDir = useTempDirs();

describe('log scrubbing', () => {
  it('cuts userinfo out of any address, even with a raw @ in the password', () => {
    const line = JSON.stringify({ msg: 'failed rtsp://admin:p@ss@10.0.0.2:554/live and http://u:pw@hub:7420/x', url: 'srt://op:s3cret@drone:9000', raw: 'rtsp://op:a#b?c@cam/x' });
    const out = scrubSecrets(line);
    expect(out).not.toMatch(/p@ss|admin|s3cret|:pw@|a#b/);
    expect(out).toContain('rtsp://[redacted]@10.0.0.2:554/live');
    expect(JSON.parse(out)).toMatchObject({ url: 'srt://[redacted]@drone:9000' });
  });

  it('cuts Authorization values, Basic tokens and Digest answers, and keeps the line JSON', () => {
    const basic = Buffer.from('operator:Zq-91!').toString('base64');
    const request = `DESCRIBE rtsp://cam/x RTSP/1.0\r\nCSeq: 3\r\nAuthorization: Digest username="operator", realm="cam", nonce="n", uri="rtsp://cam/x", response="0123456789abcdef"\r\n`;
    const line = JSON.stringify({ msg: 'sent', request, headers: { authorization: `Basic ${basic}` }, note: `Basic ${basic}`, other: 'Digest username="operator", response="abc"' });
    const out = scrubSecrets(line);
    expect(out).not.toContain(basic);
    expect(out).not.toContain('0123456789abcdef');
    expect(out).not.toContain('response=\\"abc');
    expect(() => JSON.parse(out) as unknown).not.toThrow();
  });

  it('leaves ordinary lines alone', () => {
    const line = JSON.stringify({ msg: 'camera stream closed: no viewers; it asks for Basic authentication', camera: 'cam-1:main', url: 'rtsp://10.0.0.2/live' });
    expect(scrubSecrets(line)).toBe(line);
  });

  it('is applied by the logger to every line it writes', async () => {
    const dir = tempDir();
    const log = createLogger({ dir });
    log.error({ err: new Error('cannot reach rtsp://operator:Zq-91!@cam.local/h264'), password: 'Zq-91!' }, 'camera failed');
    log.info({ headers: { authorization: 'Basic b3BlcmF0b3I6WnEtOTEh' } }, 'echo');
    log.flush();
    const written = () => (fs.existsSync(logFile(dir)) ? fs.readFileSync(logFile(dir), 'utf8') : '');
    await expect.poll(written).toContain('echo');
    const text = written();
    expect(text).toContain('camera failed');
    expect(text).not.toContain('Zq-91!');
    expect(text).not.toContain('b3BlcmF0b3I6WnEtOTEh');
  });
});

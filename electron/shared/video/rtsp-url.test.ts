import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RtspUrlError, parseRtspUrl, resolveRtspUrl } from './rtsp-url';

describe('parseRtspUrl', () => {
  it('splits out credentials, keeping them out of the request URL', () => {
    expect(parseRtspUrl('rtsp://admin:12345@192.168.1.64:554/Streaming/Channels/101')).toEqual({
      host: '192.168.1.64',
      port: 554,
      url: 'rtsp://192.168.1.64:554/Streaming/Channels/101',
      username: 'admin',
      password: '12345',
    });
    expect(parseRtspUrl('rtsp://viewer@cam.local/live')).toEqual({ host: 'cam.local', port: 554, url: 'rtsp://cam.local/live', username: 'viewer' });
    expect(parseRtspUrl('  rtsp://cam.local  ')).toEqual({ host: 'cam.local', port: 554, url: 'rtsp://cam.local/' });
  });

  it('percent-decodes credentials, and leaves malformed escapes as written', () => {
    expect(parseRtspUrl('rtsp://op%40city:p%3Ass%2Fw%20rd%E5%80%BC@cam/x')).toMatchObject({ username: 'op@city', password: 'p:ss/w rd值' });
    expect(parseRtspUrl('rtsp://admin:100%@cam/x')).toMatchObject({ password: '100%' });
    expect(parseRtspUrl('rtsp://admin:a:b@cam/x')).toMatchObject({ username: 'admin', password: 'a:b' });
  });

  it('splits at the last @ when a password holds a raw one, as camera UIs let users type', () => {
    expect(parseRtspUrl('rtsp://admin:p@ss@10.0.0.2/live')).toEqual({ host: '10.0.0.2', port: 554, url: 'rtsp://10.0.0.2/live', username: 'admin', password: 'p@ss' });
  });

  it('reads IPv6 hosts, with and without a port', () => {
    expect(parseRtspUrl('rtsp://[fe80::1]:8554/stream')).toEqual({ host: 'fe80::1', port: 8554, url: 'rtsp://[fe80::1]:8554/stream' });
    expect(parseRtspUrl('rtsp://u:p@[2001:db8::7]/a?b=c')).toMatchObject({ host: '2001:db8::7', port: 554, url: 'rtsp://[2001:db8::7]/a?b=c' });
  });

  it('refuses rtsps, other schemes, bad ports and hosts', () => {
    expect(() => parseRtspUrl('rtsps://cam/live')).toThrow(/TLS/);
    for (const bad of ['http://cam/', 'rtsp://', 'rtsp:///x', 'rtsp://cam:0/', 'rtsp://cam:65536/', 'rtsp://cam:99999/', 'rtsp://ca m/', 'rtsp://[zz::1]/', 'cam/live', '']) {
      expect(() => parseRtspUrl(bad), bad).toThrow(RtspUrlError);
    }
    expect(parseRtspUrl('rtsp://cam:65535/').port).toBe(65535);
  });

  it('throws nothing but RtspUrlError on any string, and what it accepts has no credentials in url', () => {
    const almost = fc
      .tuple(fc.constantFrom('rtsp://', 'rtsps://', 'RTSP://', ''), fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('@', ':', '/', '[', ']', '%', '?')), { maxLength: 12 }))
      .map(([a, b]) => a + b.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 60 }), almost), (text) => {
        let u;
        try {
          u = parseRtspUrl(text);
        } catch (e) {
          expect(e).toBeInstanceOf(RtspUrlError);
          return;
        }
        expect(u.url.startsWith('rtsp://')).toBe(true);
        expect(u.url.slice(7).split(/[/?#]/)[0]).not.toContain('@'); // no userinfo left in the authority
        expect(u.host).not.toContain('@');
        expect(u.port).toBeGreaterThanOrEqual(1);
        expect(u.port).toBeLessThanOrEqual(65535);
      }),
    );
  });
});

describe('resolveRtspUrl', () => {
  const base = 'rtsp://10.0.0.2:554/Streaming/Channels/101';
  it('keeps absolute URLs', () => {
    expect(resolveRtspUrl(base, 'rtsp://10.0.0.3/track1')).toBe('rtsp://10.0.0.3/track1');
  });
  it('puts absolute paths on the base origin', () => {
    expect(resolveRtspUrl(base, '/trackID=1')).toBe('rtsp://10.0.0.2:554/trackID=1');
  });
  it('appends relative references as a segment, with or without a trailing slash on the base', () => {
    expect(resolveRtspUrl(base, 'trackID=1')).toBe('rtsp://10.0.0.2:554/Streaming/Channels/101/trackID=1');
    expect(resolveRtspUrl(`${base}/`, 'trackID=1')).toBe('rtsp://10.0.0.2:554/Streaming/Channels/101/trackID=1');
    expect(resolveRtspUrl('rtsp://cam', 'stream=0')).toBe('rtsp://cam/stream=0');
    expect(resolveRtspUrl('rtsp://cam/live?token=1', 'stream=0')).toBe('rtsp://cam/live/stream=0');
  });
  it('gives back the reference when the base is not a URL', () => {
    expect(resolveRtspUrl('not a url', 'track1')).toBe('track1');
  });
});

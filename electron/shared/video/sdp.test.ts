import { describe, expect, it } from 'vitest';
import { SdpError, parseSdp } from './sdp';

const hex = (h: string) => Uint8Array.from(h.match(/../g)!.map((b) => parseInt(b, 16)));

/** As GStreamer's rtsp-server (gst-rtsp-server 1.22) describes an x264enc ! rtph264pay stream. */
const GSTREAMER_H264 = [
  'v=0',
  'o=- 1188340656180883 1 IN IP4 127.0.0.1',
  's=Session streamed with GStreamer',
  'i=rtsp-server',
  't=0 0',
  'a=tool:GStreamer',
  'a=type:broadcast',
  'a=range:npt=now-',
  'a=control:rtsp://127.0.0.1:8554/test',
  'm=video 0 RTP/AVP 96',
  'c=IN IP4 0.0.0.0',
  'b=AS:2097',
  'a=rtpmap:96 H264/90000',
  'a=framerate:25',
  'a=fmtp:96 packetization-mode=1;sprop-parameter-sets=Z0LADdkBQfsBEAAAAwAQAAADAyDxQqSA,aMuDyyA=;profile-level-id=42c00d;level-asymmetry-allowed=1',
  'a=control:stream=0',
  'a=ts-refclk:local',
  'a=mediaclk:sender',
  'm=audio 0 RTP/AVP 97',
  'c=IN IP4 0.0.0.0',
  'a=rtpmap:97 MPEG4-GENERIC/48000/2',
  'a=control:stream=1',
  '',
].join('\r\n');

/** The same server with x265enc ! rtph265pay. */
const GSTREAMER_H265 = [
  'v=0',
  'o=- 1188340656180883 1 IN IP4 127.0.0.1',
  's=Session streamed with GStreamer',
  't=0 0',
  'a=control:*',
  'm=video 0 RTP/AVP 96',
  'a=rtpmap:96 H265/90000',
  'a=fmtp:96 sprop-vps=QAEMAf//AWAAAAMAkAAAAwAAAwA8lZgJ;sprop-sps=QgEBAWAAAAMAkAAAAwAAAwA8oAoIDxZZWaSTK8BaAgAAAwACAAADADIQ;sprop-pps=RAHBcrRiQA==',
  'a=control:stream=0',
].join('\n');

describe('parseSdp', () => {
  it("reads GStreamer's H.264 description: codec, clock, control URL, fmtp and parameter sets", () => {
    const sdp = parseSdp(GSTREAMER_H264, 'rtsp://127.0.0.1:8554/test/');
    expect(sdp.sessionName).toBe('Session streamed with GStreamer');
    expect(sdp.video).toHaveLength(1); // the audio track is not ours
    const [track] = sdp.video;
    expect(track).toMatchObject({ codec: 'h264', payloadType: 96, clockRate: 90000, control: 'rtsp://127.0.0.1:8554/test/stream=0' });
    expect(track!.fmtp.get('profile-level-id')).toBe('42c00d');
    expect(track!.fmtp.get('packetization-mode')).toBe('1');
    // The SPS and PPS that ffmpeg's libx264 wrote for 320×240 baseline (see h264-sps.test.ts).
    expect(track!.parameterSets).toEqual([hex('6742c00dd90141fb011000000300100000030320f142a480'), hex('68cb83cb20')]);
  });

  it("reads GStreamer's H.265 description with VPS, SPS and PPS in decoder order", () => {
    const [track] = parseSdp(GSTREAMER_H265, 'rtsp://10.1.1.1:8554/h265/').video;
    expect(track).toMatchObject({ codec: 'h265', control: 'rtsp://10.1.1.1:8554/h265/stream=0' });
    expect(track!.parameterSets).toEqual([
      hex('40010c01ffff01600000030090000003000003003c959809'),
      hex('42010101600000030090000003000003003ca00a080f165959a4932bc05a020000030002000003003210'),
      hex('4401c172b46240'),
    ]);
  });

  it('resolves control URLs against the Content-Base or the session control', () => {
    const sdp = (session: string, media: string) =>
      ['v=0', 's=-', ...(session ? [`a=control:${session}`] : []), 'm=video 0 RTP/AVP 96', 'a=rtpmap:96 H264/90000', ...(media ? [`a=control:${media}`] : [])].join('\r\n');
    const base = 'rtsp://cam:554/Streaming/Channels/101/';
    expect(parseSdp(sdp('', 'trackID=1'), base).video[0]!.control).toBe('rtsp://cam:554/Streaming/Channels/101/trackID=1');
    expect(parseSdp(sdp('*', 'trackID=1'), base).video[0]!.control).toBe('rtsp://cam:554/Streaming/Channels/101/trackID=1');
    expect(parseSdp(sdp('', 'rtsp://other/track'), base).video[0]!.control).toBe('rtsp://other/track');
    expect(parseSdp(sdp('', '*'), base).video[0]!.control).toBe(base);
    expect(parseSdp(sdp('', ''), base).video[0]!.control).toBe(base);
    expect(parseSdp(sdp('rtsp://cam:554/live', 'video'), base).video[0]!.control).toBe('rtsp://cam:554/live/video');
  });

  it('reports a codec it cannot play as unsupported rather than failing', () => {
    const sdp = ['v=0', 's=-', 'm=video 0 RTP/AVP 26', 'a=control:track1', 'm=video 0 RTP/AVP 98', 'a=rtpmap:98 MP4V-ES/90000'].join('\r\n');
    const video = parseSdp(sdp, 'rtsp://cam/').video;
    expect(video.map((v) => v.codec)).toEqual([{ unsupported: 'payload type 26' }, { unsupported: 'MP4V-ES' }]);
    expect(video.map((v) => v.parameterSets)).toEqual([[], []]);
  });

  it('skips parameter sets that are not base64 and accepts HEVC as the encoding name', () => {
    const sdp = ['v=0', 's=-', 'm=video 0 RTP/AVP 96', 'a=rtpmap:96 HEVC/90000', 'a=fmtp:96 sprop-vps=@@@;sprop-sps=QgEB;sprop-pps='].join('\n');
    const [track] = parseSdp(sdp, 'rtsp://cam/').video;
    expect(track).toMatchObject({ codec: 'h265', clockRate: 90000 });
    expect(track!.parameterSets).toEqual([Uint8Array.of(0x42, 1, 1)]);
  });

  it('refuses malformed lines', () => {
    for (const bad of ['v=0\r\nthis is not sdp', 'v=0\r\nM=video 0 RTP/AVP 96', 'v=0\r\nm=video 0', '<html>']) {
      expect(() => parseSdp(bad, 'rtsp://cam/'), bad).toThrow(SdpError);
    }
  });
});

import { base64Decode } from './bytes';
import { resolveRtspUrl } from './rtsp-url';

/** The parts of a camera's SDP (RFC 8866) that Vigil plays: its video track and how to set it up. */

export type VideoCodec = 'h264' | 'h265';

export type SdpVideoTrack = {
  readonly codec: VideoCodec | { readonly unsupported: string };
  readonly payloadType: number;
  readonly clockRate: number;
  /** Absolute URL for SETUP. */
  readonly control: string;
  readonly fmtp: ReadonlyMap<string, string>;
  /** Parameter sets announced out of band (H.264 SPS/PPS, H.265 VPS/SPS/PPS), in order. */
  readonly parameterSets: readonly Uint8Array[];
};

export type SdpDescription = { readonly sessionName: string; readonly video: readonly SdpVideoTrack[] };

export class SdpError extends Error {
  override readonly name = 'SdpError';
}

type MediaDraft = { kind: string; formats: number[]; control: string | null; rtpmap: Map<number, string>; fmtp: Map<number, string> };

export function parseSdp(text: string, baseUrl: string): SdpDescription {
  let sessionName = '';
  let sessionControl: string | null = null;
  const media: MediaDraft[] = [];
  let current: MediaDraft | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    if (!/^[a-z]=/.test(line)) throw new SdpError(`malformed SDP line "${line.slice(0, 60)}"`);
    const type = line[0];
    const value = line.slice(2);
    if (type === 'm') {
      const parts = value.split(/\s+/);
      if (parts.length < 4) throw new SdpError(`malformed media line "${value.slice(0, 60)}"`);
      current = { kind: parts[0]!, formats: parts.slice(3).map(Number).filter(Number.isInteger), control: null, rtpmap: new Map(), fmtp: new Map() };
      media.push(current);
      continue;
    }
    if (type === 's' && !current) sessionName = value;
    if (type !== 'a') continue;
    const colon = value.indexOf(':');
    const name = colon === -1 ? value : value.slice(0, colon);
    const arg = colon === -1 ? '' : value.slice(colon + 1);
    if (name === 'control') {
      if (current) current.control = arg.trim();
      else sessionControl = arg.trim();
    } else if (current && (name === 'rtpmap' || name === 'fmtp')) {
      const m = /^(\d+)\s+(.*)$/.exec(arg);
      if (m) current[name].set(Number(m[1]), m[2]!.trim());
    }
  }
  const sessionBase = sessionControl && sessionControl !== '*' ? resolveRtspUrl(baseUrl, sessionControl) : baseUrl;
  const video: SdpVideoTrack[] = [];
  for (const m of media) {
    if (m.kind !== 'video') continue;
    const payloadType = m.formats[0];
    if (payloadType === undefined) continue;
    const rtpmap = m.rtpmap.get(payloadType) ?? '';
    const [encoding = '', rate = '90000'] = rtpmap.split('/');
    const fmtp = parseFmtp(m.fmtp.get(payloadType) ?? '');
    const name = encoding.toUpperCase();
    const codec: SdpVideoTrack['codec'] =
      name === 'H264' ? 'h264' : name === 'H265' || name === 'HEVC' ? 'h265' : { unsupported: encoding || `payload type ${payloadType}` };
    video.push({
      codec,
      payloadType,
      clockRate: Number(rate) || 90000,
      control: m.control && m.control !== '*' ? resolveRtspUrl(sessionBase, m.control) : sessionBase,
      fmtp,
      parameterSets: parameterSetsOf(codec, fmtp),
    });
  }
  return { sessionName, video };
}

function parseFmtp(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of text.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    out.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
  }
  return out;
}

function decodeList(value: string | undefined): Uint8Array[] {
  if (!value) return [];
  return value
    .split(',')
    .map((v) => base64Decode(v))
    .filter((b): b is Uint8Array => b !== null && b.length > 0);
}

function parameterSetsOf(codec: SdpVideoTrack['codec'], fmtp: ReadonlyMap<string, string>): Uint8Array[] {
  if (codec === 'h264') return decodeList(fmtp.get('sprop-parameter-sets'));
  if (codec === 'h265') return [...decodeList(fmtp.get('sprop-vps')), ...decodeList(fmtp.get('sprop-sps')), ...decodeList(fmtp.get('sprop-pps'))];
  return [];
}

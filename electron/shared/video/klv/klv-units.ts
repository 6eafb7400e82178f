import { readBerLength } from './ber';
import { SMPTE_UL_PREFIX } from './uas-local-set';

/**
 * Top-level KLV framing: a metadata access unit or PES payload → its KLV packets (16-byte key,
 * BER length, value). Bytes that do not start a universal label are skipped up to the next one;
 * a packet whose length is malformed or runs past the buffer is reported and the search resumes
 * after its key, so one corrupted length does not hide the packets behind it. Each buffer is
 * framed on its own: a packet cut by the end of its PES is 'truncated', not carried over.
 */

export type KlvUnit =
  | { readonly kind: 'packet'; readonly bytes: Uint8Array }
  | { readonly kind: 'skip'; readonly reason: 'garbage' | 'bad-length' | 'truncated'; readonly bytes: number };

function prefixAt(b: Uint8Array, at: number): boolean {
  return b[at] === SMPTE_UL_PREFIX[0] && b[at + 1] === SMPTE_UL_PREFIX[1] && b[at + 2] === SMPTE_UL_PREFIX[2] && b[at + 3] === SMPTE_UL_PREFIX[3];
}

/** The last bytes of the buffer are the beginning of a universal label cut short. */
function startsLabel(b: Uint8Array, at: number): boolean {
  if (b.length - at >= 4) return false;
  for (let i = at; i < b.length; i++) if (b[i] !== SMPTE_UL_PREFIX[i - at]) return false;
  return true;
}

function nextPrefix(b: Uint8Array, from: number): number {
  for (let i = from; i + 3 < b.length; i++) if (prefixAt(b, i)) return i;
  return b.length;
}

export function splitKlv(b: Uint8Array): KlvUnit[] {
  const out: KlvUnit[] = [];
  let at = 0;
  while (at < b.length) {
    if (!prefixAt(b, at)) {
      const next = nextPrefix(b, at + 1);
      out.push({ kind: 'skip', reason: next === b.length && startsLabel(b, at) ? 'truncated' : 'garbage', bytes: next - at });
      at = next;
      continue;
    }
    const length = b.length - at < 17 ? ({ error: 'truncated' } as const) : readBerLength(b, at + 16);
    const end = 'error' in length ? -1 : length.next + length.value;
    if ('error' in length || end > b.length) {
      const next = nextPrefix(b, at + 16);
      out.push({ kind: 'skip', reason: 'error' in length ? length.error : 'truncated', bytes: next - at });
      at = next;
      continue;
    }
    out.push({ kind: 'packet', bytes: b.subarray(at, end) });
    at = end;
  }
  return out;
}

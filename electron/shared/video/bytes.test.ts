import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64Decode, base64Encode, concatBytes, latin1, utf8, utf8Decode } from './bytes';

/**
 * Node's Buffer as the reference codec. Reached through globalThis because this folder is
 * type-checked and linted as pure code (no Node types or imports), though its tests run in Node.
 */
type NodeBuffer = { from(data: Uint8Array | string, encoding?: string): Uint8Array & { toString(encoding: string): string } };
const Buffer = (globalThis as unknown as { Buffer: NodeBuffer }).Buffer;
type FatalDecoder = { decode(bytes: Uint8Array): string };
const TextDecoder = (globalThis as unknown as { TextDecoder: new (label: string, o: { fatal: boolean }) => FatalDecoder }).TextDecoder;

describe('base64', () => {
  it('encodes exactly as Node does', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(base64Encode(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      }),
    );
  });

  it("decodes Node's encoding back to the same bytes, with or without padding and with whitespace", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.integer({ min: 0, max: 400 }), (bytes, cut) => {
        const text = Buffer.from(bytes).toString('base64');
        expect(base64Decode(text)).toEqual(bytes);
        expect(base64Decode(text.replace(/=+$/, ''))).toEqual(bytes);
        const spaced = `${text.slice(0, cut)}\r\n ${text.slice(cut)}`;
        expect(base64Decode(spaced)).toEqual(bytes);
      }),
    );
  });

  it('refuses characters outside the alphabet and impossible lengths', () => {
    expect(base64Decode('Z0LA*dkB')).toBeNull();
    expect(base64Decode('Z0LA-dkB')).toBeNull(); // base64url is not what SDP uses
    expect(base64Decode('YQ==YQ==')).toBeNull(); // padding in the middle
    expect(base64Decode('Z0LAD')).toBeNull(); // 5 characters cannot encode whole bytes
    expect(base64Decode('')).toEqual(new Uint8Array(0));
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.constantFrom('!', '*', '-', '_', '.', 'é', '\u0000', '"'), (text, bad) => {
        expect(base64Decode(text + bad)).toBeNull();
      }),
    );
  });
});

describe('utf8, latin1, concatBytes', () => {
  it('utf8 encodes any string as Node does, astral characters included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 50 }), (text) => {
        expect(utf8(text)).toEqual(new Uint8Array(Buffer.from(text, 'utf8')));
      }),
    );
    expect(utf8('值守 🎥')).toEqual(Uint8Array.of(0xe5, 0x80, 0xbc, 0xe5, 0xae, 0x88, 0x20, 0xf0, 0x9f, 0x8e, 0xa5));
  });

  it('latin1 maps each byte to one character, across its 8192-byte batches', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 20000 }), fc.nat(), fc.nat(), (bytes, a, b) => {
        const [start, end] = [a % (bytes.length + 1), b % (bytes.length + 1)].sort((x, y) => x - y) as [number, number];
        expect(latin1(bytes, start, end)).toBe(Buffer.from(bytes.subarray(start, end)).toString('latin1'));
      }),
      { numRuns: 50 },
    );
  });

  it('concatBytes joins in order', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 20 }), { maxLength: 8 }), (parts) => {
        expect(Array.from(concatBytes(parts))).toEqual(parts.flatMap((p) => Array.from(p)));
      }),
    );
  });
});

describe('utf8Decode', () => {
  const reference = new TextDecoder('utf-8', { fatal: true });
  const strict = (bytes: Uint8Array): string | null => {
    try {
      return reference.decode(bytes);
    } catch {
      return null;
    }
  };

  it('decodes what utf8 encodes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 50 }), (text) => {
        expect(utf8Decode(utf8(text))).toBe(text);
      }),
    );
  });

  it("accepts and refuses exactly what a fatal TextDecoder does (a BOM is kept, not stripped)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        const want = strict(bytes);
        const got = utf8Decode(bytes);
        if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf && want !== null) expect(got).toBe(`\ufeff${want}`);
        else expect(got).toBe(want);
      }),
      { numRuns: 3000 },
    );
    for (const bad of [[0xc0, 0x80], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe5, 0x80], [0x80]]) expect(utf8Decode(Uint8Array.from(bad))).toBeNull();
  });
});

/** Reads the bit fields of H.264/H.265 parameter sets: fixed-width and Exp-Golomb. */

export class BitstreamError extends Error {
  override readonly name = 'BitstreamError';
}

/** A NAL unit's payload with emulation-prevention bytes (00 00 03) removed. */
export function unescapeRbsp(nal: Uint8Array): Uint8Array {
  const out = new Uint8Array(nal.length);
  let n = 0;
  let zeros = 0;
  for (const byte of nal) {
    if (zeros >= 2 && byte === 3) {
      zeros = 0;
      continue;
    }
    out[n++] = byte;
    zeros = byte === 0 ? zeros + 1 : 0;
  }
  return out.subarray(0, n);
}

export class BitReader {
  private bit = 0;
  constructor(private readonly bytes: Uint8Array) {}

  /** Bits read so far. */
  get position(): number {
    return this.bit;
  }

  u(count: number): number {
    let v = 0;
    for (let i = 0; i < count; i++) {
      const byte = this.bytes[this.bit >> 3];
      if (byte === undefined) throw new BitstreamError('parameter set ends early');
      v = v * 2 + ((byte >> (7 - (this.bit & 7))) & 1);
      this.bit++;
    }
    return v;
  }

  flag(): boolean {
    return this.u(1) === 1;
  }

  skip(count: number): void {
    this.bit += count;
    if (this.bit > this.bytes.length * 8) throw new BitstreamError('parameter set ends early');
  }

  /** Unsigned Exp-Golomb; more than 31 leading zeros cannot be a valid field. */
  ue(): number {
    let zeros = 0;
    while (this.u(1) === 0) {
      if (++zeros > 31) throw new BitstreamError('Exp-Golomb code too long');
    }
    return 2 ** zeros - 1 + this.u(zeros);
  }

  se(): number {
    const k = this.ue();
    return k % 2 === 1 ? (k + 1) / 2 : -(k / 2);
  }
}

/** Writes bit fields; the inverse of BitReader, for rewriting parameter sets. */
export class BitWriter {
  private readonly bits: number[] = [];

  u(count: number, value: number): void {
    for (let i = count - 1; i >= 0; i--) this.bits.push(Math.floor(value / 2 ** i) % 2);
  }

  flag(on: boolean): void {
    this.bits.push(on ? 1 : 0);
  }

  ue(value: number): void {
    const v = value + 1;
    const length = Math.floor(Math.log2(v));
    this.u(length, 0);
    this.u(length + 1, v);
  }

  /** Copies the first `count` bits of `bytes`. */
  copy(bytes: Uint8Array, count: number): void {
    for (let i = 0; i < count; i++) this.bits.push((bytes[i >> 3]! >> (7 - (i & 7))) & 1);
  }

  /** rbsp_trailing_bits: a stop bit, then zeros to the byte boundary. */
  bytesWithTrailingBits(): Uint8Array {
    const bits = [...this.bits, 1];
    while (bits.length % 8 !== 0) bits.push(0);
    const out = new Uint8Array(bits.length / 8);
    for (let i = 0; i < bits.length; i++) out[i >> 3]! |= bits[i]! << (7 - (i & 7));
    return out;
  }
}

/** Emulation prevention (00 00 0x with x ≤ 3 becomes 00 00 03 0x): the inverse of unescapeRbsp. */
export function escapeRbsp(rbsp: Uint8Array): Uint8Array {
  const out: number[] = [];
  let zeros = 0;
  for (const byte of rbsp) {
    if (zeros >= 2 && byte <= 3) {
      out.push(3);
      zeros = 0;
    }
    out.push(byte);
    zeros = byte === 0 ? zeros + 1 : 0;
  }
  return Uint8Array.from(out);
}

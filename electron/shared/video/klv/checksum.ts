/**
 * The UAS Datalink LS checksum (ST 0601 tag 1). It is not a CRC: the standard defines the low 16
 * bits of a running sum of the packet read as big-endian 16-bit words — even-offset bytes count
 * as high bytes, odd-offset bytes as low bytes — from the first byte of the 16-byte key up to and
 * including the checksum item's tag and length bytes.
 */
export function uasChecksum(b: Uint8Array, start: number, end: number): number {
  let sum = 0;
  for (let i = start; i < end; i++) sum = (sum + ((i - start) % 2 === 0 ? b[i]! << 8 : b[i]!)) & 0xffff;
  return sum;
}

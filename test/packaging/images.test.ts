import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ICO_SIZES, LINUX_PNG_SIZES, pngName } from '../../build/packaging/icon-set';
import { encodeIco, pngSize, readIco } from '../../build/packaging/images';

const icons = path.resolve(import.meta.dirname, '../../resources/desktop-icons');

describe('desktop icon files', () => {
  it('writes small images as 32-bit BMP, bottom row first in BGRA, and 256 px as PNG', () => {
    // 2×2: red, green on top; blue, half-transparent white below.
    const rgba = Buffer.from([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 128]);
    const png256 = fs.readFileSync(path.join(icons, '256x256.png'));
    const ico = encodeIco([{ size: 256, rgba: Buffer.alloc(0), png: png256 }, { size: 2, rgba, png: Buffer.alloc(0) }]);
    expect(readIco(ico)).toEqual([
      { width: 2, height: 2, format: 'bmp', bitCount: 32 },
      { width: 256, height: 256, format: 'png', bitCount: 32 },
    ]);
    const offset = ico.readUInt32LE(6 + 12);
    const pixels = ico.subarray(offset + 40, offset + 40 + 16);
    expect([...pixels]).toEqual([255, 0, 0, 255, 255, 255, 255, 128, 0, 0, 255, 255, 0, 255, 0, 255]);
    expect(ico.readUInt8(6 + 16)).toBe(0); // 256 is written as 0 in the directory
  });

  it('refuses files that are not icons', () => {
    expect(() => readIco(Buffer.from('not an icon'))).toThrow(/not an ICO/);
    expect(pngSize(Buffer.from('GIF89a'))).toBeNull();
  });

  it('has the committed icons at the sizes Linux and Windows need', () => {
    for (const size of LINUX_PNG_SIZES) expect(pngSize(fs.readFileSync(path.join(icons, pngName(size))))).toEqual({ width: size, height: size });
    const sizes = readIco(fs.readFileSync(path.join(icons, 'vigil.ico'))).map((e) => e.width);
    expect(sizes).toEqual([...ICO_SIZES]);
  });
});

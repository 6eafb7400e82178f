// Just enough of PNG and ICO to write Vigil's desktop icons and to check them without an image
// library: the packaging check reads sizes from headers, the icon script writes the .ico.

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface Size {
  width: number;
  height: number;
}

/** The size in a PNG's IHDR chunk, or null when the bytes are not a PNG. */
export function pngSize(png: Buffer): Size | null {
  if (png.length < 24 || !png.subarray(0, 8).equals(PNG_SIGNATURE) || png.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

export interface IcoImage {
  size: number;
  /** Straight (not premultiplied) RGBA, row by row from the top. */
  rgba: Buffer;
  /** The same picture as PNG: used for 256 px, where Windows expects PNG inside the ICO. */
  png: Buffer;
}

export interface IcoEntry extends Size {
  format: 'png' | 'bmp';
  /** For a BMP entry, the bit depth it declares. */
  bitCount: number;
}

/**
 * An ICO holding every image: 256 px as PNG, smaller ones as 32-bit BMP (the classic format,
 * which every Windows shell and NSIS's icon handling read).
 */
export function encodeIco(images: IcoImage[]): Buffer {
  const sorted = [...images].sort((a, b) => a.size - b.size);
  const bodies = sorted.map((img) => (img.size >= 256 ? img.png : bmpEntry(img)));
  const header = Buffer.alloc(6 + 16 * sorted.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1: icon (2 would be a cursor)
  header.writeUInt16LE(sorted.length, 4);
  let offset = header.length;
  sorted.forEach((img, i) => {
    const at = 6 + 16 * i;
    // 0 in the width and height bytes means 256.
    header.writeUInt8(img.size >= 256 ? 0 : img.size, at);
    header.writeUInt8(img.size >= 256 ? 0 : img.size, at + 1);
    header.writeUInt8(0, at + 2);
    header.writeUInt8(0, at + 3);
    header.writeUInt16LE(1, at + 4);
    header.writeUInt16LE(32, at + 6);
    header.writeUInt32LE(bodies[i]!.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += bodies[i]!.length;
  });
  return Buffer.concat([header, ...bodies]);
}

function bmpEntry(img: IcoImage): Buffer {
  const { size, rgba } = img;
  const maskRow = Math.ceil(size / 32) * 4;
  const info = Buffer.alloc(40);
  info.writeUInt32LE(40, 0);
  info.writeInt32LE(size, 4);
  // An icon's BMP height counts the colour rows and the transparency mask rows.
  info.writeInt32LE(size * 2, 8);
  info.writeUInt16LE(1, 12);
  info.writeUInt16LE(32, 14);
  info.writeUInt32LE(size * size * 4 + maskRow * size, 20);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    // BMP rows run from the bottom up, in BGRA order.
    const src = (size - 1 - y) * size * 4;
    for (let x = 0; x < size; x++) {
      const s = src + x * 4;
      const d = (y * size + x) * 4;
      pixels[d] = rgba[s + 2]!;
      pixels[d + 1] = rgba[s + 1]!;
      pixels[d + 2] = rgba[s]!;
      pixels[d + 3] = rgba[s + 3]!;
    }
  }
  // The AND mask stays all zero: 32-bit entries carry their transparency in the alpha channel.
  return Buffer.concat([info, pixels, Buffer.alloc(maskRow * size)]);
}

/** The images an ICO file lists, with the size each really has (read from its data). */
export function readIco(ico: Buffer): IcoEntry[] {
  if (ico.length < 6 || ico.readUInt16LE(0) !== 0 || ico.readUInt16LE(2) !== 1) throw new Error('not an ICO file');
  const count = ico.readUInt16LE(4);
  const entries: IcoEntry[] = [];
  for (let i = 0; i < count; i++) {
    const at = 6 + 16 * i;
    if (at + 16 > ico.length) throw new Error('ICO directory is cut short');
    const length = ico.readUInt32LE(at + 8);
    const offset = ico.readUInt32LE(at + 12);
    if (offset + length > ico.length) throw new Error(`ICO image ${i} lies outside the file`);
    const body = ico.subarray(offset, offset + length);
    const png = pngSize(body);
    if (png) {
      entries.push({ ...png, format: 'png', bitCount: 32 });
    } else {
      if (body.length < 40 || body.readUInt32LE(0) !== 40) throw new Error(`ICO image ${i} is neither PNG nor BMP`);
      entries.push({ width: body.readInt32LE(4), height: body.readInt32LE(8) / 2, format: 'bmp', bitCount: body.readUInt16LE(14) });
    }
  }
  return entries;
}

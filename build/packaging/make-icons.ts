// Renders the desktop icons from the SVG logo: `npm run icons`. The output is committed, so
// packaging needs no renderer; run it again after changing resources/icons/vigil.svg.
import fs from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { DESKTOP_ICON_DIR, ICO_FILE, ICO_SIZES, ICON_MANIFEST, ICON_SOURCE, LINUX_PNG_SIZES, pngName, sha256, type IconManifest } from './icon-set';
import { encodeIco, type IcoImage } from './images';

const root = path.resolve(import.meta.dirname, '..', '..');
const svg = fs.readFileSync(path.join(root, ICON_SOURCE));

function render(size: number): IcoImage {
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render();
  if (image.width !== size || image.height !== size) throw new Error(`${ICON_SOURCE} is not square: rendered ${image.width}x${image.height}`);
  // resvg hands out premultiplied pixels; BMP icon entries want straight alpha.
  const rgba = Buffer.from(image.pixels);
  for (let i = 0; i < rgba.length; i += 4) {
    const a = rgba[i + 3]!;
    if (a === 0 || a === 255) continue;
    for (let c = 0; c < 3; c++) rgba[i + c] = Math.min(255, Math.round((rgba[i + c]! * 255) / a));
  }
  return { size, rgba, png: Buffer.from(image.asPng()) };
}

const out = path.join(root, DESKTOP_ICON_DIR);
fs.mkdirSync(out, { recursive: true });
const rendered = new Map<number, IcoImage>();
for (const size of new Set([...LINUX_PNG_SIZES, ...ICO_SIZES])) rendered.set(size, render(size));
for (const size of LINUX_PNG_SIZES) fs.writeFileSync(path.join(out, pngName(size)), rendered.get(size)!.png);
fs.writeFileSync(path.join(root, ICO_FILE), encodeIco(ICO_SIZES.map((s) => rendered.get(s)!)));
const manifest: IconManifest = {
  source: ICON_SOURCE,
  sourceSha256: sha256(path.join(root, ICON_SOURCE)),
  png: LINUX_PNG_SIZES.map((s) => `${DESKTOP_ICON_DIR}/${pngName(s)}`),
  ico: ICO_FILE,
};
fs.writeFileSync(path.join(root, ICON_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`Wrote ${LINUX_PNG_SIZES.length} PNGs and ${ICO_FILE} (${ICO_SIZES.join(', ')} px) from ${ICON_SOURCE}.`);

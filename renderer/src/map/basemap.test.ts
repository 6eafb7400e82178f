import { describe, expect, it } from 'vitest';
import { escapeHtml, pickBasemap, tileUrlTemplate, type TileSource } from './basemap';

const source = (id: string, format: TileSource['metadata']['format']): TileSource => ({
  id,
  metadata: { name: id, format, minzoom: 0, maxzoom: 14, bounds: null, attribution: null },
});

describe('pickBasemap', () => {
  it('takes the first raster map by id', () => {
    expect(pickBasemap([source('b', 'png'), source('a', 'jpg')])?.id).toBe('a');
  });

  it('passes over vector maps, which Leaflet cannot draw as tiles', () => {
    expect(pickBasemap([source('a', 'pbf'), source('b', 'webp')])?.id).toBe('b');
    expect(pickBasemap([source('a', 'pbf')])).toBeNull();
    expect(pickBasemap([])).toBeNull();
  });
});

describe('tile addresses and attributions', () => {
  it('addresses tiles relative to the page, with the map name encoded', () => {
    expect(tileUrlTemplate('dezhou')).toBe('./tiles/dezhou/{z}/{x}/{y}');
    expect(tileUrlTemplate('德州 {new}')).toBe(`./tiles/${encodeURIComponent('德州 {new}')}/{z}/{x}/{y}`);
    expect(tileUrlTemplate('德州 {new}').split('/')[2]).not.toMatch(/[{}/]/);
  });

  it('shows a file’s attribution as text, never as markup', () => {
    expect(escapeHtml('<img src=x onerror="alert(1)"> © A&B\'s')).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; © A&amp;B&#39;s');
  });
});

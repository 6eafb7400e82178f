// Between what Vigil stores (WGS-84, always) and what a base map is drawn in. Everything the map
// draws goes through toDisplay; everything read back from the map (a right-click, the view's
// centre) through fromDisplay. Keeping the two in one place is what keeps a marker from landing
// 500 m off on a Gaode map while still looking plausible.
import type { GeoPoint } from '../domain/incident';
import type { Datum } from '../domain/tile-source';
import { gcj02ToWgs84, wgs84ToGcj02 } from './gcj02';

/** A stored WGS-84 position where a base map in `datum` shows that place. */
export function toDisplay(datum: Datum, p: GeoPoint): GeoPoint {
  return datum === 'gcj02' ? wgs84ToGcj02(p) : { lat: p.lat, lon: p.lon };
}

/** A position read off a base map in `datum` (a click), as the WGS-84 position to store. */
export function fromDisplay(datum: Datum, p: GeoPoint): GeoPoint {
  return datum === 'gcj02' ? gcj02ToWgs84(p) : { lat: p.lat, lon: p.lon };
}

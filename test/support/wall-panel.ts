// The monitor the wall tests and the wall benchmark build their walls from.
import type { Monitor } from '../../electron/shared/wall';

/** A 55" splice-wall panel: 1920 × 1080 px, 1210 × 681 mm of picture, 3.5 mm frame all round. */
export const PANEL_55: Monitor = {
  resolution: { width: 1920, height: 1080 },
  activeSize: { width: 1210, height: 681 },
  bezel: { top: 3.5, right: 3.5, bottom: 3.5, left: 3.5 },
  rotation: 0,
  present: true,
};

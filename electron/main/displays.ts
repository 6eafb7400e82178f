// Electron's screens for the workspace: every display at start and at each change, and the role
// windows moved to where electron/shared/workspace places them. Deliberately thin: the rules
// are in that pure module, property-tested, because this file needs the Electron binary, which
// cannot be downloaded on the build and test machines — it is not run by any test.
import { screen, type Display as ScreenDisplay, type Rectangle } from 'electron';
import type { Logger } from '../services/log/logger';
import type { Workspace } from '../services/workspace/workspace';
import type { Display } from '../shared/workspace/display';
import type { Rect } from '../shared/workspace/rect';
import { moveRoleWindow, openRoleWindow, roleWindows } from './windows';

const rect = (r: Rectangle): Rect => ({ x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) });

function describe(d: ScreenDisplay, primaryId: number): Display {
  // Linux often gives no label; the size and place then stand in, so a display renumbered after
  // a reboot is still found by "label" and size where the arrangement did not change.
  const label = d.label || `${d.bounds.width}×${d.bounds.height} @ ${d.bounds.x},${d.bounds.y}`;
  return { id: String(d.id), label: label.slice(0, 100), bounds: rect(d.bounds), workArea: rect(d.workArea), scaleFactor: d.scaleFactor, primary: d.id === primaryId };
}

/**
 * Gives the workspace the screens and the role windows, then opens every window the saved
 * roles ask for on its display (the restore at start). Later display changes only move windows.
 */
export async function followDisplays(workspace: Workspace, preloadPath: string, log: Logger): Promise<void> {
  workspace.attach({
    openWindows: roleWindows,
    async apply(placements, openMissing) {
      const opening = placements.filter((p) => !moveRoleWindow(p.key, p.bounds) && openMissing);
      // Side by side, not one after another: each window loads its page on its own.
      await Promise.all(opening.map((p) => openRoleWindow({ role: p.role, ...(p.monitor ? { monitor: p.monitor } : {}) }, preloadPath, p.bounds)));
    },
  });
  const report = (openMissing: boolean) => {
    const primary = screen.getPrimaryDisplay().id;
    return workspace.setDisplays('system', screen.getAllDisplays().map((d) => describe(d, primary)), openMissing).catch((err: unknown) => {
      log.error({ err }, 'displays could not be applied');
    });
  };
  screen.on('display-added', () => void report(false));
  screen.on('display-removed', () => void report(false));
  screen.on('display-metrics-changed', () => void report(false));
  await report(true);
}

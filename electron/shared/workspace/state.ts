// What main tells a window about the workstation's monitors: the displays it knows and where
// that knowledge came from, the roles they have, and where every role window is or goes.
import { z } from 'zod';
import { DisplayRoles, SavedDisplay } from './assignment';
import { Display } from './display';
import { Placement } from './placement';

/**
 * Where the displays came from, best first: Electron's screen module; the browser's Window
 * Management API; the `--displays` file; the one screen a browser window can see. A source
 * never gives way to a lesser one (a window's guess must not replace the configured displays).
 */
export const DISPLAY_SOURCES = ['system', 'screens', 'configured', 'window', 'none'] as const;
export const DisplaySource = z.enum(DISPLAY_SOURCES);
export type DisplaySource = z.infer<typeof DisplaySource>;

export const WorkspaceState = z.object({
  source: DisplaySource,
  displays: z.array(Display),
  /** Roles of the displays present, matched to what is saved by id, or by label and size. */
  roles: z.array(DisplayRoles),
  /** Saved displays not present now: their windows wait on the others until they return. */
  absent: z.array(SavedDisplay),
  windows: z.array(Placement),
});
export type WorkspaceState = z.infer<typeof WorkspaceState>;

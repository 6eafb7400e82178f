// Messages that must not be missed, named by translation key so they follow the language.
// Several can be up at once (two actions can fail in a row); each stays until dismissed.
import type { FailureCode } from './outcome';

/** Operator actions and loads whose failure is reported as a notice. */
export const ACTIONS = ['setStatus', 'addNote', 'assignUnit', 'releaseUnit', 'dismissRejection', 'setLanguage', 'loadUnits', 'loadRejections', 'planStep', 'loadPlan', 'importMap', 'saveTileSource', 'removeTileSource', 'setBasemap'] as const;
export type ActionName = (typeof ACTIONS)[number];

export type Notice =
  | { kind: 'recovered'; path: string }
  | { kind: 'recover-failed'; message: string }
  | { kind: 'load-failed'; code: FailureCode }
  | { kind: 'action-failed'; action: ActionName; code: FailureCode };

export interface ShownNotice {
  id: number;
  notice: Notice;
}

/** More than this and the oldest go: the bar must not push the work off the screen. */
export const MAX_NOTICES = 4;

const sameNotice = (a: Notice, b: Notice): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The list with `notice` added last. The same message again replaces the earlier copy rather
 * than stacking (a failing retry loop must not fill the bar), and only the newest few stay.
 */
export function withNotice(list: readonly ShownNotice[], notice: Notice, id: number): ShownNotice[] {
  const kept = list.filter((n) => !sameNotice(n.notice, notice));
  return [...kept, { id, notice }].slice(-MAX_NOTICES);
}

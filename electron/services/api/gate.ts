// The role check in the dispatch boundary: every request's method against the permission table
// (electron/shared/auth/permissions.ts) for the operator signed in at this workstation. A refusal
// is audited with who asked, from which window, for what.
import { mayReceive, refusalFor } from '../../shared/auth/permissions';
import type { Method } from '../../shared/contract/requests';
import type { Logger } from '../log/logger';
import type { SessionService } from '../session/session-service';
import type { Store } from '../store/store';

export interface Gate {
  /** null: go ahead; otherwise the refusal, already audited. */
  check(method: Method, origin: string, connection: string): Promise<'signed-out' | 'forbidden' | null>;
  /** Whether pushed events of this name may go to windows now (before sign-in only a few do). */
  mayReceive(event: string): boolean;
}

export function createGate(session: SessionService, store: Store, log: Logger): Gate {
  return {
    mayReceive: (event) => mayReceive(event, session.role()),
    async check(method, origin, connection) {
      const role = session.role();
      const refusal = refusalFor(method, role);
      if (!refusal) return null;
      const actor = session.actor();
      log.warn({ action: `access.${refusal}`, method, role, operator: actor.operatorId, origin }, 'request refused by role');
      try {
        await store.call('audit', { actor, action: `access.${refusal}`, details: { method, role, origin, connection } });
      } catch (err) {
        // A damaged database cannot take the row; the refusal stands and the log has it.
        log.error({ err: err instanceof Error ? err.message : String(err), method }, 'refusal could not be audited');
      }
      return refusal;
    },
  };
}

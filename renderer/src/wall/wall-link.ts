// This window's part in the shared wall: it joins when the link opens (so other consoles see it),
// follows main's wall events, and sends changes made on the revision it last saw. Answers that
// matter to the operator — refused, or replacing someone else's change — become outcomes.
import type { ParamsIn } from '../../../electron/shared/contract/requests';
import type { EditAnswer, SlotRef, WallEdit, WallSourceIn } from '../../../electron/shared/wall';
import type { Transport } from '../transport/transport';
import { failureCode } from '../state/outcome';
import { useWall } from './wall-store';

export interface WallLink {
  /** One change, made on the wall this window shows now. Resolves with main's answer (null: the request failed). */
  edit(edit: WallEdit): Promise<EditAnswer | null>;
  /** Shows a camera, map view or incident in a wall slot, from anywhere. */
  push(slot: SlotRef, source: WallSourceIn): Promise<EditAnswer | null>;
  focus(window: string | null): void;
  rename(label: string): Promise<void>;
  recallPreset(id: string): Promise<EditAnswer | null>;
  /** The other wall requests, whose answer is the whole wall state; null when refused (outcome posted). */
  call<M extends 'wall.savePreset' | 'wall.schedulePreset' | 'wall.removePreset' | 'wall.saveTour' | 'wall.removeTour' | 'wall.startTour' | 'wall.stopTour' | 'wall.setAlarmRoute'>(method: M, params: ParamsIn<M>): Promise<boolean>;
  setModel(wall: ParamsIn<'wall.setModel'>['wall']): Promise<EditAnswer | null>;
}

let editSeq = 0;
const newEditId = () => `${Date.now().toString(36)}-${(editSeq++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export function linkToWall(transport: Transport): WallLink {
  const s = useWall.getState;

  async function join(): Promise<void> {
    const wall = await transport.request('wall.join', { console: { id: s().consoleId, label: s().label } });
    s().setWall(wall);
  }

  function answered(answer: EditAnswer): EditAnswer {
    if (answer.status === 'refused' && answer.refusal) s().pushOutcome({ kind: 'refused', code: answer.refusal.code, message: answer.refusal.message });
    if (answer.status === 'applied' && answer.overrode.length) s().pushOutcome({ kind: 'overrode', revision: answer.revision, others: answer.overrode });
    return answer;
  }

  async function send(call: () => Promise<EditAnswer>): Promise<EditAnswer | null> {
    try {
      return answered(await call());
    } catch (e) {
      s().pushOutcome({ kind: 'failed', code: failureCode(e) });
      return null;
    }
  }

  transport.onLinkState((link) => {
    if (link === 'open') join().catch((e: unknown) => s().pushOutcome({ kind: 'failed', code: failureCode(e) }));
  });
  transport.on('wall.state', (wall) => s().setWall(wall));
  transport.on('wall.presence', (p) => useWall.getState().setEditors(p.editors));

  return {
    async edit(edit) {
      const answer = await send(() => transport.request('wall.edit', { baseRevision: s().wall?.revision ?? 0, editId: newEditId(), edit }));
      if (answer?.status === 'applied') s().rememberEdit(answer.revision, edit);
      return answer;
    },
    push: (slot, source) => send(() => transport.request('wall.push', { slot, source })),
    focus(window) {
      void transport.request('wall.focus', { window }).catch(() => undefined);
    },
    async rename(label) {
      s().setLabel(label);
      await join().catch((e: unknown) => s().pushOutcome({ kind: 'failed', code: failureCode(e) }));
    },
    recallPreset: (id) => send(() => transport.request('wall.recallPreset', { id, baseRevision: s().wall?.revision ?? 0, editId: newEditId() })),
    async call(method, params) {
      try {
        const wall = await (transport.request as (m: string, p: unknown) => Promise<unknown>)(method, params);
        s().setWall(wall as Parameters<ReturnType<typeof s>['setWall']>[0]);
        return true;
      } catch (e) {
        s().pushOutcome({ kind: 'failed', code: failureCode(e) });
        return false;
      }
    },
    setModel: (wall) => send(() => transport.request('wall.setModel', { wall })),
  };
}

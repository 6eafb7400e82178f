// How the sync engine reaches the hub. The real link is socket.io (socket-link.ts); the fault
// suite uses an in-memory link that drops, duplicates and delays. Every answer is validated
// against the protocol schemas by the link before the engine sees it.
import type { DronePosition } from '../../shared/sync/drone-position';
import type { HubSignInAnswer, HubSignInRequest, HubTokenAnswer } from '../../shared/sync/operator-auth';
import type { ChangesNotice, ChangesPage, ChangesRequest, PushRequest, PushResult, SnapshotPage, SnapshotRequest } from '../../shared/sync/protocol';

/** Why a call to the hub failed. The engine backs off and retries on all but `unauthorized`. */
export type LinkProblem = 'unreachable' | 'unauthorized' | 'protocol' | 'bad-data' | 'timeout';

export class LinkError extends Error {
  constructor(
    readonly problem: LinkProblem,
    message: string,
  ) {
    super(message);
    this.name = 'LinkError';
  }
}

export interface HubLink {
  snapshot(req: SnapshotRequest): Promise<SnapshotPage>;
  changes(req: ChangesRequest): Promise<ChangesPage>;
  push(req: PushRequest): Promise<PushResult>;
  /** Changes the hub pushes as they commit: a hint to apply at once when contiguous. */
  onNotice(listener: (notice: ChangesNotice) => void): () => void;
  /** Drone positions the hub pushes (docs/sync-protocol.md), validated; links without them may leave this out. */
  onDronePosition?(listener: (position: DronePosition) => void): () => void;
  /** Connection up/down as the transport sees it. */
  onConnection(listener: (up: boolean, problem: LinkProblem | null) => void): () => void;
  close(): void;
}

/** Operator sign-in on the same link (docs/sync-protocol.md); fails with a LinkError while the hub is away. */
export interface HubOperatorLink {
  signIn(req: HubSignInRequest): Promise<HubSignInAnswer>;
  checkToken(token: string): Promise<HubTokenAnswer>;
  signOut(token: string): Promise<void>;
}

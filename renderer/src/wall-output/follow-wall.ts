// A wall output only draws the wall: it reads main's wall state whenever the link opens and
// follows every `wall.state` event. It never joins (joining is for consoles that edit, and would
// list the output among the wall's editors).
import { create } from 'zustand';
import type { LinkState, Transport } from '../transport/transport';
import { failureCode, type FailureCode } from '../state/outcome';
import { useWall } from '../wall/wall-store';

/** Why the last reading of the wall failed (null: it did not), for the output's status corner. */
export const useWallReading = create<{ failed: FailureCode | null }>(() => ({ failed: null }));

const RETRY_MS = 3000;

export function followWall(transport: Transport): void {
  let link: LinkState = 'connecting';
  let retry: ReturnType<typeof setTimeout> | undefined;
  const load = (): void => {
    clearTimeout(retry);
    transport.request('wall.state', {}).then(
      (wall) => {
        useWall.getState().setWall(wall);
        useWallReading.setState({ failed: null });
      },
      (e: unknown) => {
        // The wall service may still be starting: ask again while the link is up.
        useWallReading.setState({ failed: failureCode(e) });
        if (link === 'open') retry = setTimeout(load, RETRY_MS);
      },
    );
  };
  transport.onLinkState((state) => {
    link = state;
    if (state === 'open') load();
  });
  transport.on('wall.state', (wall) => {
    useWall.getState().setWall(wall);
    useWallReading.setState({ failed: null });
  });
}

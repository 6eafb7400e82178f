// The Electron host's media channel: one MessagePort per window (asked for by its preload), the
// same messages as the browser host's /media WebSocket. Pictures go as Uint8Array messages;
// MessagePortMain copies them once, which is still far below what decoding them costs.
import { ipcMain, MessageChannelMain, type WebContents } from 'electron';
import { IPC_MEDIA_OPEN, IPC_MEDIA_PORT } from '../shared/contract/ipc-channels';
import type { Logger } from '../services/log/logger';
import type { MediaConnection, MediaService } from '../services/video/media-service';
import { isTrustedSender } from './security-policy';
import { roleOf } from './windows';

export function serveMediaPorts(media: MediaService, log: Logger): void {
  const open = new Map<number, MediaConnection>();
  ipcMain.on(IPC_MEDIA_OPEN, (event) => {
    const contents: WebContents = event.sender;
    const role = roleOf(contents.id);
    const frame = event.senderFrame;
    if (!isTrustedSender({ frameUrl: frame?.url, isMainFrame: !!frame && frame.parent === null, knownWindow: role !== null }) || !role) {
      log.warn({ frameUrl: event.senderFrame?.url }, 'media channel for an unknown frame refused');
      return;
    }
    // A reload asks again: the old channel and its streams go first.
    open.get(contents.id)?.close();
    const { port1, port2 } = new MessageChannelMain();
    const connection = media.connect(
      {
        send: (m) => port1.postMessage(JSON.stringify(m)),
        sendFrame: (f) => port1.postMessage(f),
        buffered: () => 0,
      },
      `ipc:${role}`,
    );
    open.set(contents.id, connection);
    port1.on('message', (e) => {
      if (typeof e.data === 'string') connection.handle(e.data);
      else log.warn({ role }, 'media channel: non-text message refused');
    });
    port1.on('close', () => connection.close());
    port1.start();
    contents.once('destroyed', () => {
      connection.close();
      open.delete(contents.id);
    });
    contents.postMessage(IPC_MEDIA_PORT, null, [port2]);
  });
}

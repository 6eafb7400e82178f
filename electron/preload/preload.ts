// Runs sandboxed, with context isolation: the page sees exactly three functions, never
// ipcRenderer itself, never Node. Main validates everything that comes through them.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT, IPC_MEDIA_OPEN, IPC_MEDIA_PORT, IPC_REQUEST } from '../shared/contract/ipc-channels';

contextBridge.exposeInMainWorld('vigil', {
  request: (envelope: unknown) => ipcRenderer.invoke(IPC_REQUEST, envelope),
  onEvent: (listener: (event: unknown) => void) => {
    const relay = (_e: IpcRendererEvent, event: unknown) => listener(event);
    ipcRenderer.on(IPC_EVENT, relay);
    return () => {
      ipcRenderer.off(IPC_EVENT, relay);
    };
  },
  /**
   * Asks main for this window's media channel. A MessagePort cannot cross the context bridge, so
   * it arrives as a window message from this preload, to this page's own origin only.
   */
  openMedia: () => ipcRenderer.send(IPC_MEDIA_OPEN),
});

/** The page's window, typed here without pulling the DOM library into main's type check. */
const page = globalThis as unknown as { postMessage(message: unknown, targetOrigin: string, transfer: unknown[]): void; location: { origin: string } };
ipcRenderer.on(IPC_MEDIA_PORT, (event) => {
  page.postMessage('vigil:media-port', page.location.origin, [...event.ports]);
});

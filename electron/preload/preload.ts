// Runs sandboxed, with context isolation: the page sees exactly two functions, never
// ipcRenderer itself, never Node. Main validates everything that comes through them.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT, IPC_REQUEST } from '../shared/contract/ipc-channels';

contextBridge.exposeInMainWorld('vigil', {
  request: (envelope: unknown) => ipcRenderer.invoke(IPC_REQUEST, envelope),
  onEvent: (listener: (event: unknown) => void) => {
    const relay = (_e: IpcRendererEvent, event: unknown) => listener(event);
    ipcRenderer.on(IPC_EVENT, relay);
    return () => {
      ipcRenderer.off(IPC_EVENT, relay);
    };
  },
});

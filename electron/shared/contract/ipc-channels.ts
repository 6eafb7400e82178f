// Channel names of the Electron host's IPC; the browser host needs none.
export const IPC_REQUEST = 'vigil:request';
export const IPC_EVENT = 'vigil:event';

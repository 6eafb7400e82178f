// Channel names of the Electron host's IPC; the browser host needs none.
export const IPC_REQUEST = 'vigil:request';
export const IPC_EVENT = 'vigil:event';
/** A window asks for its media channel; main answers on IPC_MEDIA_PORT with a MessagePort. */
export const IPC_MEDIA_OPEN = 'vigil:media-open';
export const IPC_MEDIA_PORT = 'vigil:media-port';

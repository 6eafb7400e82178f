// The Electron host: the product. Starts the shared services, serves the renderer from
// vigil://app/, and opens one sandboxed window per role.
import path from 'node:path';
import { app, ipcMain } from 'electron';
import { dispatch } from '../services/api/dispatch';
import { defaultRuntimeOptions, type RuntimeOptions } from '../services/runtime/options';
import { defaultKeyringFile, KEYRING_FILE } from '../services/secrets/keyring-file';
import { startRuntime, type Runtime } from '../services/runtime/runtime';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { isTrustedSender } from './security-policy';
import { safeStorageProtector } from './safe-storage-protector';
import { hardenAllContents } from './hardening';
import { serveMediaPorts } from './media-port';
import { IPC_EVENT, IPC_REQUEST } from '../shared/contract/ipc-channels';
import { allWindows, onRoleWindowsChanged, openRoleWindow, roleOf, roleWindows } from './windows';
import { followDisplays } from './displays';
import { hostOptionsFromSettings } from '../services/config/host-settings';
import { SettingsFileError } from '../services/config/settings-file';

const OPTIONS_FLAG = '--vigil-options=';

/** The options, and whether the keyring's place was chosen (else Electron's default applies). */
function readOptions(): { options: RuntimeOptions; keyringChosen: boolean } {
  // The keyring is Electron's own, beside its data and protected by safeStorage (not the browser host's file).
  const defaults = { ...defaultRuntimeOptions(), dataDir: app.getPath('userData'), keyringFile: path.join(app.getPath('userData'), KEYRING_FILE) };
  const arg = process.argv.find((a) => a.startsWith(OPTIONS_FLAG));
  // Started by `vigil start`, which already laid its flags over the settings file.
  if (arg) {
    const given = JSON.parse(Buffer.from(arg.slice(OPTIONS_FLAG.length), 'base64url').toString('utf8')) as Partial<RuntimeOptions>;
    return { options: { ...defaults, ...given }, keyringChosen: given.keyringFile !== undefined };
  }
  // Started from the desktop menu: the site's settings file, if any (throws when it is refused).
  const { options, effective } = hostOptionsFromSettings(defaults, process.argv);
  return { options, keyringChosen: effective.origins.keyringFile === 'settings file' };
}

app.enableSandbox();
registerAppScheme();
if (!app.requestSingleInstanceLock()) app.quit();

let runtime: Runtime | null = null;
let quitting = false;

async function start(): Promise<void> {
  let read: ReturnType<typeof readOptions>;
  try {
    read = readOptions();
  } catch (err) {
    if (!(err instanceof SettingsFileError)) throw err;
    // Refused before the data folder, the database or the log is opened: standard error (the
    // journal, for a desktop start) is the only record. A dialog would be kinder; not yet.
    console.error(`Vigil will not start: ${err.message}`);
    app.exit(2);
    return;
  }
  const { options, keyringChosen } = read;
  const preload = path.join(__dirname, 'preload.cjs');
  hardenAllContents();
  // Tiles are served once the runtime (and its map sources) exists; until then they answer 503.
  serveRenderer(path.join(__dirname, '..', 'renderer'), () => runtime);
  // Without an operating-system key store the keyring falls back to the browser host's: a 0600 file outside the data folder.
  const protector = safeStorageProtector();
  runtime = await startRuntime(protector || keyringChosen ? options : { ...options, keyringFile: defaultKeyringFile() }, {
    host: 'electron',
    ...(protector ? { keyProtector: protector } : {}),
    workerPath: path.join(__dirname, 'store-worker.cjs'),
    openWindow: async (role, monitor) => {
      const w = role === 'wall-output' ? { role, monitor: monitor ?? 'all' } : { role };
      const placed = await runtime?.workspace.placementOf(w);
      await openRoleWindow(w, preload, placed?.bounds ?? null);
    },
  });
  const rt = runtime;
  ipcMain.handle(IPC_REQUEST, (event, envelope: unknown) => {
    // Only the top frame of Vigil's own windows may call services; anything else gets nothing.
    const frame = event.senderFrame;
    const frameUrl = frame?.url ?? '';
    const role = roleOf(event.sender.id);
    if (!isTrustedSender({ frameUrl, isMainFrame: !!frame && frame.parent === null, knownWindow: role !== null }) || !role) {
      rt.log.warn({ frameUrl }, 'IPC from an unknown frame refused');
      return { kind: 'response', id: null, ok: false, error: { code: 'bad-request', message: 'sender not allowed' } };
    }
    return dispatch(envelope, rt.handlers, rt.log, `ipc:${role}`, `ipc-${event.sender.id}`, rt.gate);
  });
  // A window's console state (wall presence) ends with its page.
  app.on('web-contents-created', (_event, contents) => {
    const id = contents.id;
    contents.once('destroyed', () => rt.disconnected(`ipc-${id}`));
  });
  serveMediaPorts(rt.media, rt.log.child({ part: 'media-port' }));
  rt.bus.subscribe((event) => {
    if (!rt.gate.mayReceive(event.name)) return;
    for (const win of allWindows()) win.webContents.send(IPC_EVENT, event);
  });
  // The windows open when Vigil last ran (stopped or crashed) come back where they were; from now
  // on every open, close and move is kept — except the closing of them all as Vigil quits.
  await rt.workspace.restoreOpenWindows();
  onRoleWindowsChanged(() => {
    if (!quitting) rt.workspace.rememberOpen(roleWindows());
  });
  // Opens the console and every window the saved display roles ask for, each on its display.
  await followDisplays(rt.workspace, preload, rt.log.child({ part: 'displays' }));
  // Should the system report no usable display at all, the console still opens (default size).
  await openRoleWindow({ role: 'console' }, preload);
}

app.on('second-instance', () => {
  allWindows()[0]?.focus();
});
app.on('window-all-closed', () => app.quit());
app.on('before-quit', () => {
  quitting = true;
});
app.on('will-quit', (event) => {
  if (!runtime) return;
  event.preventDefault();
  const rt = runtime;
  runtime = null;
  void rt.close().finally(() => app.quit());
});

app.whenReady().then(start, (err: unknown) => {
  console.error('Vigil failed to start', err);
  app.exit(1);
});

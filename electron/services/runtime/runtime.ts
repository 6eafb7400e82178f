// Assembles the services both hosts share: logger, store worker, event bus, request handlers.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { startHub, type Hub } from '../../hub/hub';
import { readCameraFile } from '../../hub/camera-file';
import { SYNC_PROTOCOL } from '../../shared/sync/protocol';
import { connectSocketLink } from '../sync/socket-link';
import { SyncService } from '../sync/sync-service';
import type { HubStatus } from '../../shared/contract/status';
import type { WindowRole } from '../../shared/domain/identity';
import { EventBus } from '../api/event-bus';
import { createHandlers, type Handlers } from '../api/handlers';
import { createLogger, type Logger } from '../log/logger';
import { createOnlineTileProxy, type OnlineTileProxy } from '../maps/online-tiles';
import { createTileService, MAPS_FOLDER, type TileService } from '../maps/tile-service';
import { Store } from '../store/store';
import { defaultKeyringFile } from '../secrets/keyring-file';
import type { SecretBox } from '../secrets/secret-box';
import { filePermissionProtector, type KeyProtector } from '../secrets/key-protector';
import { hubSecretFile, openWorkstationSecrets, resolveHubSecret, settleCredentials } from '../secrets/workstation-secrets';
import { Workspace } from '../workspace/workspace';
import { MediaService } from '../video/media-service';
import { resolveCameraSource } from '../video/camera-source';
import { appRoot, loadNative } from '../native/addon';
import { wallLayoutEngine } from '../native/wall-layout';
import { WallService, type WallDeps } from '../wall/wall-service';
import { softwareDecoderFactory } from '../native/decoder';
import { actorOf, DATABASE_FILE, type RuntimeOptions } from './options';
import { VERSION } from './version';
import { DroneService } from '../drones/drone-service';
import { readDroneFile } from '../drones/drone-file';
import { demoDrone } from '../drones/demo-drone';
import { DEFAULT_MAINTENANCE, MaintenanceSchedule } from '../store/maintenance';
import { WindowStates } from '../workspace/window-states';
import { DEFAULT_LOG_ROTATION, logFile } from '../log/logger';
import { SessionService } from '../session/session-service';
import { createGate, type Gate } from '../api/gate';
import { DEMO_OPERATORS } from '../../hub/hub-operators';
import type { HubOperatorLink } from '../sync/hub-link';
import type { Actor } from '../../shared/domain/identity';

export interface Runtime {
  handlers: Handlers;
  bus: EventBus;
  store: Store;
  log: Logger;
  /** Offline map tiles from the MBTiles files in <data>/maps, served by both hosts under /tiles/. */
  maps: TileService;
  /** Camera streams for every window's video tiles (both hosts carry its channel). */
  media: MediaService;
  /** Tiles of the configured online sources, fetched by main, served by both hosts under /online-tiles/. */
  onlineTiles: OnlineTileProxy;
  /** A window or browser client has gone: services forget its per-console state (wall presence). */
  disconnected(connection: string): void;
  /** The workstation's displays and role windows; the Electron host attaches its windows to it. */
  workspace: Workspace;
  /** Seals and opens secrets kept at rest (services/secrets/secret-box.ts); main only, never a window. */
  secrets: SecretBox;
  /** Who is signed in at this workstation (every window follows it). */
  session: SessionService;
  /** The role check every request passes in dispatch. */
  gate: Gate;
  close(): Promise<void>;
}

export interface RuntimeHost {
  host: 'electron' | 'browser';
  /** Path of the bundled store worker (dist/electron/store-worker.cjs). */
  workerPath: string;
  /** `monitor` only for a wall output: which monitor it shows ('all' when absent). */
  openWindow(role: WindowRole, monitor?: string): Promise<void>;
  stderrLogs?: boolean;
  /** How the keyring's keys are protected: Electron's safeStorage, or (default) the file's permissions. */
  keyProtector?: KeyProtector;
}

export async function startRuntime(options: RuntimeOptions, host: RuntimeHost): Promise<Runtime> {
  const startedAt = Date.now();
  const rotation = { ...DEFAULT_LOG_ROTATION, ...options.log };
  const log = createLogger({ dir: path.join(options.dataDir, 'logs'), stderr: host.stderrLogs ?? true, rotation });
  // The actor of every action is whoever is signed in now; before anyone is, the workstation's
  // OS user (what the actor was before sign-in existed) — only system actions can happen then.
  const idleActor = actorOf(options);
  let session: SessionService | null = null;
  const actor = liveActor(idleActor, () => session?.actor() ?? idleActor);
  const keyringFile = options.keyringFile ?? defaultKeyringFile();
  const databaseFile = path.join(options.dataDir, DATABASE_FILE);
  const secrets = openWorkstationSecrets(keyringFile, databaseFile, host.keyProtector ?? filePermissionProtector);
  if (options.hubUrl && !options.hubSecret && !fs.existsSync(hubSecretFile(options.dataDir))) {
    throw new Error(`--hub needs this workstation's secret at the hub: set VIGIL_HUB_SECRET once, or store it with \`vigil secret set-hub --data ${options.dataDir}\``);
  }
  const store = await Store.start(host.workerPath, databaseFile, secrets.storeKeys);
  const opened = store.opened;
  let secret: string | null;
  try {
    // A damaged database cannot be asked what it sealed: the new keyring (if any) is kept as it is.
    if (opened.state === 'ready') await settleCredentials(store, secrets, keyringFile, log);
    else secrets.pending?.();
    // This workstation's secret at the hub: from VIGIL_HUB_SECRET (then stored sealed) or as stored.
    secret = options.hubUrl ? resolveHubSecret(options.dataDir, secrets.box, options.hubSecret, log) : null;
  } catch (err) {
    await store.close();
    throw err;
  }
  if (opened.state === 'ready') {
    await store.call('registerOperator', { actor });
    log.info({ store: opened, host: host.host, version: VERSION }, 'services started');
  } else {
    // The operator decides what happens to a damaged database (store.recover); until then
    // every data request answers store-unavailable and the console shows why.
    log.error({ store: opened }, 'database cannot be used');
  }
  const bus = new EventBus();
  const maps = createTileService(path.join(options.dataDir, MAPS_FOLDER), {
    onUnusable: (file, err) => log.warn({ file, err: err instanceof Error ? err.message : String(err) }, 'map file in the maps folder cannot be used'),
  });
  const onlineTiles = createOnlineTileProxy({
    userAgent: `Vigil/${VERSION} (city command-centre workstation)`,
    onFailure: (source, reason) => log.warn({ source, reason }, 'online tile source failing; the bundled map shows beneath'),
  });
  if (opened.state === 'ready') onlineTiles.setSources((await store.call('getMapSettings', { workstationId: actor.workstationId })).onlineSources);

  // No city platform configured: run the reference hub here, with a simulated city, so the
  // workstation behaves exactly as it will against a real hub (the demo).
  let embedded: Hub | null = null;
  if (!options.hubUrl) {
    secret = randomBytes(24).toString('base64url');
    embedded = await startHub({
      dataDir: path.join(options.dataDir, 'hub'),
      host: '127.0.0.1',
      port: 0,
      workstations: [{ id: actor.workstationId, secret }],
      operators: DEMO_OPERATORS,
      simulator: { incidentsPerHour: options.demo.incidentsPerHour, cameras: options.demo.cameras },
      drones: { klv: options.demo.drones === 'all', hub: options.demo.drones === 'all' || options.demo.drones === 'hub' },
      cameras: options.demo.cameraFile ? readCameraFile(options.demo.cameraFile) : [],
      log: log.child({ part: 'hub' }),
    });
    log.info({ hub: embedded.url }, 'embedded demo hub started');
  }
  const url = options.hubUrl ?? embedded!.url;
  let sync: SyncService | null = null;
  let operatorLink: HubOperatorLink | null = null;
  const idle: HubStatus = { configured: true, embedded: !!embedded, url, state: 'connecting', problem: null, lastSyncAt: null, pendingActions: 0, rejectedActions: 0, bootstrap: null, clockSkewMs: null };

  // Drones: the drone file's and the demo's from the start, the hub's records from the store now
  // and whenever the video_points stream (which carries them) changes.
  const drones = startDrones(options, bus, log.child({ part: 'drones' }));
  let shownDrones = '';
  let reloading = Promise.resolve();
  const reloadDrones = (): Promise<void> =>
    (reloading = reloading
      .then(async () => {
        if ((await store.call('status')).state !== 'ready') return;
        drones.setRecords(await store.call('droneSources'));
        const list = drones.list();
        if (JSON.stringify(list) === shownDrones) return;
        shownDrones = JSON.stringify(list);
        bus.emit('drones.changed', { drones: list });
      })
      .catch((err: unknown) => log.error({ err }, 'drone records could not be read')));
  bus.subscribe((e) => {
    if (e.name === 'videoPoints.changed') void reloadDrones();
  });
  await reloadDrones();

  /** Sync runs only on a usable database; a recovered one is a new client and starts it then. */
  let authOnlyLink: (HubOperatorLink & { close(): void }) | null = null;
  async function ensureSync(): Promise<void> {
    if (sync) return;
    if ((await store.call('status')).state !== 'ready') {
      // No usable database, so no sync; operators must still be able to sign in (to recover it):
      // a link of its own for sign-in only, until sync starts.
      authOnlyLink ??= connectSocketLink({ url, hello: { protocol: SYNC_PROTOCOL, workstationId: actor.workstationId, secret: secret ?? '', clientId: `signin-${randomBytes(8).toString('hex')}` }, log: log.child({ part: 'sign-in' }) });
      operatorLink = authOnlyLink;
      return;
    }
    authOnlyLink?.close();
    authOnlyLink = null;
    const clientId = await store.call('syncClientId');
    const link = connectSocketLink({ url, hello: { protocol: SYNC_PROTOCOL, workstationId: actor.workstationId, secret: secret ?? '', clientId }, log: log.child({ part: 'sync' }) });
    link.onDronePosition?.((p) => drones.hubPosition(p));
    operatorLink = link;
    sync = new SyncService({ store, link, bus, log: log.child({ part: 'sync' }), url, embedded: !!embedded });
    sync.start();
  }
  await ensureSync();
  session = new SessionService({ store, bus, log: log.child({ part: 'session' }), workstationId: actor.workstationId, idleActor, hub: () => operatorLink });
  const gate = createGate(session, store, log.child({ part: 'gate' }));

  const policy = {
    intervalMs: Math.round((options.maintenance?.backupEveryHours ?? DEFAULT_MAINTENANCE.intervalMs / 3_600_000) * 3_600_000),
    keep: options.maintenance?.backupsKept ?? DEFAULT_MAINTENANCE.keep,
  };
  const maintenance = new MaintenanceSchedule({
    store,
    actor: { operatorId: 'system:maintenance', operatorName: 'Vigil', workstationId: actor.workstationId },
    policy,
    log: log.child({ part: 'maintenance' }),
    // A failed check shows on every window through the store status.
    onRun: () => void store.call('status').then((s) => bus.emit('store.status', s), () => undefined),
  });
  const scheduled = options.maintenance?.schedule ?? true;
  if (scheduled && opened.state === 'ready') await maintenance.start();
  // A database recovered or restored after a damaged start gets its schedule then.
  bus.subscribe((e) => {
    if (scheduled && e.name === 'store.status' && (e.payload as { state: string }).state === 'ready') void maintenance.start().catch(() => undefined);
  });
  const windowStates = new WindowStates({ store, actor, log: log.child({ part: 'window-state' }) });
  let media: MediaService | null = null;

  let wall: WallService | null = null;
  const workspace = new Workspace({ store, bus, log: log.child({ part: 'workspace' }), actor, configured: options.displays ?? null });
  const handlers = createHandlers({
    store,
    bus,
    log,
    actor,
    host: host.host,
    version: VERSION,
    hub: () => sync?.current() ?? idle,
    sync: {
      kick: () => (sync ? sync.kick() : void ensureSync().catch((err: unknown) => log.error({ err }, 'sync could not start'))),
      refreshCounts: async () => sync?.refreshCounts(),
    },
    openWindow: host.openWindow,
    wall: () => wall,
    onlineTiles,
    mapsDir: path.join(options.dataDir, MAPS_FOLDER),
    workspace,
    drones: { list: () => drones.list(), telemetry: () => drones.telemetry(), reload: reloadDrones },
    running: {
      dataDir: options.dataDir,
      startedAt,
      log: { file: logFile(path.join(options.dataDir, 'logs')), maxSize: rotation.maxSize, maxFiles: rotation.maxFiles },
      windowStates,
      maintenance,
      policy,
      media: () => media,
      async withSyncStopped(work) {
        await sync?.stop();
        sync = null;
        try {
          return await work();
        } finally {
          await ensureSync().catch((err: unknown) => log.error({ err }, 'sync could not start'));
        }
      },
    },
    session,
  });
  const videoLog = log.child({ part: 'video' });
  const softwareDecoder = softwareDecoderFactory(appRoot(), (why) => videoLog.warn({ why }, 'no software decoder: windows without a codec will say so'));
  media = new MediaService({
    // Drone ids name the drone's feed, read once by the drone service; every other id is a camera.
    resolve: async (id, quality) => drones.source(id) ?? resolveCameraSource(store, id, quality),
    log: videoLog,
    mayWatch: () => session?.role() != null,
    ...(softwareDecoder ? { softwareDecoder } : {}),
  });
  wall = await startWall({ store, bus, log: log.child({ part: 'wall' }), actor });
  return {
    handlers,
    bus,
    store,
    log,
    maps,
    media,
    onlineTiles,
    disconnected(connection) {
      wall?.disconnected(connection);
    },
    workspace,
    secrets: secrets.box,
    session,
    gate,
    async close() {
      session?.close();
      maintenance.stop();
      await windowStates.flush();
      await workspace.flushRemembered();
      wall?.close();
      media?.close();
      drones.close();
      await sync?.stop();
      authOnlyLink?.close();
      await embedded?.close();
      maps.close();
      await store.close();
      log.info('services stopped');
      log.flush();
    },
  };
}

/** The drones of `--drone-file` and `--demo-drone`; a drone file that cannot be read stops the start with its reason. */
function startDrones(options: RuntimeOptions, bus: EventBus, log: Logger): DroneService {
  const entries = options.drones?.file ? readDroneFile(options.drones.file) : [];
  if (options.drones?.demo) {
    try {
      entries.push(demoDrone(path.join(options.dataDir, 'drones')));
    } catch (err) {
      log.error({ err: err instanceof Error ? err.message : String(err) }, 'demo drone could not be made (is ffmpeg installed?)');
    }
  }
  return new DroneService({ drones: entries, publish: (t) => bus.emit('drones.telemetry', t), log });
}

/** The wall needs the native layout engine; without it the wall view says why instead of failing silently. */
async function startWall(d: Omit<WallDeps, 'engine' | 'problem'>): Promise<WallService> {
  try {
    return await WallService.start({ ...d, engine: wallLayoutEngine(loadNative(appRoot())) });
  } catch (err) {
    const problem = err instanceof Error ? err.message : String(err);
    d.log.error({ problem }, 'wall layout engine unavailable');
    return WallService.start({ ...d, engine: null, problem });
  }
}

/** An actor whose operator is read at each use, so services holding it follow sign-in and hand-over. */
function liveActor(idle: Actor, current: () => Actor): Actor {
  const a = { workstationId: idle.workstationId } as Actor;
  Object.defineProperty(a, 'operatorId', { enumerable: true, get: () => current().operatorId });
  Object.defineProperty(a, 'operatorName', { enumerable: true, get: () => current().operatorName });
  return a;
}

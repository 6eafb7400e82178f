// One handler per request of the contract. Handlers receive params already validated by the
// dispatcher and are host-agnostic: the Electron and browser hosts share them unchanged.
import type { Method, Params, Result } from '../../shared/contract/requests';
import type { HubStatus } from '../../shared/contract/status';
import type { Actor, WindowRole } from '../../shared/domain/identity';
import type { Logger } from '../log/logger';
import { randomBytes } from 'node:crypto';
import { ServiceError } from '../../shared/contract/errors';
import { MAX_ONLINE_SOURCES, OnlineTileSource, type MapSettings } from '../../shared/domain/tile-source';
import { importMbtiles } from '../maps/import';
import type { OnlineTileProxy } from '../maps/online-tiles';
import { MbtilesError } from '../maps/mbtiles';
import type { Store } from '../store/store';
import type { EventBus } from './event-bus';
import type { WallService } from '../wall/wall-service';
import type { Workspace } from '../workspace/workspace';
import { runningHandlers, type RunningDeps } from './running-handlers';
import type { SessionService } from '../session/session-service';

export interface ServiceDeps {
  store: Store;
  bus: EventBus;
  log: Logger;
  actor: Actor;
  host: 'electron' | 'browser';
  version: string;
  hub: () => HubStatus;
  /** Sync with the hub, when there is one: told after each local action so it uploads at once. */
  sync: { kick(): void; refreshCounts(): Promise<void> } | null;
  /** Where imported offline maps live (<data>/maps); the tile service serves what is there. */
  mapsDir: string;
  /** Fetches the tiles of the configured online sources for the windows; told whenever they change. */
  onlineTiles: Pick<OnlineTileProxy, 'setSources'>;
  /** The video wall; null until it has started (its requests then answer unavailable). */
  wall: () => WallService | null;
  /** Opens a window of a role: a BrowserWindow in Electron, an app window or nothing in a browser. */
  openWindow: (role: WindowRole, monitor?: string) => Promise<void>;
  /** The workstation's displays, their roles and where the role windows go. */
  workspace: Workspace;
  /** The drones this workstation receives (services/drones); absent: none. */
  drones?: { list(): Result<'drones.list'>['drones']; telemetry(): Result<'drones.list'>['telemetry']; reload?(): Promise<void> };
  /** Window state, diagnostics, backups (running-handlers.ts). */
  running: RunningDeps;
  /** Who is signed in at this workstation; `actor` above follows it. */
  session: SessionService;
}

/** Which window or browser client asked (one connection each). */
export type Caller = { connection: string };

export type Handlers = { [M in Method]: (params: Params<M>, caller: Caller) => Promise<Result<M>> };

export function createHandlers(d: ServiceDeps): Handlers {
  /** After an operator action: every window sees it at once (pending), and sync sends it. */
  async function acted(incidentIds: string[], unitIds: string[] = []): Promise<void> {
    d.bus.emit('incidents.changed', { upserted: await d.store.call('incidentsByIds', { ids: incidentIds }) });
    d.bus.emit('chronology.changed', { incidentIds });
    if (unitIds.length) {
      const wanted = new Set(unitIds);
      d.bus.emit('units.changed', { upserted: (await d.store.call('listUnits')).filter((u) => wanted.has(u.id)) });
    }
    d.sync?.kick();
    await d.sync?.refreshCounts();
  }

  /** After a change of map settings: main's tile proxy and every window follow at once. */
  async function mapsChanged(): Promise<MapSettings> {
    const settings = await d.store.call('getMapSettings', { workstationId: d.actor.workstationId });
    d.onlineTiles.setSources(settings.onlineSources);
    d.bus.emit('maps.settings', settings);
    return settings;
  }

  return {
    'session.get': async () => {
      const store = await d.store.call('status');
      const language = store.state === 'ready' ? await d.store.call('getLanguage', { workstationId: d.actor.workstationId }) : null;
      return { actor: d.actor, signIn: d.session.state(), host: d.host, language: language ?? 'zh-CN', version: d.version, store, hub: d.hub() };
    },
    'session.signIn': (p) => d.session.signIn(p.username, p.password),
    'session.signOut': async () => {
      await d.session.signOut();
      return {};
    },
    'session.handOver': (p) => d.session.handOver(p.username, p.password, p.note),
    'audit.list': (p) => d.store.call('listAudit', p),
    'audit.export': async (p) => {
      const { csv, rows } = await d.store.call('exportAudit', p);
      // The export itself is an action worth knowing about: who took the log away, and which part.
      await d.store.call('audit', { actor: d.actor, action: 'audit.export', details: { ...p, rows } });
      const stamp = new Date().toISOString().slice(0, 19).replace(/[-:T]/g, '');
      return { fileName: `vigil-audit-${d.actor.workstationId}-${stamp}.csv`, csv, rows };
    },
    'incidents.list': (p) => d.store.call('listIncidents', p),
    'incidents.create': async (p) => {
      const incident = await d.store.call('createIncident', { actor: d.actor, input: p });
      d.log.info({ action: 'incident.create', incident: incident.id, type: incident.type }, 'incident created');
      await acted([incident.id]);
      return incident;
    },
    'incidents.setStatus': async (p) => {
      const incident = await d.store.call('setStatus', { actor: d.actor, id: p.id, to: p.to });
      d.log.info({ action: 'incident.status', incident: p.id, to: p.to }, 'incident status changed');
      await acted([p.id]);
      return incident;
    },
    'incidents.addNote': async (p) => {
      await d.store.call('addNote', { actor: d.actor, id: p.id, text: p.text });
      await acted([p.id]);
      return {};
    },
    'incidents.assignUnit': async (p) => {
      await d.store.call('assignment', { actor: d.actor, kind: 'incident.assign', id: p.id, unitId: p.unitId });
      await acted([p.id], [p.unitId]);
      return {};
    },
    'incidents.releaseUnit': async (p) => {
      await d.store.call('assignment', { actor: d.actor, kind: 'incident.release', id: p.id, unitId: p.unitId });
      await acted([p.id], [p.unitId]);
      return {};
    },
    'incidents.chronology': (p) => d.store.call('chronology', { id: p.id }),
    'incidents.plan': (p) => d.store.call('incidentPlan', { id: p.id }),
    'incidents.planStep': async (p) => {
      await d.store.call('planStep', { actor: d.actor, id: p.id, ordinal: p.ordinal, outcome: p.outcome });
      await acted([p.id]);
      return {};
    },
    'units.list': () => d.store.call('listUnits'),
    'maps.import': async (p) => {
      try {
        const imported = await importMbtiles(p.path, d.mapsDir);
        await d.store.call('audit', { actor: d.actor, action: 'maps.import', details: { from: p.path, to: imported.fileName } });
        d.log.info({ action: 'maps.import', from: p.path, to: imported.fileName }, 'offline map imported');
        return { ok: true, id: imported.fileName.replace(/\.mbtiles$/i, ''), name: imported.metadata.name, fileName: imported.fileName };
      } catch (err) {
        if (!(err instanceof MbtilesError)) throw err;
        d.log.warn({ action: 'maps.import', from: p.path, reason: err.reason, message: err.message }, 'offline map refused');
        return { ok: false, reason: err.reason, message: err.message };
      }
    },
    'maps.settings': () => d.store.call('getMapSettings', { workstationId: d.actor.workstationId }),
    'maps.saveOnlineSource': async (p) => {
      const { onlineSources } = await d.store.call('getMapSettings', { workstationId: d.actor.workstationId });
      const source = OnlineTileSource.parse({ ...p, id: p.id ?? `src-${randomBytes(4).toString('hex')}` });
      const at = onlineSources.findIndex((s) => s.id === source.id);
      if (at < 0 && onlineSources.length >= MAX_ONLINE_SOURCES) throw new ServiceError('bad-request', `at most ${MAX_ONLINE_SOURCES} online tile sources`);
      const next = at < 0 ? [...onlineSources, source] : onlineSources.map((s, i) => (i === at ? source : s));
      await d.store.call('setOnlineSources', { actor: d.actor, sources: next });
      // The address may hold a key (Tianditu's tk): the log gets the host only.
      d.log.info({ action: 'maps.online-source', id: source.id, host: new URL(source.urlTemplate.replace(/\{s\}/g, 'x')).host, datum: source.datum }, 'online tile source saved');
      return mapsChanged();
    },
    'maps.removeOnlineSource': async (p) => {
      const { onlineSources, basemap } = await d.store.call('getMapSettings', { workstationId: d.actor.workstationId });
      if (!onlineSources.some((s) => s.id === p.id)) throw new ServiceError('not-found', `no online tile source ${p.id}`);
      await d.store.call('setOnlineSources', { actor: d.actor, sources: onlineSources.filter((s) => s.id !== p.id) });
      if (basemap?.kind === 'online' && basemap.id === p.id) await d.store.call('setBasemap', { actor: d.actor, basemap: null });
      return mapsChanged();
    },
    'maps.setBasemap': async (p) => {
      if (p.basemap?.kind === 'online') {
        const id = p.basemap.id;
        const { onlineSources } = await d.store.call('getMapSettings', { workstationId: d.actor.workstationId });
        if (!onlineSources.some((s) => s.id === id)) throw new ServiceError('not-found', `no online tile source ${id}`);
      }
      await d.store.call('setBasemap', { actor: d.actor, basemap: p.basemap });
      return mapsChanged();
    },
    'sync.status': async () => d.hub(),
    'sync.rejections': () => d.store.call('listRejections'),
    'sync.dismissRejection': async (p) => {
      await d.store.call('dismissRejection', { actor: d.actor, mutationId: p.mutationId });
      d.bus.emit('sync.rejections', { rejections: await d.store.call('listRejections') });
      await d.sync?.refreshCounts();
      return {};
    },
    'videoPoints.list': (p) => d.store.call('listVideoPoints', p),
    ...wallHandlers(d),
    'workspace.setLanguage': async (p) => {
      await d.store.call('setLanguage', { actor: d.actor, language: p.language });
      d.bus.emit('workspace.language', { language: p.language });
      return {};
    },
    'windows.open': async (p) => {
      await d.openWindow(p.role, p.monitor);
      return {};
    },
    'store.status': () => d.store.call('status'),
    'store.recover': async () => {
      const before = await d.store.call('status');
      const status = await d.store.call('recover', { actor: d.actor });
      const movedTo = status.state === 'ready' ? status.movedAside : undefined;
      d.log.warn({ action: 'store.recover', before, movedTo, after: status.state }, 'damaged database moved aside at operator request');
      // A fresh database is a new client to the hub: sync downloads everything again.
      if (status.state === 'ready') {
        d.sync?.kick();
        await mapsChanged();
      }
      d.bus.emit('store.status', status);
      return status;
    },
    // Multi-monitor workspace
    'workspace.displays': () => d.workspace.state(),
    'workspace.setDisplayRoles': (p) => d.workspace.setRoles(p.displays),
    'workspace.reportDisplays': (p) => d.workspace.setDisplays(p.source, p.displays),
    // Drones
    'drones.list': async () => ({ drones: d.drones?.list() ?? [], telemetry: d.drones?.telemetry() ?? [] }),
    ...runningHandlers(d, d.running),
    'drones.save': async (p) => {
      const drone = await d.store.call('saveDrone', { actor: d.actor, edit: p });
      d.log.info({ action: 'drone.update', drone: p.id, telemetry: p.telemetry, streamChanged: p.streamUrl !== undefined }, 'drone record edited');
      // Main's drone service follows the edit at once (offline too); windows hear drones.changed.
      await d.drones?.reload?.();
      d.sync?.kick();
      await d.sync?.refreshCounts();
      return { drone };
    },
  };
}

function wallHandlers(d: ServiceDeps): Pick<Handlers, Extract<Method, `wall.${string}`>> {
  const wall = (): WallService => {
    const w = d.wall();
    if (!w) throw new ServiceError('unavailable', 'the wall service has not started');
    return w;
  };
  return {
    'wall.join': async (p, c) => wall().join(c.connection, p.console),
    'wall.state': async () => wall().state(),
    'wall.focus': async (p, c) => {
      wall().focus(c.connection, p.window);
      return {};
    },
    'wall.edit': (p, c) => wall().edit(c.connection, p),
    'wall.push': (p, c) => wall().push(c.connection, p.slot, p.source),
    'wall.setModel': (p, c) => wall().setModel(c.connection, p.wall),
    'wall.savePreset': (p, c) => wall().savePreset(c.connection, p),
    'wall.schedulePreset': (p) => wall().schedulePreset(p),
    'wall.recallPreset': (p, c) => wall().recallPreset(c.connection, p),
    'wall.removePreset': (p) => wall().removePreset(p.id),
    'wall.saveTour': (p) => wall().saveTour(p.tour),
    'wall.removeTour': (p) => wall().removeTour(p.id),
    'wall.startTour': (p, c) => wall().startTour(c.connection, p.id),
    'wall.stopTour': (p) => wall().stopTour(p.id),
    'wall.setAlarmRoute': (p) => wall().setAlarmRoute(p.route),
  };
}

// One handler per request of the contract. Handlers receive params already validated by the
// dispatcher and are host-agnostic: the Electron and browser hosts share them unchanged.
import type { Method, Params, Result } from '../../shared/contract/requests';
import type { HubStatus } from '../../shared/contract/status';
import type { Actor, WindowRole } from '../../shared/domain/identity';
import type { Logger } from '../log/logger';
import type { Store } from '../store/store';
import type { EventBus } from './event-bus';

export interface ServiceDeps {
  store: Store;
  bus: EventBus;
  log: Logger;
  actor: Actor;
  host: 'electron' | 'browser';
  version: string;
  hub: () => HubStatus;
  /** Opens a window of a role: a BrowserWindow in Electron, an app window or nothing in a browser. */
  openWindow: (role: WindowRole) => Promise<void>;
}

export type Handlers = { [M in Method]: (params: Params<M>) => Promise<Result<M>> };

export function createHandlers(d: ServiceDeps): Handlers {
  return {
    'session.get': async () => {
      const store = await d.store.call('status');
      const language = store.state === 'ready' ? await d.store.call('getLanguage', { workstationId: d.actor.workstationId }) : null;
      return { actor: d.actor, host: d.host, language: language ?? 'zh-CN', version: d.version, store, hub: d.hub() };
    },
    'incidents.list': (p) => d.store.call('listIncidents', p),
    'incidents.create': async (p) => {
      const incident = await d.store.call('createIncident', { actor: d.actor, input: p });
      d.log.info({ action: 'incident.create', incident: incident.id, type: incident.type }, 'incident created');
      d.bus.emit('incidents.changed', { upserted: [incident] });
      return incident;
    },
    'videoPoints.list': (p) => d.store.call('listVideoPoints', p),
    'workspace.setLanguage': async (p) => {
      await d.store.call('setLanguage', { actor: d.actor, language: p.language });
      d.bus.emit('workspace.language', { language: p.language });
      return {};
    },
    'windows.open': async (p) => {
      await d.openWindow(p.role);
      return {};
    },
    'store.status': () => d.store.call('status'),
    'store.recover': async () => {
      const before = await d.store.call('status');
      const status = await d.store.call('recover', { actor: d.actor });
      const movedTo = status.state === 'ready' ? status.movedAside : undefined;
      d.log.warn({ action: 'store.recover', before, movedTo, after: status.state }, 'damaged database moved aside at operator request');
      if (status.state === 'ready') await d.store.call('seedDemoIfNew', { actor: d.actor });
      d.bus.emit('store.status', status);
      return status;
    },
  };
}

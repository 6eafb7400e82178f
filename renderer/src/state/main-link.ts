// Keeps the console state in step with main: loads the session and rows when the link opens
// (again), follows pushed events, and carries the operator's actions to main.
import type { Language } from '../../../electron/shared/domain/identity';
import { applyLanguage } from '../i18n/i18n';
import { RequestError, type Transport } from '../transport/transport';
import { useConsole } from './console-store';

export interface MainLink {
  toggleLanguage(): Promise<void>;
  recoverStore(): Promise<void>;
}

export function linkToMain(transport: Transport): MainLink {
  const state = useConsole.getState;

  async function loadRows(): Promise<void> {
    try {
      const [incidents, videoPoints] = await Promise.all([
        transport.request('incidents.list', { limit: 5000 }),
        transport.request('videoPoints.list', { limit: 50000 }),
      ]);
      state().replaceIncidents(incidents);
      state().setVideoPoints(videoPoints);
      if (state().notice?.kind === 'load-failed') state().setNotice(null);
    } catch (e) {
      state().setNotice({ kind: 'load-failed', code: e instanceof RequestError ? e.code : 'internal' });
    }
  }

  async function loadSession(): Promise<void> {
    const session = await transport.request('session.get', {});
    state().setSession(session);
    await applyLanguage(session.language);
    if (session.store.state === 'ready') await loadRows();
  }

  transport.onLinkState((link) => {
    state().setLink(link);
    if (link === 'open') loadSession().catch((e: unknown) => state().setNotice({ kind: 'load-failed', code: e instanceof RequestError ? e.code : 'internal' }));
  });
  transport.on('incidents.changed', (p) => state().upsertIncidents(p.upserted));
  transport.on('hub.status', (hub) => state().setHub(hub));
  transport.on('workspace.language', (p) => {
    state().setLanguage(p.language);
    void applyLanguage(p.language);
  });
  transport.on('store.status', (store) => {
    const was = state().store?.state;
    state().setStore(store);
    if (store.state === 'ready' && was !== 'ready') void loadRows();
  });

  return {
    async toggleLanguage() {
      const next: Language = state().language === 'zh-CN' ? 'en' : 'zh-CN';
      // Shown at once; main saves it for the workstation and tells every other window.
      state().setLanguage(next);
      await applyLanguage(next);
      await transport.request('workspace.setLanguage', { language: next });
    },
    async recoverStore() {
      try {
        const store = await transport.request('store.recover', { confirm: true });
        state().setStore(store);
        if (store.state === 'ready') {
          if (store.movedAside) state().setNotice({ kind: 'recovered', path: store.movedAside });
          await loadRows();
        }
      } catch (e) {
        state().setNotice({ kind: 'recover-failed', message: e instanceof Error ? e.message : String(e) });
      }
    },
  };
}

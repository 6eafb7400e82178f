// A Vigil window: the same code in Electron (IPC through the preload) and in a browser
// (WebSocket to the browser host). See docs/architecture.md.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n/i18n';
import { App } from './shell/App';
import { linkToMain } from './state/main-link';
import { connect } from './transport/connect';
import { useConsole } from './state/console-store';
import { viewOfRole, windowRole } from './shell/window-role';
import './styles/app.css';
import './styles/video.css';

await initI18n();
useConsole.getState().setView(viewOfRole(windowRole(location.search)));
const main = linkToMain(connect());
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App main={main} />
  </StrictMode>,
);

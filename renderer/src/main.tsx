// A Vigil window: the same code in Electron (IPC through the preload) and in a browser
// (WebSocket to the browser host). See docs/architecture.md.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n/i18n';
import { App } from './shell/App';
import { linkToMain } from './state/main-link';
import { connect } from './transport/connect';
import { followWall } from './wall-output/follow-wall';
import { WallOutput } from './wall-output/WallOutput';
import { WallContext } from './wall/wall-context';
import { linkToWall } from './wall/wall-link';
import { useConsole } from './state/console-store';
import { viewOfRole, windowRole } from './shell/window-role';
import { linkWindowState } from './state/window-state-link';
import { signedInView } from './state/signed-in-view';
import './styles/app.css';
import './styles/video.css';
import './styles/wall.css';

await initI18n();
const transport = connect();
const main = linkToMain(transport);
// The wall's parts join and load only once someone is signed in at the workstation.
const operatorLink = signedInView(transport);
const query = new URLSearchParams(location.search);
const role = windowRole(location.search);
const root = createRoot(document.getElementById('root')!);
if (role === 'wall-output') {
  // A wall output draws the wall and never edits it: no console around it, and it does not join.
  followWall(operatorLink);
  root.render(
    <StrictMode>
      <WallOutput monitor={query.get('monitor')} />
    </StrictMode>,
  );
} else {
  useConsole.getState().setView(viewOfRole(role));
  linkWindowState(transport, role);
  const wall = linkToWall(operatorLink);
  root.render(
    <StrictMode>
      <WallContext.Provider value={wall}>
        <App main={main} />
      </WallContext.Provider>
    </StrictMode>,
  );
}

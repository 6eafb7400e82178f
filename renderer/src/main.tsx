// A Vigil window: the same code in Electron (IPC through the preload) and in a browser
// (WebSocket to the browser host). See docs/architecture.md.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n/i18n';
import { App } from './shell/App';
import { linkToMain } from './state/main-link';
import { connect } from './transport/connect';
import { WallContext } from './wall/wall-context';
import { linkToWall } from './wall/wall-link';
import './styles/app.css';
import './styles/video.css';
import './styles/wall.css';

await initI18n();
const transport = connect();
const main = linkToMain(transport);
const wall = linkToWall(transport);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <WallContext.Provider value={wall}>
      <App main={main} />
    </WallContext.Provider>
  </StrictMode>,
);

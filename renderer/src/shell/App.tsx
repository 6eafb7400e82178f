import { useCallback } from 'react';
import { PairingRefused } from '../screens/PairingRefused';
import { Connecting } from '../screens/Connecting';
import { StoreDamaged } from '../screens/StoreDamaged';
import { useConsole, type View } from '../state/console-store';
import type { MainLink } from '../state/main-link';
import { IncidentForm } from '../views/IncidentForm';
import { IncidentsView } from '../views/IncidentsView';
import { MapView } from '../views/MapView';
import { VideoView } from '../views/VideoView';
import { WallView } from '../views/WallView';
import { DiagnosticsView } from '../views/DiagnosticsView';
import { AuditView } from '../views/AuditView';
import { SignIn } from '../screens/SignIn';
import { Header } from './Header';
import { MainContext } from './main-context';
import { Nav } from './Nav';
import { ArrivalAlerts } from './ArrivalAlerts';
import { ExerciseBanner } from './ExerciseBanner';
import { NoticeBar } from './NoticeBar';
import { RejectionsPanel } from './RejectionsPanel';
import { useGlobalShortcuts } from './shortcuts';
import { SyncBanners } from './SyncBanners';

const VIEW_COMPONENTS: Record<View, () => React.JSX.Element> = {
  incidents: IncidentsView,
  map: MapView,
  video: VideoView,
  wall: WallView,
  diagnostics: DiagnosticsView,
  audit: AuditView,
};

export function App({ main }: { main: MainLink }) {
  const link = useConsole((s) => s.link);
  const session = useConsole((s) => s.session);
  const store = useConsole((s) => s.store);
  const view = useConsole((s) => s.view);
  const creating = useConsole((s) => s.creatingIncident);
  const toggleLanguage = useCallback(() => void main.toggleLanguage(), [main]);
  useGlobalShortcuts(toggleLanguage);

  if (link === 'refused') return <PairingRefused />;
  if (!session) return <Connecting />;
  // Nobody signed in at this workstation: the sign-in screen, before anything of the city.
  if (!session.signIn.operator) return <SignIn onSignIn={(u, p) => main.signIn(u, p)} onToggleLanguage={toggleLanguage} />;
  const Current = VIEW_COMPONENTS[view];
  return (
    <MainContext.Provider value={main}>
      <div className="app">
        <Header onToggleLanguage={toggleLanguage} />
        <Nav />
        <NoticeBar />
        <SyncBanners />
        <ArrivalAlerts />
        <ExerciseBanner />
        {store?.state === 'damaged' ? (
          <StoreDamaged status={store} onRecover={() => main.recoverStore()} />
        ) : (
          <>
            <RejectionsPanel />
            <Current />
            {/* Outside the views so a draft survives switching views while it is open. */}
            {creating && <IncidentForm />}
          </>
        )}
      </div>
    </MainContext.Provider>
  );
}

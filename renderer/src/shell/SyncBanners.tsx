import { useTranslation } from 'react-i18next';
import { useConsole } from '../state/console-store';
import { clockSkew, isHubUnreachable } from '../state/hub-health';

/**
 * Said plainly, across the window: the command centre cannot be reached (and what that means
 * for the operator's work), or the two clocks disagree enough to mislead.
 */
export function SyncBanners() {
  const { t } = useTranslation();
  const hub = useConsole((s) => s.hub);
  if (!hub) return null;
  const skew = clockSkew(hub.clockSkewMs);
  return (
    <>
      {isHubUnreachable(hub.state) && (
        <div className="notice tone-warn" role="alert" data-testid="offline-banner" data-state={hub.state}>
          <span>
            {t('sync.offlineBanner', { count: hub.pendingActions })}
            {hub.problem && <span className="notice-detail"> {t('sync.offlineReason', { problem: t(`sync.problem.${hub.problem}`) })}</span>}
          </span>
        </div>
      )}
      {skew && (
        <div className="notice tone-warn" role="alert" data-testid="clock-skew">
          <span>{skew.localAhead ? t('sync.clockAhead', { minutes: skew.minutes }) : t('sync.clockBehind', { minutes: skew.minutes })}</span>
        </div>
      )}
    </>
  );
}

import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../electron/shared/domain/incident';
import { isFinal } from '../../../electron/shared/domain/incident-lifecycle';
import { formatDuration } from '../format/locale';
import { useNow } from '../shell/use-now';
import { useConsole } from '../state/console-store';

/**
 * How long the incident has been in its status, from the chronology's last status change (or
 * its creation): the timer a dispatcher watches. Stops at closing.
 */
export function StatusTimer({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const language = useConsole((s) => s.language);
  const chronology = useConsole((s) => (s.chronology?.incidentId === incident.id && s.chronology.state === 'ready' ? s.chronology.entries : null));
  const now = useNow(15_000);
  if (isFinal(incident.status)) return null;
  const since = chronology?.filter((e) => e.kind === 'status' && e.detail.to === incident.status).at(-1)?.at ?? (incident.status === 'new' ? incident.createdAt : null);
  if (since === null) return null;
  return (
    <span className="muted small status-timer" data-testid="status-timer">
      {t('incidents.detail.inStatus', { duration: formatDuration(language, now - since) })}
    </span>
  );
}

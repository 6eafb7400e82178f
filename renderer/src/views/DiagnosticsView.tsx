import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Diagnostics } from '../../../electron/shared/contract/maintenance';
import { BackupList } from '../diagnostics/BackupList';
import { useDiagnostics } from '../diagnostics/diagnostics-link';
import { formatAge, formatBytes, formatDateTime, formatDuration, formatInteger } from '../format/locale';
import { useConsole } from '../state/console-store';
import { useMain } from '../shell/main-context';
import { useNow } from '../shell/use-now';

/** How often the figures are asked again while the view is open. */
const REFRESH_MS = 3000;

/**
 * 诊断: how this workstation is doing after weeks of running — sync and the outbox, the hub, each
 * video stream's meters, the database and its backups, the log. Figures come from main
 * (`diagnostics.get`); stream addresses never do (they may hold camera passwords).
 */
export function DiagnosticsView() {
  const { t } = useTranslation();
  const main = useMain();
  const { figures, backups, problem } = useDiagnostics();
  useEffect(() => {
    void main.diagnostics.refresh();
    const timer = setInterval(() => void main.diagnostics.refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [main]);

  return (
    <section className="view view-diagnostics" aria-labelledby="diagnostics-title">
      <div className="diag-figures">
        <div className="pane-head">
          <h1 id="diagnostics-title">{t('diagnostics.title')}</h1>
          {problem && (
            <span className="tone-bad" role="status">
              {t('errors.loadFailed', { reason: t(`errors.${problem}`) })}
            </span>
          )}
        </div>
        {figures ? <Figures d={figures} /> : <p className="muted">{t('diagnostics.loading')}</p>}
      </div>
      <BackupList backups={backups} />
    </section>
  );
}

function Figures({ d }: { d: Diagnostics }) {
  const { t } = useTranslation();
  const language = useConsole((s) => s.language);
  const now = useNow(1000);
  const when = (at: number | null) => (at === null ? t('diagnostics.never') : `${formatDateTime(language, at)} (${formatAge(language, at, now)})`);
  const check = d.database.lastCheck;
  return (
    <div className="diag-groups">
      <section className="pane" aria-labelledby="diag-sync">
        <h2 id="diag-sync" className="pane-head">{t('diagnostics.sync.title')}</h2>
        <dl className="facts">
          <dt>{t('diagnostics.sync.hub')}</dt>
          <dd data-testid="diag-hub-state">
            {t(`status.hub.${d.hub.state}`)}
            {d.hub.problem && ` · ${d.hub.problem}`}
          </dd>
          <dt>{t('diagnostics.sync.hubUrl')}</dt>
          <dd className="mono">{d.hub.url ?? '—'}</dd>
          <dt>{t('diagnostics.sync.lastSync')}</dt>
          <dd>{when(d.hub.lastSyncAt)}</dd>
          <dt>{t('diagnostics.sync.outbox')}</dt>
          <dd data-testid="diag-outbox-depth" data-depth={d.sync.outboxDepth}>
            {formatInteger(language, d.sync.outboxDepth)}
          </dd>
          <dt>{t('diagnostics.sync.oldest')}</dt>
          <dd data-testid="diag-outbox-oldest">{d.sync.oldestPendingAt === null ? '—' : formatAge(language, d.sync.oldestPendingAt, now)}</dd>
          <dt>{t('diagnostics.sync.rejected')}</dt>
          <dd>{formatInteger(language, d.hub.rejectedActions)}</dd>
          {d.sync.cursors.map((c) => (
            <Cursor key={c.stream} stream={c.stream} phase={c.phase} seq={c.seq} />
          ))}
          <dt>{t('diagnostics.sync.clientId')}</dt>
          <dd className="mono small">{d.sync.clientId ?? '—'}</dd>
          <dt>{t('diagnostics.sync.skew')}</dt>
          <dd>{d.hub.clockSkewMs === null ? '—' : `${formatInteger(language, d.hub.clockSkewMs)} ms`}</dd>
        </dl>
      </section>

      <section className="pane" aria-labelledby="diag-db">
        <h2 id="diag-db" className="pane-head">{t('diagnostics.database.title')}</h2>
        <dl className="facts">
          <dt>{t('diagnostics.database.state')}</dt>
          <dd>{t(`status.store.${d.database.state}`)}</dd>
          <dt>{t('diagnostics.database.path')}</dt>
          <dd className="mono">{d.database.path ?? '—'}</dd>
          <dt>{t('diagnostics.database.size')}</dt>
          <dd data-testid="diag-db-size">{formatBytes(language, d.database.size)}</dd>
          <dt>{t('diagnostics.database.wal')}</dt>
          <dd>{formatBytes(language, d.database.walSize)}</dd>
          <dt>{t('diagnostics.database.lastBackup')}</dt>
          <dd data-testid="diag-last-backup">{d.database.lastBackup ? `${d.database.lastBackup.name} · ${when(d.database.lastBackup.at)}` : t('diagnostics.never')}</dd>
          <dt>{t('diagnostics.database.lastCheck')}</dt>
          <dd className={check ? (check.ok ? 'tone-ok' : 'tone-bad') : undefined} data-testid="diag-last-check">
            {check ? `${check.ok ? t('diagnostics.database.checkOk') : t('diagnostics.database.checkFailed', { detail: check.detail })} · ${when(check.at)}` : t('diagnostics.never')}
          </dd>
        </dl>
      </section>

      <section className="pane" aria-labelledby="diag-app">
        <h2 id="diag-app" className="pane-head">{t('diagnostics.app.title')}</h2>
        <dl className="facts">
          <dt>{t('diagnostics.app.version')}</dt>
          <dd data-testid="diag-version">{d.version}</dd>
          <dt>{t('diagnostics.app.host')}</dt>
          <dd>{d.host}</dd>
          <dt>{t('diagnostics.app.uptime')}</dt>
          <dd>{formatDuration(language, d.uptimeMs)}</dd>
          <dt>{t('diagnostics.app.dataDir')}</dt>
          <dd className="mono" data-testid="diag-data-dir">{d.dataDir}</dd>
          <dt>{t('diagnostics.app.log')}</dt>
          <dd className="mono" data-testid="diag-log-file">{d.log.file}</dd>
          <dt>{t('diagnostics.app.logSize')}</dt>
          <dd>{t('diagnostics.app.logRotation', { size: formatBytes(language, d.log.size), max: d.log.maxSize, files: d.log.maxFiles })}</dd>
        </dl>
      </section>

      <section className="pane diag-streams" aria-labelledby="diag-streams">
        <h2 id="diag-streams" className="pane-head">{t('diagnostics.streams.title')}</h2>
        {d.streams.length === 0 ? (
          <p className="muted empty">{t('diagnostics.streams.none')}</p>
        ) : (
          <table className="grid" data-testid="diag-streams">
            <thead>
              <tr>
                <th>{t('diagnostics.streams.camera')}</th>
                <th>{t('diagnostics.streams.state')}</th>
                <th>{t('diagnostics.streams.viewers')}</th>
                <th>kbit/s</th>
                <th>fps</th>
                <th>{t('diagnostics.streams.lost')}</th>
              </tr>
            </thead>
            <tbody>
              {d.streams.map((s) => (
                <tr key={`${s.id}:${s.quality}`} data-testid="diag-stream-row">
                  <td className="mono">
                    {s.id} · {s.quality}
                  </td>
                  <td>{s.state}</td>
                  <td>{s.viewers}</td>
                  <td>{s.kbps ?? '—'}</td>
                  <td>{s.fps ?? '—'}</td>
                  <td>{s.lostPackets === null ? '—' : `${s.lostPackets} / ${s.droppedPictures ?? 0}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

function Cursor({ stream, phase, seq }: { stream: string; phase: string; seq: number | null }) {
  const { t } = useTranslation();
  return (
    <>
      <dt>{t('diagnostics.sync.cursor', { stream })}</dt>
      <dd className="mono">{phase === 'live' ? `live · ${seq}` : phase}</dd>
    </>
  );
}

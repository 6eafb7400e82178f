import { useTranslation } from 'react-i18next';
import { formatInteger } from '../format/locale';
import { useConsole } from '../state/console-store';

export function VideoView() {
  const { t } = useTranslation();
  const cameras = useConsole((s) => s.videoPoints);
  const language = useConsole((s) => s.language);
  return (
    <section className="view view-video" aria-labelledby="video-title">
      <div className="pane">
        <div className="pane-head">
          <h1 id="video-title">{t('video.title')}</h1>
          <span className="muted">{t('video.count', { count: cameras.length })}</span>
        </div>
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="video-title">
          {cameras.length === 0 ? (
            <p className="empty">{t('video.empty')}</p>
          ) : (
            <table className="grid">
              <thead>
                <tr>
                  <th scope="col">{t('video.columns.name')}</th>
                  <th scope="col">{t('video.columns.department')}</th>
                  <th scope="col">{t('video.columns.district')}</th>
                  <th scope="col">{t('video.columns.codec')}</th>
                  <th scope="col">{t('video.columns.ptz')}</th>
                  <th scope="col" className="num">{t('video.columns.heading')}</th>
                  <th scope="col">{t('video.columns.online')}</th>
                </tr>
              </thead>
              <tbody>
                {cameras.map((c) => (
                  <tr key={c.id} data-testid="video-point-row">
                    <td>{c.name}</td>
                    <td>{c.department}</td>
                    <td>{c.district}</td>
                    <td className="mono">{c.codec.toUpperCase()}</td>
                    <td>{c.ptz ? t('video.ptzYes') : t('video.ptzNo')}</td>
                    <td className="num">{c.headingDeg === null || c.fovDeg === 360 ? t('video.headingNone') : `${formatInteger(language, c.headingDeg)}°`}</td>
                    <td>
                      <span className={`status ${c.online ? 's-online' : 's-offline'}`}>{c.online ? t('video.online') : t('video.offline')}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>
    </section>
  );
}

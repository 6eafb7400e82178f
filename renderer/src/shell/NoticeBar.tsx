import { useTranslation } from 'react-i18next';
import { useConsole } from '../state/console-store';

/** Messages that must not be missed: shown until the operator dismisses them or the cause is gone. */
export function NoticeBar() {
  const { t } = useTranslation();
  const notice = useConsole((s) => s.notice);
  const link = useConsole((s) => s.link);
  const clear = useConsole((s) => s.setNotice);
  return (
    <>
      {link === 'closed' && (
        <div className="notice tone-bad" role="alert" data-testid="link-lost">
          {t('link.lost')}
        </div>
      )}
      {notice && (
        <div className={`notice ${notice.kind === 'recovered' ? 'tone-ok' : 'tone-bad'}`} role="alert" data-testid={`notice-${notice.kind}`}>
          <span>
            {notice.kind === 'recovered' && t('store.recovered', { path: notice.path })}
            {notice.kind === 'recover-failed' && t('store.recoverFailed', { message: notice.message })}
            {notice.kind === 'load-failed' && t('errors.loadFailed', { reason: t(`errors.${notice.code}`) })}
          </span>
          <button type="button" onClick={() => clear(null)}>
            {t('store.dismiss')}
          </button>
        </div>
      )}
    </>
  );
}

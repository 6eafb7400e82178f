import { useTranslation } from 'react-i18next';
import { useConsole } from '../state/console-store';
import type { Notice } from '../state/notices';

/** Messages that must not be missed: shown until the operator dismisses them or the cause is gone. */
export function NoticeBar() {
  const { t } = useTranslation();
  const notices = useConsole((s) => s.notices);
  const link = useConsole((s) => s.link);
  const dismiss = useConsole((s) => s.dismissNotice);

  function text(n: Notice): string {
    switch (n.kind) {
      case 'recovered':
        return t('store.recovered', { path: n.path });
      case 'recover-failed':
        return t('store.recoverFailed', { message: n.message });
      case 'load-failed':
        return t('errors.loadFailed', { reason: t(`errors.${n.code}`) });
      case 'action-failed':
        return t('errors.actionFailed', { action: t(`actions.${n.action}`), reason: t(`errors.${n.code}`) });
    }
  }

  return (
    <>
      {link === 'closed' && (
        <div className="notice tone-bad" role="alert" data-testid="link-lost">
          {t('link.lost')}
        </div>
      )}
      {notices.map(({ id, notice }) => (
        <div
          key={id}
          className={`notice ${notice.kind === 'recovered' ? 'tone-ok' : 'tone-bad'}`}
          role="alert"
          data-testid={`notice-${notice.kind}`}
          data-action={notice.kind === 'action-failed' ? notice.action : undefined}
          data-code={'code' in notice ? notice.code : undefined}
        >
          <span>{text(notice)}</span>
          <button type="button" onClick={() => dismiss(id)}>
            {notice.kind === 'recovered' || notice.kind === 'recover-failed' ? t('store.dismiss') : t('errors.dismiss')}
          </button>
        </div>
      ))}
    </>
  );
}

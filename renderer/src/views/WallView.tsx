import { useTranslation } from 'react-i18next';

export function WallView() {
  const { t } = useTranslation();
  return (
    <section className="view view-wall" aria-labelledby="wall-title">
      <div className="pane">
        <div className="pane-head">
          <h1 id="wall-title">{t('wall.title')}</h1>
        </div>
        <div className="placeholder-body" data-testid="wall-none">
          <p>{t('wall.none')}</p>
          <p className="muted">{t('wall.hint')}</p>
        </div>
      </div>
    </section>
  );
}

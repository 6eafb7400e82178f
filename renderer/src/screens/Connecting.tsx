import { useTranslation } from 'react-i18next';

export function Connecting() {
  const { t } = useTranslation();
  return (
    <main className="screen" aria-busy="true" data-testid="connecting">
      <p className="lead">{t('link.connecting')}</p>
    </main>
  );
}

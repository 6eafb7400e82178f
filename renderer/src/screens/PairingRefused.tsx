import { useTranslation } from 'react-i18next';

export function PairingRefused() {
  const { t } = useTranslation();
  return (
    <main className="screen" role="alert" data-testid="pairing-refused">
      <h1>{t('pairing.refusedTitle')}</h1>
      <p className="lead">{t('pairing.refusedBody')}</p>
    </main>
  );
}

import { useTranslation } from 'react-i18next';
import { useConsole } from '../state/console-store';

/** A drill is never mistaken for the real thing: the whole window says so while it runs. */
export function ExerciseBanner() {
  const { t } = useTranslation();
  const on = useConsole((s) => s.exerciseMode);
  if (!on) return null;
  return (
    <div className="exercise-banner" role="status" data-testid="exercise-banner">
      {t('exercise.banner')}
    </div>
  );
}

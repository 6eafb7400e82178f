import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../state/console-store';
import { HandOverDialog } from './HandOverDialog';
import { useMain } from './main-context';

/** The signed-in operator's role in the header, with hand-over and sign-out (both change every window). */
export function OperatorMenu() {
  const { t } = useTranslation();
  const main = useMain();
  const operator = useConsole((s) => s.session?.signIn.operator ?? null);
  const [handingOver, setHandingOver] = useState(false);
  if (!operator) return null;
  return (
    <div className="operator-menu">
      <span className="operator-name" data-testid="operator-role" data-role={operator.role}>
        {/* The name is in the header's identity; this says what they may do. */}
        {t(`operators.roles.${operator.role}`)}
        {operator.via === 'cache' && <span className="badge-offline"> · {t('operators.offline')}</span>}
      </span>
      <button type="button" data-testid="hand-over-open" onClick={() => setHandingOver(true)}>
        {t('operators.handOver.open')}
      </button>
      <button type="button" data-testid="sign-out" onClick={() => void main.signOut()}>
        {t('operators.signOut')}
      </button>
      {handingOver && <HandOverDialog onClose={() => setHandingOver(false)} />}
    </div>
  );
}

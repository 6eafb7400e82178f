import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignInAnswer } from '../../../electron/shared/domain/operator';
import type { Outcome } from '../state/outcome';
import { useConsole } from '../state/console-store';

type Refusal = Extract<SignInAnswer, { ok: false }>;

/** Why a sign-in or hand-over was refused, in the operator's language. */
export function useRefusalText(): (r: Refusal | { code: string }) => string {
  const { t } = useTranslation();
  return (r) =>
    'reason' in r
      ? t(`operators.signIn.refused.${r.reason}`, { seconds: Math.ceil((r.retryAfterMs ?? 0) / 1000) })
      : t('operators.signIn.failed', { reason: t(`errors.${r.code}`, { defaultValue: r.code }) });
}

/** User name and password for the incoming operator: the sign-in screen and the hand-over dialog. */
export function CredentialsForm({
  onSubmit,
  submitLabel,
  children,
  idPrefix,
}: {
  onSubmit: (username: string, password: string) => Promise<Outcome<SignInAnswer>>;
  submitLabel: string;
  children?: React.ReactNode;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  const refusalText = useRefusalText();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (busy || !username.trim() || !password) return;
    setBusy(true);
    setError(null);
    const got = await onSubmit(username.trim(), password);
    setBusy(false);
    // The password never stays in the page longer than the attempt.
    setPassword('');
    if (!got.ok) setError(refusalText({ code: got.code }));
    else if (!got.value.ok) setError(refusalText(got.value));
  }

  return (
    <form className="credentials" onSubmit={(e) => void submit(e)} data-testid={`${idPrefix}-form`}>
      <label htmlFor={`${idPrefix}-username`}>{t('operators.signIn.username')}</label>
      <input ref={first} id={`${idPrefix}-username`} data-testid={`${idPrefix}-username`} autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} maxLength={64} />
      <label htmlFor={`${idPrefix}-password`}>{t('operators.signIn.password')}</label>
      <input id={`${idPrefix}-password`} data-testid={`${idPrefix}-password`} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} maxLength={256} />
      {children}
      {error && (
        <p className="field-error" role="alert" data-testid={`${idPrefix}-error`}>
          {error}
        </p>
      )}
      <button type="submit" className="primary" data-testid={`${idPrefix}-submit`} disabled={busy || !username.trim() || !password}>
        {busy ? t('operators.signIn.busy') : submitLabel}
      </button>
    </form>
  );
}

/** Before the console: who is working at this workstation. Every window of it follows this one sign-in. */
export function SignIn({ onSignIn, onToggleLanguage }: { onSignIn: (username: string, password: string) => Promise<Outcome<SignInAnswer>>; onToggleLanguage: () => void }) {
  const { t } = useTranslation();
  const ended = useConsole((s) => s.session?.signIn.ended ?? null);
  const workstation = useConsole((s) => s.session?.actor.workstationId ?? '');
  return (
    <main className="screen screen-sign-in" aria-labelledby="sign-in-title" data-testid="sign-in">
      <div className="sign-in-head">
        <h1 id="sign-in-title">{t('operators.signIn.title')}</h1>
        <button type="button" className="language-toggle" data-testid="language-toggle" onClick={onToggleLanguage} title={t('language.toggleLabel')}>
          {t('language.toggle')}
        </button>
      </div>
      <p className="lead">{t('operators.signIn.lead')}</p>
      <p className="muted small">
        {t('header.workstation')}: <span className="mono">{workstation}</span>
      </p>
      {ended && (
        <p className={ended === 'signed-out' || ended === 'handed-over' ? 'muted' : 'notice-warn'} role="status" data-testid="sign-in-ended">
          {t(`operators.signIn.ended.${ended}`)}
        </p>
      )}
      <CredentialsForm idPrefix="sign-in" submitLabel={t('operators.signIn.submit')} onSubmit={onSignIn} />
    </main>
  );
}

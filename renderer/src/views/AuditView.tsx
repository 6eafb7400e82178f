import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditFilter, AuditRow } from '../../../electron/shared/domain/audit';
import { formatDateTime } from '../format/locale';
import { useMain } from '../shell/main-context';
import { useMay } from '../shell/use-may';
import { useConsole } from '../state/console-store';

const ROW_PX = 34;

/** `datetime-local` text as epoch ms in this browser's zone; empty: no bound. */
const toTime = (value: string): number | undefined => (value ? new Date(value).getTime() : undefined);

/** Offers text to the operator as a file download (the CSV keeps its BOM, so Excel reads Chinese). */
function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The supervisor's audit log: who did what, where and when; filtered, virtualised, exportable. */
export function AuditView() {
  const { t } = useTranslation();
  const may = useMay('audit.list');
  if (!may) {
    return (
      <main className="view audit-view" data-testid="audit-view">
        <p className="muted" data-testid="audit-forbidden">
          {t('audit.forbidden')}
        </p>
      </main>
    );
  }
  return <AuditLog />;
}

function AuditLog() {
  const { t } = useTranslation();
  const main = useMain();
  const language = useConsole((s) => s.language);
  const [operator, setOperator] = useState('');
  const [action, setAction] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [rows, setRows] = useState<AuditRow[]>([]);
  const [total, setTotal] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);

  const filter = useCallback((): AuditFilter => {
    const f: AuditFilter = {};
    if (operator.trim()) f.operator = operator.trim();
    if (action.trim()) f.action = action.trim();
    const a = toTime(from);
    const b = toTime(to);
    if (a !== undefined && Number.isFinite(a)) f.from = a;
    if (b !== undefined && Number.isFinite(b)) f.to = b;
    return f;
  }, [operator, action, from, to]);

  const load = useCallback(async () => {
    const got = await main.auditList(filter());
    if (got.ok) {
      setRows(got.value.rows);
      setTotal(got.value.total);
      setMessage(null);
    } else setMessage(t('errors.loadFailed', { reason: t(`errors.${got.code}`) }));
  }, [main, filter, t]);

  useEffect(() => {
    void load();
    // Only on opening: afterwards the operator asks with the button or Enter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function exportCsv() {
    const got = await main.auditExport(filter());
    if (!got.ok) {
      setMessage(t('errors.actionFailed', { action: t('audit.export'), reason: t(`errors.${got.code}`) }));
      return;
    }
    download(got.value.fileName, got.value.csv);
    setMessage(t('audit.exported', { rows: got.value.rows, file: got.value.fileName }));
  }

  // No React Compiler in this build (what the rule guards); used as the virtualiser documents.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_PX, overscan: 12 });

  return (
    <main className="view audit-view" aria-labelledby="audit-title" data-testid="audit-view">
      <h2 id="audit-title">{t('audit.title')}</h2>
      <form
        className="audit-filter"
        onSubmit={(e) => {
          e.preventDefault();
          void load();
        }}
      >
        <label>
          {t('audit.filterOperator')}
          <input data-testid="audit-filter-operator" value={operator} maxLength={64} onChange={(e) => setOperator(e.target.value)} />
        </label>
        <label>
          {t('audit.filterAction')}
          <input data-testid="audit-filter-action" value={action} maxLength={64} onChange={(e) => setAction(e.target.value)} />
        </label>
        <label>
          {t('audit.filterFrom')}
          <input type="datetime-local" data-testid="audit-filter-from" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          {t('audit.filterTo')}
          <input type="datetime-local" data-testid="audit-filter-to" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <button type="submit" data-testid="audit-apply">
          {t('audit.apply')}
        </button>
        <button type="button" className="primary" data-testid="audit-export" onClick={() => void exportCsv()}>
          {t('audit.export')}
        </button>
      </form>
      <p className="muted small" data-testid="audit-count">
        {t('audit.count', { total, shown: rows.length })}
      </p>
      {message && (
        <p className="muted" role="status" data-testid="audit-message">
          {message}
        </p>
      )}
      <div className="audit-row audit-head" role="row">
        <span>{t('audit.columns.at')}</span>
        <span>{t('audit.columns.operator')}</span>
        <span>{t('audit.columns.workstation')}</span>
        <span>{t('audit.columns.action')}</span>
        <span>{t('audit.columns.target')}</span>
        <span>{t('audit.columns.details')}</span>
      </div>
      <div ref={scroller} className="audit-body" role="grid" aria-rowcount={rows.length} tabIndex={0} data-testid="audit-list">
        {rows.length === 0 && <p className="muted">{t('audit.empty')}</p>}
        <div style={{ height: virtual.getTotalSize() }} className="audit-rows">
          {virtual.getVirtualItems().map((v) => {
            const r = rows[v.index]!;
            return (
              <div key={r.id} className="audit-row" role="row" data-testid="audit-row" data-action={r.action} style={{ transform: `translateY(${v.start}px)` }}>
                <span className="mono">{formatDateTime(language, r.at)}</span>
                <span>{r.operatorName}</span>
                <span className="mono">{r.workstationId}</span>
                <span className="mono">{r.action}</span>
                <span className="mono">{[r.targetKind, r.targetId].filter(Boolean).join(' ')}</span>
                <span className="mono small" title={r.details}>
                  {r.details === '{}' ? '' : r.details}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </main>
  );
}

// Online tile sources (在线底图源): what the operator configures, with templates for Tianditu,
// an OSM-style server and AMap/Gaode. The address is checked here as it is typed, for a quick
// answer, and again by main, which is what counts: main refuses anything but http(s) with
// {z}/{x}/{y}, stores the source with its datum, and fetches its tiles for every window.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { templateProblem, type Datum } from '../../../electron/shared/domain/tile-source';
import { useConsole } from '../state/console-store';
import { useMain } from '../shell/main-context';

type Draft = { name: string; urlTemplate: string; subdomains: string; datum: Datum; attribution: string; maxZoom: string };

const EMPTY: Draft = { name: '', urlTemplate: '', subdomains: '', datum: 'wgs84', attribution: '', maxZoom: '18' };

/** Starting points only: the operator's own server, key and licence terms are theirs to fill in. */
const PRESETS: { key: 'presetTianditu' | 'presetOsm' | 'presetGaode'; draft: Draft }[] = [
  {
    key: 'presetTianditu',
    draft: {
      name: '天地图矢量',
      urlTemplate: 'https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=YOUR_KEY',
      subdomains: '01234567',
      datum: 'wgs84',
      attribution: '© 天地图',
      maxZoom: '18',
    },
  },
  { key: 'presetOsm', draft: { name: 'OpenStreetMap', urlTemplate: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', subdomains: '', datum: 'wgs84', attribution: '© OpenStreetMap contributors', maxZoom: '19' } },
  {
    key: 'presetGaode',
    draft: { name: '高德地图', urlTemplate: 'https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}', subdomains: '1234', datum: 'gcj02', attribution: '© 高德地图', maxZoom: '18' },
  },
];

export function TileSourcesPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const main = useMain();
  const sources = useConsole((s) => s.mapSettings.onlineSources);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const problem = draft.urlTemplate.trim() ? templateProblem(draft.urlTemplate.trim(), draft.subdomains.trim()) : null;
  const field = (key: keyof Draft) => ({ value: draft[key], onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value })) });

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    if (busy || problem || !draft.name.trim() || !draft.urlTemplate.trim()) return;
    setBusy(true);
    const got = await main.saveTileSource({
      name: draft.name.trim(),
      urlTemplate: draft.urlTemplate.trim(),
      subdomains: draft.subdomains.trim(),
      datum: draft.datum,
      attribution: draft.attribution.trim(),
      maxZoom: Number(draft.maxZoom),
    });
    if (got.ok) {
      // The newest source is the one the operator wants to see: show it at once.
      const added = got.value.onlineSources.at(-1);
      if (added) await main.setBasemap({ kind: 'online', id: added.id });
      setResult({ ok: true, text: t('map.sources.saved', { name: draft.name.trim() }) });
      setDraft(EMPTY);
    } else {
      setResult({ ok: false, text: t('map.sources.refused', { reason: t(`errors.${got.code}`) }) });
    }
    setBusy(false);
  }

  return (
    <section className="map-sources" aria-labelledby="map-sources-title" data-testid="map-sources" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="map-card-head">
        <h2 id="map-sources-title">{t('map.sources.title')}</h2>
        <button type="button" className="map-close" onClick={onClose} aria-label={t('map.sources.close')}>
          ×
        </button>
      </div>
      {sources.length === 0 ? (
        <p className="muted small">{t('map.sources.none')}</p>
      ) : (
        <ul className="map-sources-list">
          {sources.map((s) => (
            <li key={s.id} data-testid="map-source">
              <span>{s.name}</span> <span className="tag">{t(`map.datum.${s.datum}`)}</span> <span className="muted small mono">{s.urlTemplate.replace(/([?&]tk=)[^&]*/i, '$1…')}</span>
              <button type="button" onClick={() => void main.removeTileSource(s.id)} aria-label={t('map.sources.remove', { name: s.name })}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="map-sources-form" onSubmit={(e) => void submit(e)}>
        <div className="map-sources-presets" role="group" aria-label={t('map.sources.presets')}>
          <span className="muted small">{t('map.sources.presets')}</span>
          {PRESETS.map((p) => (
            <button type="button" key={p.key} data-testid={`map-source-${p.key}`} onClick={() => setDraft(p.draft)}>
              {t(`map.sources.${p.key}`)}
            </button>
          ))}
        </div>
        <label>
          {t('map.sources.name')}
          <input type="text" data-testid="map-source-name" maxLength={80} autoFocus {...field('name')} />
        </label>
        <label className="wide">
          {t('map.sources.url')}
          <input type="text" className="mono" data-testid="map-source-url" maxLength={1000} aria-invalid={problem !== null} aria-describedby="map-source-url-hint" {...field('urlTemplate')} />
        </label>
        <p id="map-source-url-hint" className={problem ? 'small bad-text' : 'muted small'} data-testid="map-source-problem" data-problem={problem ?? ''}>
          {problem ? t(`map.sources.problems.${problem}`) : draft.urlTemplate.includes('tianditu') ? t('map.sources.tiandituKey') : t('map.sources.urlHint')}
        </p>
        <label>
          {t('map.sources.subdomains')}
          <input type="text" className="mono" data-testid="map-source-subdomains" maxLength={10} placeholder={t('map.sources.subdomainsHint')} {...field('subdomains')} />
        </label>
        <label>
          {t('map.sources.datum')}
          <select data-testid="map-source-datum" aria-describedby="map-source-datum-hint" value={draft.datum} onChange={(e) => setDraft((d) => ({ ...d, datum: e.target.value as Datum }))}>
            <option value="wgs84">{t('map.datum.wgs84')}</option>
            <option value="gcj02">{t('map.datum.gcj02')}</option>
          </select>
        </label>
        <p id="map-source-datum-hint" className="muted small">
          {t('map.sources.datumHint')}
        </p>
        <label>
          {t('map.sources.attribution')}
          <input type="text" data-testid="map-source-attribution" maxLength={200} {...field('attribution')} />
        </label>
        <label>
          {t('map.sources.maxZoom')}
          <input type="number" min={1} max={22} data-testid="map-source-maxzoom" {...field('maxZoom')} />
        </label>
        <div className="map-sources-actions">
          <button type="submit" className="primary" data-testid="map-source-save" disabled={busy || problem !== null || !draft.name.trim() || !draft.urlTemplate.trim()}>
            {t('map.sources.save')}
          </button>
          {result && (
            <span role="status" className={result.ok ? 'tag ok' : 'tag bad'} data-testid="map-source-result" data-ok={result.ok}>
              {result.text}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}

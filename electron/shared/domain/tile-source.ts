// Base maps an operator can choose, and the online tile sources a workstation may configure.
// Every source records its datum: Chinese commercial maps (AMap/Gaode, Tencent) are drawn in
// GCJ-02, Tianditu (CGCS2000, within centimetres of WGS-84 at map scale) and OSM-style maps in
// WGS-84. Vigil stores WGS-84 only and shifts what it draws to the chosen map's datum.
import { z } from 'zod';

export const DATUMS = ['wgs84', 'gcj02'] as const;
export const Datum = z.enum(DATUMS);
export type Datum = z.infer<typeof Datum>;

export const TILE_TEMPLATE_MAX = 1000;

export type TemplateProblem = 'scheme' | 'host' | 'placeholders' | 'subdomains' | 'credentials' | 'characters';

/**
 * Why a tile address template cannot be used, or null when it can. Only http(s) to a named host
 * or an address (no user:password@, which would end up in logs), with each of {z}, {x} and {y}
 * exactly once, and {s} only together with subdomains to put there. No other braces: a
 * template is filled by Vigil's main process, not interpreted.
 */
export function templateProblem(template: string, subdomains: string): TemplateProblem | null {
  // Spaces, control characters and the characters URLs never carry unescaped.
  if (/\s/.test(template) || [...template].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f) || /["<>\\^`|]/.test(template)) return 'characters';
  const m = /^(https?):\/\/([^/?#]*)([/?#].*)?$/i.exec(template);
  if (!m) return 'scheme';
  const authority = m[2]!;
  if (authority.includes('@')) return 'credentials';
  // A host name (letters, digits, dots, hyphens; {s} allowed inside it), an IPv4 or a bracketed IPv6 address, and an optional port.
  if (!/^(\[[0-9a-f:.]+\]|[a-z0-9.{}-]+)(:\d{1,5})?$/i.test(authority) || /^[.-]|\.\./.test(authority)) return 'host';
  for (const p of ['{z}', '{x}', '{y}']) if (template.split(p).length !== 2) return 'placeholders';
  const rest = template.replace(/\{[zxy]\}/g, '').replace(/\{s\}/g, '');
  if (/[{}]/.test(rest)) return 'placeholders';
  const usesS = template.includes('{s}');
  if (usesS !== subdomains.length > 0) return 'subdomains';
  return null;
}

/** Fills a valid template for one tile; `{s}` takes one of the subdomain letters, chosen by tile so a tile always comes from the same server (and cache). */
export function fillTemplate(template: string, subdomains: string, z: number, x: number, y: number): string {
  const s = subdomains.length ? subdomains[(x + y) % subdomains.length]! : '';
  return template.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y)).replace(/\{s\}/g, s);
}

const name = z.string().trim().min(1).max(80);

/** An online source as the operator enters it. Checked in main by the contract before anything is stored. */
export const OnlineTileSourceInput = z
  .object({
    /** Absent: a new source. */
    id: z.string().regex(/^[a-z0-9-]{1,40}$/).optional(),
    name,
    urlTemplate: z.string().trim().min(1).max(TILE_TEMPLATE_MAX),
    /** One character per server, e.g. "1234" for webrd01…04, "01234567" for t0…t7. */
    subdomains: z.string().regex(/^[a-z0-9]{0,10}$/i).default(''),
    datum: Datum,
    attribution: z.string().trim().max(200).default(''),
    minZoom: z.number().int().min(0).max(22).default(0),
    maxZoom: z.number().int().min(0).max(22).default(18),
  })
  .strict()
  .superRefine((s, ctx) => {
    const problem = templateProblem(s.urlTemplate, s.subdomains);
    if (problem) ctx.addIssue({ code: 'custom', path: ['urlTemplate'], message: `tile address template: ${problem}`, params: { problem } });
    if (s.minZoom > s.maxZoom) ctx.addIssue({ code: 'custom', path: ['minZoom'], message: 'minZoom is above maxZoom' });
  });
export type OnlineTileSourceInput = z.input<typeof OnlineTileSourceInput>;

export const OnlineTileSource = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  name,
  urlTemplate: z.string().max(TILE_TEMPLATE_MAX),
  subdomains: z.string().max(10),
  datum: Datum,
  attribution: z.string().max(200),
  minZoom: z.number().int().min(0).max(22),
  maxZoom: z.number().int().min(0).max(22),
});
export type OnlineTileSource = z.infer<typeof OnlineTileSource>;

/** Which base map the operator chose. Absent (null): an imported MBTiles map if there is one, else the bundled world map. */
export const BasemapChoice = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bundled') }).strict(),
  z.object({ kind: z.literal('mbtiles'), id: z.string().min(1).max(200) }).strict(),
  z.object({ kind: z.literal('online'), id: z.string().regex(/^[a-z0-9-]{1,40}$/) }).strict(),
]);
export type BasemapChoice = z.infer<typeof BasemapChoice>;

export const MapSettings = z.object({ onlineSources: z.array(OnlineTileSource).max(50), basemap: BasemapChoice.nullable() });
export type MapSettings = z.infer<typeof MapSettings>;

export const MAX_ONLINE_SOURCES = 50;

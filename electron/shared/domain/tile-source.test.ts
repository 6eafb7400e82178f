import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillTemplate, OnlineTileSourceInput, templateProblem } from './tile-source';

describe('tile address templates', () => {
  it('accepts the usual sources', () => {
    expect(templateProblem('https://tile.openstreetmap.org/{z}/{x}/{y}.png', '')).toBeNull();
    expect(templateProblem('http://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY', '01234567')).toBeNull();
    expect(templateProblem('https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}', '1234')).toBeNull();
    expect(templateProblem('http://10.20.0.5:8080/tiles/{z}/{y}/{x}', '')).toBeNull();
    expect(templateProblem('http://[::1]:8080/{z}/{x}/{y}', '')).toBeNull();
  });

  it('refuses anything but http(s), credentials, missing or repeated placeholders, unknown braces and a {s} without subdomains', () => {
    const refused: [template: string, subdomains: string, problem: string][] = [
      ['file:///etc/{z}/{x}/{y}', '', 'scheme'],
      ['javascript:alert(1)//{z}/{x}/{y}', '', 'scheme'],
      ['//tiles.example/{z}/{x}/{y}', '', 'scheme'],
      ['ftp://tiles.example/{z}/{x}/{y}', '', 'scheme'],
      ['https://user:pw@tiles.example/{z}/{x}/{y}', '', 'credentials'],
      ['https://tiles.example/{z}/{x}.png', '', 'placeholders'],
      ['https://tiles.example/{z}/{x}/{y}/{y}', '', 'placeholders'],
      ['https://tiles.example/{z}/{x}/{y}?k={key}', '', 'placeholders'],
      ['https://t{s}.example/{z}/{x}/{y}', '', 'subdomains'],
      ['https://tiles.example/{z}/{x}/{y}', 'abc', 'subdomains'],
      ['https://tiles.example/{z}/{x}/{y} x', '', 'characters'],
      ['https://tiles.example/{z}/{x}/{y}\u0000', '', 'characters'],
      ['https://tiles..example/{z}/{x}/{y}', '', 'host'],
      ['https:///{z}/{x}/{y}', '', 'host'],
    ];
    expect(refused.map(([template, subdomains]) => templateProblem(template, subdomains))).toEqual(refused.map(([, , problem]) => problem));
  });

  it('fills a valid template into an http(s) address with the tile numbers and a subdomain that depends only on the tile', () => {
    const tile = fc.tuple(fc.integer({ min: 0, max: 22 }), fc.nat(), fc.nat());
    fc.assert(
      fc.property(tile, ([z, x, y]) => {
        const url = fillTemplate('https://t{s}.example/{z}/{x}/{y}.png', '0123', z, x, y);
        const m = /^https:\/\/t([0-3])\.example\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(url);
        expect(m).not.toBeNull();
        expect(m!.slice(2).map(Number)).toEqual([z, x, y]);
        expect(fillTemplate('https://t{s}.example/{z}/{x}/{y}.png', '0123', z, x, y)).toBe(url);
      }),
    );
  });

  it('is checked by the contract schema, so main refuses a bad template before storing it', () => {
    expect(OnlineTileSourceInput.safeParse({ name: 'OSM', urlTemplate: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', datum: 'wgs84' }).success).toBe(true);
    const bad = OnlineTileSourceInput.safeParse({ name: 'x', urlTemplate: 'file:///{z}/{x}/{y}', datum: 'wgs84' });
    expect(bad.success).toBe(false);
    expect(OnlineTileSourceInput.safeParse({ name: 'x', urlTemplate: 'https://a.example/{z}/{x}/{y}', datum: 'bd09' }).success).toBe(false);
    expect(OnlineTileSourceInput.safeParse({ name: 'x', urlTemplate: 'https://a.example/{z}/{x}/{y}', datum: 'wgs84', minZoom: 9, maxZoom: 3 }).success).toBe(false);
  });
});

/**
 * The build-time charts (src/plan/charts): real SVG output, parsed and checked for structure,
 * accessibility, escaping, German formats, determinism and the data table.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, type HTMLElement } from 'node-html-parser';
import {
  bulletBars, describeTargets, describeValues, horizontalBars, lineChart, stackedBars, stackedHorizontalBars, timeline, type Chart,
} from '../../src/ausgabe/charts/index.ts';
import { ASCENT, FONT, MIN_TEXT_PX, NARROW_BELOW, NARROW_WIDTH, WIDTH, esc, flaeche, textWidth, wrap } from '../../src/ausgabe/charts/svg.ts';
import { highestLineY } from '../../src/ausgabe/charts/stacked-bars.ts';

// Intl separates number and unit with a no-break space; compare with plain spaces.
const plain = (s: string) => s.replaceAll('\u00a0', ' ').replaceAll('\u202f', ' ');

function root(chart: Chart | string): HTMLElement {
  const svg = parse(typeof chart === 'string' ? chart : chart.svg).querySelector('svg');
  if (!svg) throw new Error('kein <svg>');
  return svg;
}
/** Both drawings of a chart: for wide frames and for phones. */
function varianten(chart: Chart): [string, string][] {
  if (!chart.narrowSvg) throw new Error('keine schmale Fassung');
  return [['breit', chart.svg], ['schmal', chart.narrowSvg]];
}
const texts = (svg: HTMLElement) => svg.querySelectorAll('text').map((t) => plain(t.text));
/** The palette slot of a filled shape, from its class pw-fuellung-N. */
const fuellung = (e: HTMLElement) => /\bpw-fuellung-(\d)\b/.exec(e.getAttribute('class') ?? '')?.[1];
/** The texture drawn right after a filled shape, if any. */
const texturVon = (e: HTMLElement | undefined) => {
  const next = e?.nextElementSibling;
  return next?.tagName.toLowerCase() === 'svg' && next.classList.contains('pw-textur') ? next : undefined;
};
/** What a texture's marks are: dots (zero-length lines) or lines. */
const markenart = (t: HTMLElement | undefined) => (t ? (/h0(?!\.)(?=M|$)/.test(t.querySelector('path')?.getAttribute('d') ?? '') ? 'punkte' : 'linien') : 'voll');
/** The box a one-line label takes, estimated as the charts do (textWidth; ASCENT above, 4 below the baseline). */
function labelBox(t: HTMLElement): { text: string; x0: number; x1: number; y0: number; y1: number } {
  const x = Number(t.getAttribute('x'));
  const y = Number(t.getAttribute('y'));
  const w = textWidth(t.text);
  const anchor = t.getAttribute('text-anchor') ?? 'start';
  const x0 = anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x;
  return { text: plain(t.text), x0, x1: x0 + w, y0: y - ASCENT, y1: y + 4 };
}
const numbers = (s: string) => s.split(/[\s,MLZHVhv]+/).filter((p) => p !== '');

const years = Array.from({ length: 10 }, (_, i) => 2025 + i);
const investition = [5.2, 7.9, 4.1, 3.0, 6.5, 8.8, 4.4, 2.9, 5.6, 7.1].map((v) => v * 1e8);
const betrieb = [1.9, 2.0, 2.1, 2.2, 2.3, 2.4, 2.5, 2.6, 2.7, 2.8].map((v) => v * 1e8);
const personal = [0.9, 1.0, 0, 1.1, 1.1, 1.2, 1.2, 1.3, 1.3, 1.4].map((v) => v * 1e8); // one zero
const foerderung = [4.0, 5.5, 2.0, 1.0, 3.0, 4.0, null, 1.0, 2.5, 3.0].map((v) => (v === null ? null : v * 1e8));

const kosten = () =>
  stackedBars({
    id: 'kosten',
    title: 'Kosten und Förderung je Jahr',
    desc: 'Die Förderung deckt jedes Jahr nur einen Teil der Kosten.',
    categories: years,
    format: 'euro',
    series: [
      { label: 'Investition', values: investition },
      { label: 'Betrieb', values: betrieb },
      { label: 'Personal', values: personal },
    ],
    line: { label: 'Förderung', values: foerderung },
    showTotals: true,
  });

const alleDiagramme = (): Record<string, Chart> => ({
  kosten: kosten(),
  balken: horizontalBars({ id: 'anteile', title: 'Anteile', desc: 'd', items: [{ label: 'Displays', value: 17.6 }, { label: 'WLAN', value: 12.2 }], format: 'percent' }),
  ziel: bulletBars({ id: 'quote', title: 'Quote', desc: 'd', items: [{ label: 'Grundschule', value: 31.5, target: 25 }, { label: 'Gymnasium', value: 88.2, target: 100 }] }),
  status: stackedHorizontalBars({ id: 'status', title: 'Status', desc: 'd', categories: ['Infrastruktur'], series: [{ label: 'geplant', values: [3] }, { label: 'abgeschlossen', values: [2] }] }),
  linie: lineChart({ id: 'indikator', title: 'Indikator', desc: 'd', categories: [2020, 2021], series: [{ label: 'Quote', values: [17.8, 41.2] }], target: { value: 75 }, format: 'percent' }),
  zeit: timeline({ id: 'meilensteine', title: 'Meilensteine', desc: 'd', items: [{ date: '2019-06-27', label: 'Erster Plan' }, { date: '2021-09', label: 'Fortschreibung' }] }),
});

describe('Diagramme: gemeinsame Anforderungen', () => {
  it('haben role="img", <title> und <desc>, auf die aria-labelledby verweist', () => {
    for (const [name, svgText] of Object.entries(alleDiagramme()).flatMap(([n, c]) => varianten(c).map(([v, t]) => [`${n} ${v}`, t] as const))) {
      const svg = root(svgText);
      expect(svg.getAttribute('role'), name).toBe('img');
      expect(svg.getAttribute('width'), name).toBe('100%');
      expect(svg.getAttribute('viewBox'), name).toMatch(/^0 0 \d+(\.\d+)? \d+(\.\d+)?$/);
      const ids = (svg.getAttribute('aria-labelledby') ?? '').split(' ');
      expect(ids, name).toHaveLength(2);
      expect(svg.querySelector('title')?.id, name).toBe(ids[0]);
      expect(svg.querySelector('desc')?.id, name).toBe(ids[1]);
      // title and desc come first, so every reader finds them
      expect(svg.childNodes.filter((n) => n instanceof Object && 'tagName' in n).map((n) => (n as HTMLElement).tagName.toLowerCase()).slice(0, 2), name).toEqual(['title', 'desc']);
    }
  });

  it('haben keine style-Attribute, kein <style>, keine Skripte und nur Ids mit dem eigenen Präfix', () => {
    for (const [name, svgText] of Object.entries(alleDiagramme()).flatMap(([n, c]) => varianten(c).map(([v, t]) => [`${n} ${v}`, t] as const))) {
      const svg = root(svgText);
      expect(svgText, name).not.toMatch(/style=|<style|<script|on\w+=/i);
      const prefix = svg.querySelector('title')?.id.replace(/-title$/, '') ?? '';
      for (const el of svg.querySelectorAll('[id]')) expect(el.id.startsWith(`${prefix}-`), `${name}: ${el.id}`).toBe(true);
    }
  });

  it('sind bei gleicher Eingabe byteweise gleich', () => {
    const a = alleDiagramme();
    const b = alleDiagramme();
    for (const name of Object.keys(a)) {
      expect(a[name]?.svg, name).toBe(b[name]?.svg);
      expect(a[name]?.narrowSvg, name).toBe(b[name]?.narrowSvg);
    }
  });

  it('runden alle Koordinaten auf höchstens zwei Nachkommastellen', () => {
    for (const [name, svgText] of Object.entries(alleDiagramme()).flatMap(([n, c]) => varianten(c).map(([v, t]) => [`${n} ${v}`, t] as const))) {
      const svg = root(svgText);
      for (const el of svg.querySelectorAll('*')) {
        for (const attr of ['x', 'y', 'x1', 'x2', 'y1', 'y2', 'width', 'height', 'cx', 'cy', 'r', 'd']) {
          const value = el.getAttribute(attr);
          if (value === undefined || value.endsWith('%')) continue;
          for (const n of numbers(value)) expect(n, `${name} ${attr}="${value}"`).toMatch(/^-?\d+(\.\d{1,2})?$/);
        }
      }
    }
  });

  it('maskieren Titel, Beschreibung und Beschriftungen', () => {
    const evil = '<script>alert("x")</script> & "Anführung"';
    const chart = horizontalBars({ id: 'boese', title: evil, desc: evil, items: [{ label: evil, value: 3 }] });
    expect(chart.svg).not.toContain('<script>');
    expect(chart.svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Anführung&quot;');
    const svg = root(chart);
    expect(svg.querySelector('title')?.text).toBe(evil);
    expect(svg.querySelector('desc')?.text).toBe(evil);
    expect(texts(svg).join(' ')).toContain('<script>');
    expect(chart.table.rows[0]?.header).toBe(evil); // the table is escaped by Astro
    expect(esc(`a<b>&"'`)).toBe('a&lt;b&gt;&amp;&quot;&#39;');
  });

  it('lehnen ungültige Ids, falsche Längen und negative Werte mit deutscher Meldung ab', () => {
    expect(() => horizontalBars({ id: '1 x"', title: 't', desc: 'd', items: [] })).toThrow(/id „1 x"“ ist ungültig/);
    expect(() => stackedBars({ id: 'a', title: 't', desc: 'd', categories: [2025, 2026], series: [{ label: 'Betrieb', values: [1] }] })).toThrow(/Reihe „Betrieb“ hat 1 Werte, erwartet 2/);
    expect(() => horizontalBars({ id: 'a', title: 't', desc: 'd', items: [{ label: 'WLAN', value: -1 }] })).toThrow(/„WLAN“ ist negativ/);
    expect(() => horizontalBars({ id: 'a', title: 't', desc: 'd', items: [{ label: 'WLAN', value: Number.NaN }] })).toThrow(/keine Zahl/);
  });

  it('schreiben Texte groß genug für ein Telefon: Schriftgröße ≥ 3 % der viewBox-Breite', () => {
    for (const [name, svgText] of Object.entries(alleDiagramme()).flatMap(([n, c]) => varianten(c).map(([v, t]) => [`${n} ${v}`, t] as const))) {
      const svg = root(svgText);
      const width = Number((svg.getAttribute('viewBox') ?? '').split(' ')[2]);
      const size = Number(svg.getAttribute('font-size'));
      expect(size / width, name).toBeGreaterThanOrEqual(0.03);
      expect(svgText.match(/font-size=/g), `${name}: nur eine Schriftgröße`).toHaveLength(1);
    }
  });

  it('zeichnen eine schmale Fassung für Telefone mit eigenen Ids, sonst mit demselben Inhalt', () => {
    for (const [name, chart] of Object.entries(alleDiagramme())) {
      const breit = root(chart);
      const schmal = root(chart.narrowSvg ?? '');
      expect(breit.getAttribute('viewBox')?.split(' ')[2], name).toBe(String(WIDTH));
      expect(schmal.getAttribute('viewBox')?.split(' ')[2], name).toBe(String(NARROW_WIDTH));
      expect(schmal.querySelector('title')?.text, name).toBe(breit.querySelector('title')?.text);
      expect(schmal.querySelector('desc')?.text, name).toBe(breit.querySelector('desc')?.text);
      const prefix = breit.querySelector('title')?.id.replace(/-title$/, '') ?? '';
      expect(schmal.querySelector('title')?.id, name).toBe(`${prefix}-schmal-title`);
      // Both can be on one page: no id twice.
      const ids = new Set(breit.querySelectorAll('[id]').map((e) => e.id));
      for (const e of schmal.querySelectorAll('[id]')) expect(ids.has(e.id), `${name}: ${e.id}`).toBe(false);
      // Textures are drawn, not referenced: no <pattern> (Chromium prints each use as a page-sized bitmap).
      for (const svg of [breit, schmal]) expect(svg.querySelectorAll('pattern, [fill^="url("]'), name).toHaveLength(0);
    }
  });

  it('wechseln zur schmalen Fassung, bevor der Text kleiner als 12 px würde', () => {
    // The wide variant at the narrowest frame that still shows it, the narrow one at 288 px (a 320 px phone).
    expect((FONT * NARROW_BELOW) / WIDTH).toBeGreaterThanOrEqual(MIN_TEXT_PX);
    expect((FONT * 288) / NARROW_WIDTH).toBeGreaterThanOrEqual(MIN_TEXT_PX);
    expect(NARROW_BELOW).toBe(384);
    // charts.css switches at the same width.
    const css = readFileSync(new URL('../../src/ausgabe/styles/charts.css', import.meta.url), 'utf8');
    expect(css).toContain(`@container (width < ${NARROW_BELOW}px)`);
  });
});

describe('stackedBars', () => {
  it('zeichnet ein Rechteck je Kategorie und Reihe mit Wert über 0, in Reihenfolge gestapelt', () => {
    const svg = root(kosten());
    const bars = svg.querySelectorAll('rect.pw-balken');
    expect(bars).toHaveLength(10 * 3 - 1); // Personal 2027 is 0
    expect(bars.filter((b) => b.getAttribute('data-serie') === '2')).toHaveLength(9);
    // 2025: Investition at the bottom, Betrieb on top of it, heights in proportion to the values
    const [inv, bet] = [bars.find((b) => b.getAttribute('data-serie') === '0'), bars.find((b) => b.getAttribute('data-serie') === '1')];
    const top = (b: HTMLElement | undefined) => Number(b?.getAttribute('y'));
    const height = (b: HTMLElement | undefined) => Number(b?.getAttribute('height'));
    expect(top(inv)).toBeCloseTo(top(bet) + height(bet), 1);
    expect(height(inv) / height(bet)).toBeCloseTo(5.2 / 1.9, 1);
  });

  it('gibt jeder Reihe eine eigene Farbklasse und Textur, auf den Balken zugeschnitten, und zeigt beide in der Legende', () => {
    const svg = root(kosten());
    const bars = svg.querySelectorAll('rect.pw-balken');
    // The colour class follows the series.
    for (const b of bars) expect(fuellung(b), b.getAttribute('data-serie') ?? '').toBe(b.getAttribute('data-serie'));
    // Solid, hatched, dotted: series 0 has no texture, the others one each, clipped to their bar.
    for (const b of bars) {
      const textur = texturVon(b);
      if (b.getAttribute('data-serie') === '0') expect(textur).toBeUndefined();
      else {
        expect(textur?.getAttribute('data-muster')).toBe(b.getAttribute('data-serie'));
        expect(textur?.getAttribute('viewBox')).toBe(['x', 'y', 'width', 'height'].map((a) => b.getAttribute(a)).join(' '));
        expect(['x', 'y', 'width', 'height'].map((a) => textur?.getAttribute(a))).toEqual(['x', 'y', 'width', 'height'].map((a) => b.getAttribute(a)));
        expect(textur?.querySelector('path.pw-muster')?.getAttribute('d')).toMatch(/^M/);
      }
    }
    const markenVon = (serie: string) => new Set(bars.filter((b) => b.getAttribute('data-serie') === serie).map((b) => markenart(texturVon(b))));
    expect(markenVon('1')).toEqual(new Set(['linien']));
    expect(markenVon('2')).toEqual(new Set(['punkte']));
    // The legend: the same classes and textures.
    const schluessel = svg.querySelectorAll('rect.pw-schluessel');
    expect(schluessel.map(fuellung)).toEqual(['0', '1', '2']);
    expect(schluessel.map((k) => texturVon(k)?.getAttribute('data-muster'))).toEqual([undefined, '1', '2']);
    expect(texts(svg)).toEqual(expect.arrayContaining(['Investition', 'Betrieb', 'Personal', 'Förderung', 'Mio. €']));
  });

  it('zeichnet die Marken einer Textur nur so weit, wie sie den Balken berühren', () => {
    for (const slot of [1, 2, 3, 4, 5, 6, 7]) {
      const markup = flaeche(slot, { x: 100, y: 50, width: 16, height: 40 });
      const d = root(`<svg>${markup}</svg>`).querySelector('path.pw-muster')!.getAttribute('d')!;
      const zahlen = [...d.matchAll(/-?\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
      expect(zahlen.length, String(slot)).toBeGreaterThan(4);
      // Far fewer marks than a chart-wide texture: every start point lies near the box.
      const starts = [...d.matchAll(/M(-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
      for (const [x, y] of starts) {
        expect(x, `${slot}: ${d}`).toBeGreaterThan(100 - 50);
        expect(x, `${slot}: ${d}`).toBeLessThan(116 + 50);
        expect(y, `${slot}: ${d}`).toBeGreaterThan(50 - 50);
        expect(y, `${slot}: ${d}`).toBeLessThan(90 + 50);
      }
    }
    // A solid slot, or an empty box, has no texture.
    expect(flaeche(0, { x: 0, y: 0, width: 10, height: 10 })).not.toContain('pw-textur');
    expect(flaeche(1, { x: 0, y: 0, width: 0, height: 10 })).not.toContain('pw-textur');
  });

  it('zeichnet die Linie mit einem Punkt je Kategorie mit Wert und einer Lücke, wo keiner ist', () => {
    const svg = root(kosten());
    const points = svg.querySelectorAll('.pw-linie-gruppe circle.pw-punkt');
    expect(points).toHaveLength(9);
    const path = svg.querySelector('.pw-linie-gruppe path.pw-linie')?.getAttribute('d') ?? '';
    expect(path.match(/M/g)).toHaveLength(2); // two runs: 2025–2030 and 2032–2034
    // 2026 (5,5 Mio.) is higher on the page than 2028 (1,0 Mio.)
    expect(Number(points[1]?.getAttribute('cy'))).toBeLessThan(Number(points[3]?.getAttribute('cy')));
  });

  it('beschriftet Achsen und Summen deutsch', () => {
    const t = texts(root(kosten()));
    expect(t).toEqual(expect.arrayContaining(['2025', '2034', '0', '14', '8,0', '10,9', '12,4'])); // totals in Mio. €, one decimal
    expect(t.filter((s) => /^20\d\d$/.test(s))).toHaveLength(10);
  });

  it('hebt Summen über die Linie, wo sie zum Nachbarn steigt', () => {
    // 2026: bar and line low, the line rises steeply to 2027, right past the 2026 total.
    const chart = stackedBars({
      id: 'steil', title: 't', desc: 'd', categories: [2025, 2026, 2027], format: 'euro', showTotals: true,
      series: [{ label: 'Investition', values: [4e8, 3e8, 9e8] }], line: { label: 'Förderung', values: [2e8, 3.2e8, 10e8] },
    });
    for (const [variante, svgText] of varianten(chart)) {
      const svg = root(svgText);
      const punkte = svg.querySelectorAll('.pw-linie-gruppe circle').map((c) => ({ x: Number(c.getAttribute('cx')), y: Number(c.getAttribute('cy')) }));
      const summen = svg.querySelectorAll('.pw-summen text').map(labelBox);
      expect(summen.map((b) => b.text), variante).toEqual(['4,0', '3,0', '9,0']);
      for (const b of summen) {
        // The label's bottom stays above the line (and its markers) across the label's width.
        expect(b.y1, `${variante}: „${b.text}“`).toBeLessThanOrEqual(highestLineY(punkte, b.x0, b.x1));
      }
    }
  });

  it('liefert dieselben Werte als Tabelle, mit Summen', () => {
    const { table } = kosten();
    expect(table.caption).toBe('Kosten und Förderung je Jahr');
    expect(table.columns.map((c) => [c.label, c.numeric])).toEqual([
      ['Jahr', false], ['Investition', true], ['Betrieb', true], ['Personal', true], ['Summe', true], ['Förderung', true],
    ]);
    expect(table.rows).toHaveLength(10);
    expect(table.rows[0]?.header).toBe('2025');
    expect(table.rows[0]?.cells.map(plain)).toEqual(['5.200.000 €', '1.900.000 €', '900.000 €', '8.000.000 €', '4.000.000 €']);
    expect(table.rows[6]?.cells.map(plain)[4]).toBe('keine Angabe');
    expect(table.foot?.header).toBe('Summe');
    expect(table.foot?.cells.map(plain)).toEqual(['55.500.000 €', '23.500.000 €', '10.500.000 €', '89.500.000 €', '26.000.000 €']);
    for (const row of table.rows) expect(row.cells).toHaveLength(table.columns.length - 1);
  });

  it('bleibt mit 10 Jahren und 8 Reihen lesbar: 8 Muster, alle Jahre beschriftet', () => {
    const series = Array.from({ length: 8 }, (_, s) => ({ label: `Produktgruppe ${s + 1}`, values: years.map((_, y) => ((s + y) % 5) * 10_000_000 + 5_000_000) }));
    const chart = stackedBars({ id: 'pg', title: 't', desc: 'd', categories: years, series, format: 'euro' });
    const svg = root(chart);
    const bars = svg.querySelectorAll('rect.pw-balken');
    expect(bars).toHaveLength(80);
    expect(new Set(bars.map(fuellung)).size).toBe(8);
    // Eight looks: solid and seven textures, each drawn differently.
    expect(new Set(bars.map((b) => texturVon(b)?.getAttribute('data-muster'))).size).toBe(8);
    expect(texts(svg).filter((s) => /^20\d\d$/.test(s))).toHaveLength(10);
  });

  it('listet die Reihen in einer einspaltigen Legende von oben nach unten wie im Stapel', () => {
    const series = ['Mobile Endgeräte für Schülerinnen und Schüler', 'Interaktive Displays', 'Netzwerk'].map((label) => ({ label, values: [1, 2] }));
    const svg = root(stackedBars({ id: 'l', title: 't', desc: 'd', categories: [2025, 2026], series, line: { label: 'Förderung', values: [1, 1] } }));
    expect(svg.querySelectorAll('.pw-legende text').map((t) => t.text)).toEqual(['Netzwerk', 'Interaktive Displays', 'Mobile Endgeräte für Schülerinnen und Schüler', 'Förderung']);
  });

  it('zeigt Prozentwerte ohne Summenzeile', () => {
    const chart = stackedBars({ id: 'p', title: 't', desc: 'd', categories: ['2025'], series: [{ label: 'A', values: [60] }, { label: 'B', values: [40] }], format: 'percent' });
    expect(chart.table.foot).toBeUndefined();
    expect(chart.table.columns.map((c) => c.label)).toEqual(['Jahr', 'A', 'B']);
    expect(texts(root(chart)).map(plain)).toEqual(expect.arrayContaining(['100 %', '0 %']));
  });
});

describe('horizontalBars', () => {
  const items = [
    { label: 'Mobile Endgeräte für Schülerinnen und Schüler an allen Schulformen der Stadt', value: 24.1 },
    { label: 'Interaktive Displays', value: 17.6 },
    { label: 'Fortbildung', value: 0 },
  ];
  const chart = horizontalBars({ id: 'anteile', title: 'Anteile', desc: 'd', items, format: 'percent', labelColumn: 'Produktgruppe', valueColumn: 'Anteil', sumLabel: 'Summe' });

  it('zeichnet einen Balken je Wert über 0 und schreibt jeden Wert daneben', () => {
    const svg = root(chart);
    const bars = svg.querySelectorAll('rect.pw-balken');
    expect(bars).toHaveLength(2);
    expect(Number(bars[0]?.getAttribute('width')) / Number(bars[1]?.getAttribute('width'))).toBeCloseTo(24.1 / 17.6, 2);
    expect(svg.querySelectorAll('text.pw-wert').map((t) => plain(t.text))).toEqual(['24,1 %', '17,6 %', '0,0 %']); // shares keep their decimal
  });

  it('bricht lange Beschriftungen um, statt sie abzuschneiden', () => {
    const label = root(chart).querySelectorAll('text.pw-beschriftung')[0];
    const lines = label?.querySelectorAll('tspan').map((t) => t.text) ?? [];
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(items[0]?.label);
  });

  it('liefert die Tabelle mit Kopf und Summe', () => {
    expect(chart.table.columns).toEqual([{ label: 'Produktgruppe', numeric: false }, { label: 'Anteil', numeric: true }]);
    expect(chart.table.rows.map((r) => [r.header, plain(r.cells[0] ?? '')])).toEqual([[items[0]?.label, '24,1 %'], ['Interaktive Displays', '17,6 %'], ['Fortbildung', '0,0 %']]);
    expect(chart.table.foot?.cells.map(plain)).toEqual(['41,7 %']);
  });
});

describe('bulletBars', () => {
  const items = [
    { label: 'Grundschule', value: 31.5, target: 25 },
    { label: 'Gymnasium', value: 104.6, target: 100 },
    { label: 'Förderschule', value: 64.8, target: 100 },
  ];
  const chart = bulletBars({ id: 'quote', title: 'Ausstattungsquote', desc: 'd', items, labelColumn: 'Schulform' });

  it('zeigt Wert und Zielwert als Text, Balken und Marke', () => {
    const svg = root(chart);
    expect(svg.querySelectorAll('text.pw-wert').map((t) => plain(t.text))).toEqual(['31,5 % (Ziel 25 %)', '104,6 % (Ziel 100 %)', '64,8 % (Ziel 100 %)']);
    expect(svg.querySelectorAll('.pw-zeile rect.pw-zielmarke')).toHaveLength(3);
    expect(svg.querySelectorAll('rect.pw-balken').map((b) => b.getAttribute('data-erreicht'))).toEqual(['true', 'true', 'false']);
    // reached and missed differ in texture, not only in colour
    const balken = svg.querySelectorAll('rect.pw-balken');
    const aussehen = balken.map((b) => `${fuellung(b)}/${texturVon(b)?.getAttribute('data-muster') ?? 'voll'}`);
    expect(aussehen[0]).toBe(aussehen[1]);
    expect(aussehen[2]).not.toBe(aussehen[0]);
    expect(balken.map((b) => texturVon(b)?.getAttribute('data-muster') ?? 'voll')).toContain('voll');
    expect(texts(svg)).toEqual(expect.arrayContaining(['Ziel erreicht', 'Ziel noch nicht erreicht', 'Zielwert']));
  });

  it('setzt die Marke an den Zielwert auf derselben Skala wie den Balken', () => {
    const svg = root(chart);
    const bar = svg.querySelectorAll('rect.pw-balken')[2];
    const mark = svg.querySelectorAll('.pw-zeile rect.pw-zielmarke')[2];
    const markX = Number(mark?.getAttribute('x')) + 2;
    expect(Number(bar?.getAttribute('width')) / markX).toBeCloseTo(64.8 / 100, 2);
  });

  it('liefert Wert, Zielwert und Erreichung als Tabelle', () => {
    expect(chart.table.columns.map((c) => c.label)).toEqual(['Schulform', 'Wert', 'Zielwert', 'Ziel erreicht']);
    expect(chart.table.rows.map((r) => r.cells.map(plain))).toEqual([['31,5 %', '25 %', 'ja'], ['104,6 %', '100 %', 'ja'], ['64,8 %', '100 %', 'nein']]);
  });
});

describe('stackedHorizontalBars', () => {
  const chart = stackedHorizontalBars({
    id: 'status',
    title: 'Maßnahmen nach Status',
    desc: 'd',
    categories: ['Infrastruktur und Ausstattung', 'Qualifizierung'],
    categoryLabel: 'Handlungsfeld',
    series: [
      { label: 'geplant', values: [3, 2] },
      { label: 'in Umsetzung', values: [4, 0] },
      { label: 'abgeschlossen', values: [2, 1] },
      { label: 'zurückgestellt', values: [1, 1] },
    ],
  });

  it('zeichnet ein Segment je Wert über 0, mit Anzahl und Summe', () => {
    const svg = root(chart);
    expect(svg.querySelectorAll('rect.pw-balken')).toHaveLength(7);
    expect(new Set(svg.querySelectorAll('rect.pw-balken').map(fuellung)).size).toBe(4);
    const rows = svg.querySelectorAll('g.pw-zeile');
    expect(rows[0]?.querySelectorAll('text.pw-halo').map((t) => t.text)).toEqual(['3', '4', '2', '1']);
    expect(rows.map((r) => r.querySelector('text.pw-wert')?.text)).toEqual(['10', '4']);
  });

  it('liefert Anzahlen, Zeilen- und Spaltensummen als Tabelle', () => {
    expect(chart.table.columns.map((c) => c.label)).toEqual(['Handlungsfeld', 'geplant', 'in Umsetzung', 'abgeschlossen', 'zurückgestellt', 'Summe']);
    expect(chart.table.rows.map((r) => r.cells)).toEqual([['3', '4', '2', '1', '10'], ['2', '0', '1', '1', '4']]);
    expect(chart.table.foot).toEqual({ header: 'Summe', cells: ['5', '4', '3', '2', '14'] });
  });
});

describe('lineChart', () => {
  const values = [17.8, 41.2, 55.6, 64.9, 71.3, 74.6];
  const chart = lineChart({
    id: 'indikator',
    title: 'Ausstattungsquote',
    desc: 'd',
    categories: [2020, 2021, 2022, 2023, 2024, 2025],
    series: [{ label: 'Ausstattungsquote', values }],
    target: { value: 75 },
    format: 'percent',
  });

  it('hat einen Punkt je Messwert, beschriftet deutsch', () => {
    const svg = root(chart);
    expect(svg.querySelectorAll('.pw-reihe .pw-markierung')).toHaveLength(6);
    expect(svg.querySelectorAll('text.pw-wert').map((t) => plain(t.text))).toEqual(['17,8 %', '41,2 %', '55,6 %', '64,9 %', '71,3 %', '74,6 %']);
    const ys = svg.querySelectorAll('.pw-reihe circle').map((c) => Number(c.getAttribute('cy')));
    expect([...ys].sort((a, b) => b - a)).toEqual(ys); // rising values: each point higher on the page
  });

  it('setzt das Wort des Plans vor den Zielwert und sein Jahr dahinter; wo das nicht frei steht, ohne das Jahr', () => {
    const mitJahr = lineChart({
      id: 'fortbildung',
      title: 'Fortbildung',
      desc: 'd',
      categories: [2021, 2022, 2023, 2024, 2025],
      series: [{ label: 'Fortbildung', values: [34, 41, 47, 52, 55] }],
      target: { value: 60, qualifier: 'etwa', suffix: 'bis 2026' },
      format: 'percent',
      digits: 1,
      pointLabels: true,
    });
    expect(texts(root(mitJahr.svg))).toContain('Zielwert etwa 60 % bis 2026');
    // On a phone the whole label would touch the label of a point: it goes without the year, never without „etwa“.
    expect(texts(root(mitJahr.narrowSvg!))).toContain('Zielwert etwa 60 %');
    expect(mitJahr.table.foot?.header).toBe('Zielwert bis 2026');
    expect(mitJahr.table.foot?.cells.map(plain)).toEqual(['etwa 60,0 %']);
  });

  it('zeichnet die Ziellinie mit der Beschriftung „Zielwert 75 %“', () => {
    const svg = root(chart);
    const line = svg.querySelector('line.pw-ziellinie');
    expect(line?.getAttribute('y1')).toBe(line?.getAttribute('y2'));
    expect(line?.getAttribute('stroke-dasharray')).toBeTruthy();
    expect(texts(svg)).toContain('Zielwert 75 %');
    // In the table the target keeps the column's decimals.
    expect(chart.table.foot).toEqual({ header: 'Zielwert', cells: ['75,0\u00a0%'] });
    expect(chart.table.rows.map((r) => [r.header, plain(r.cells[0] ?? '')])[5]).toEqual(['2025', '74,6 %']);
  });

  it('schreibt Zahlen einer Spalte mit gleich vielen Nachkommastellen: 6,0 neben 4,5, der Zielwert 2,0', () => {
    const tage = lineChart({ id: 'tage', title: 'Lösungszeit', desc: 'd', categories: [2023, 2024, 2025], series: [{ label: 'Tage', values: [6, 4.5, 3] }], target: { value: 2 }, format: 'number', digits: 1 });
    expect(tage.table.rows.map((r) => r.cells[0])).toEqual(['6,0', '4,5', '3,0']);
    expect(tage.table.foot?.cells).toEqual(['2,0']);
    expect(texts(root(tage))).toContain('Zielwert 2');
  });

  it('setzt Wertbeschriftungen nie auf die Ziellinie, einen Punkt oder eine andere Beschriftung', () => {
    const nah = lineChart({
      id: 'nah', title: 't', desc: 'd', categories: [2019, 2020, 2021, 2022, 2023, 2024],
      series: [{ label: 'Quote', values: [60, 72, 74.5, 75.5, 74, 76] }], target: { value: 75 }, format: 'percent',
    });
    for (const [variante, svgText] of varianten(nah)) {
      const svg = root(svgText);
      const ty = Number(svg.querySelector('line.pw-ziellinie')?.getAttribute('y1'));
      const punkte = svg.querySelectorAll('.pw-reihe circle').map((c) => ({ x: Number(c.getAttribute('cx')), y: Number(c.getAttribute('cy')) }));
      const boxen = svg.querySelectorAll('text.pw-wert').map(labelBox);
      expect(boxen.length, variante).toBeGreaterThan(0);
      for (const [i, b] of boxen.entries()) {
        expect(b.y0 > ty || b.y1 < ty, `${variante}: „${b.text}“ auf der Ziellinie`).toBe(true);
        for (const p of punkte) expect(b.x0 > p.x + 5 || b.x1 < p.x - 5 || b.y0 > p.y + 5 || b.y1 < p.y - 5, `${variante}: „${b.text}“ auf einem Punkt`).toBe(true);
        for (const o of boxen.slice(i + 1)) expect(b.x0 >= o.x1 || o.x0 >= b.x1 || b.y0 >= o.y1 || o.y0 >= b.y1, `${variante}: „${b.text}“ und „${o.text}“`).toBe(true);
      }
    }
    // What the chart leaves out, the table has.
    expect(nah.table.rows.map((r) => plain(r.cells[0] ?? ''))).toEqual(['60,0 %', '72,0 %', '74,5 %', '75,5 %', '74,0 %', '76,0 %']);
  });

  it('unterscheidet mehrere Reihen durch Marker und Strichart, nicht nur durch Farbe', () => {
    const two = lineChart({
      id: 'zwei', title: 't', desc: 'd', categories: [2021, 2022, 2023],
      series: [{ label: 'Gigabit', values: [null, 20, 40] }, { label: 'WLAN', values: [10, 30, 50] }], format: 'percent',
    });
    const svg = root(two);
    const [a, b] = svg.querySelectorAll('g.pw-reihe');
    expect(a?.querySelectorAll('.pw-markierung')).toHaveLength(2);
    expect(a?.querySelector('.pw-markierung')?.tagName).not.toBe(b?.querySelector('.pw-markierung')?.tagName);
    expect(a?.querySelector('path.pw-strich')?.getAttribute('stroke-dasharray')).not.toBe(b?.querySelector('path.pw-strich')?.getAttribute('stroke-dasharray'));
    expect(texts(svg)).toEqual(expect.arrayContaining(['Gigabit', 'WLAN']));
    expect(two.table.rows[0]?.cells.map(plain)).toEqual(['keine Angabe', '10,0 %']);
  });
});

describe('timeline', () => {
  const chart = timeline({
    id: 'meilensteine',
    title: 'Meilensteine',
    desc: 'd',
    items: [
      { date: '2026-10-15', label: 'Medienentwicklungsplan erscheint als lebendiges Dokument', done: false },
      { date: '2019-06-27', label: 'Erster Medienentwicklungsplan beschlossen', done: true },
      { date: '2021-09', label: 'Erste Fortschreibung beschlossen', done: true },
    ],
  });

  it('ordnet nach Datum, markiert jedes Jahr und unterscheidet erreicht und geplant', () => {
    const svg = root(chart);
    expect(svg.querySelectorAll('text.pw-datum').map((t) => t.text)).toEqual(['27.06.2019', 'September 2021', '15.10.2026']);
    expect(svg.querySelectorAll('text.pw-jahr').map((t) => t.text)).toEqual(['2019', '2020', '2021', '2022', '2023', '2024', '2025', '2026']);
    expect(svg.querySelectorAll('.pw-eintrag circle').map((c) => c.getAttribute('class'))).toEqual([
      'pw-meilenstein pw-erreicht', 'pw-meilenstein pw-erreicht', 'pw-meilenstein pw-geplant',
    ]);
    const tops = svg.querySelectorAll('.pw-eintrag circle').map((c) => Number(c.getAttribute('cy')));
    expect([...tops].sort((a, b) => a - b)).toEqual(tops);
  });

  it('liefert Datum, Meilenstein und Stand als Tabelle', () => {
    expect(chart.table.columns.map((c) => c.label)).toEqual(['Datum', 'Meilenstein', 'Stand']);
    expect(chart.table.rows[0]).toEqual({ header: '27.06.2019', cells: ['Erster Medienentwicklungsplan beschlossen', 'erreicht'] });
  });

  it('lehnt ein Datum in anderer Form ab', () => {
    expect(() => timeline({ id: 't', title: 't', desc: 'd', items: [{ date: '27.06.2019', label: 'x' }] })).toThrow(/2026-11-23, 2026-11, 2026-Q3, 2026 oder 2025\/26/);
  });
});

describe('Textmaße und Umbruch', () => {
  it('bricht an Leerzeichen und Bindestrichen um, zu lange Wörter mit Trennstrich', () => {
    expect(wrap('Netzwerk-Ausbau und WLAN', textWidth('Netzwerk-Ausbau'))).toEqual(['Netzwerk-Ausbau', 'und WLAN']);
    expect(wrap('Kurz', 200)).toEqual(['Kurz']);
    const parts = wrap('Digitalisierungsinfrastrukturförderprogramm', 120);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(textWidth(p)).toBeLessThanOrEqual(120);
    expect(parts.map((p) => p.replace(/-$/, '')).join('')).toBe('Digitalisierungsinfrastrukturförderprogramm');
  });
});

describe('Beschreibungen', () => {
  it('nennt Spanne, Extremwerte und Summe deutsch', () => {
    expect(plain(describeValues({ subject: 'Gesamtkosten', categories: [2025, 2026, 2027], values: [8e8, 10.9e8, 7.2e8], format: 'euro', total: true }))).toBe(
      'Gesamtkosten von 2025 bis 2027: zwischen 7,2 Mio. € (2027) und 10,9 Mio. € (2026), zusammen 26,1 Mio. €.',
    );
  });
  it('zählt erreichte Zielwerte und nennt die übrigen', () => {
    expect(
      plain(describeTargets({ subject: 'Schulformen', items: [{ label: 'Grundschule', value: 31.5, target: 25 }, { label: 'Förderschule', value: 64.8, target: 100 }] })),
    ).toBe('1 von 2 Schulformen erreicht ihren Zielwert. Noch nicht erreicht: Förderschule (64,8 % von 100 %).');
  });
});

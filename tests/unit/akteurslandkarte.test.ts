/**
 * The Akteurslandkarte (src/lib/charts/akteurslandkarte.ts): real SVG output, parsed and checked for
 * structure, accessibility, escaping, determinism, layout without overlaps (with 60 actors) and the
 * CSS filter rules in src/styles/karte.css.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, type HTMLElement } from 'node-html-parser';
import { akteurslandkarte, ebeneSlug, type KartenInput, type KartenKnoten } from '../../src/lib/charts/index.ts';
import { BEZIEHUNGSTYPEN, EBENEN } from '../../src/lib/schemas.ts';

const TYPEN = [...BEZIEHUNGSTYPEN];
const ebenen = [...EBENEN];

function knoten(id: string, name: string, ebene: string, kurzname?: string): KartenKnoten {
  return { id, name, ebene, href: `/akteure/${id}/`, ...(kurzname ? { kurzname } : {}) };
}

const klein = (): KartenInput => ({
  id: 'karte',
  title: 'Akteurslandkarte',
  desc: 'Wer mit wem',
  ebenen,
  typen: TYPEN,
  knoten: [
    knoten('ministerium', 'Ministerium für Schule und Bildung', 'Land', 'Schulministerium'),
    knoten('schulamt', 'Schulamt für die Stadt Musterstadt', 'Schulaufsicht', 'Schulamt'),
    knoten('bezirksregierung', 'Bezirksregierung', 'Schulaufsicht'),
    knoten('schulverwaltungsamt', 'Schulverwaltungsamt', 'Schulträger'),
    knoten('medienzentrum', 'Medienzentrum', 'kommunale Unterstützung'),
    knoten('schulen-gs', 'Städtische Grundschulen', 'Schule', 'Grundschulen'),
  ],
  kanten: [
    { von: 'schulamt', nach: 'schulen-gs', typ: 'beaufsichtigt', art: 'vertikal' },
    { von: 'ministerium', nach: 'schulverwaltungsamt', typ: 'finanziert', art: 'vertikal' },
    { von: 'bezirksregierung', nach: 'schulamt', typ: 'beaufsichtigt', art: 'horizontal' },
    { von: 'schulen-gs', nach: 'medienzentrum', typ: 'arbeitet zusammen mit', art: 'vertikal' },
    { von: 'bezirksregierung', nach: 'ministerium', typ: 'berichtet an', art: 'vertikal' },
  ],
});

/** 60 actors over the 7 Ebenen (uneven, up to 14 in one), with long names and ~90 relations. */
function gross(): KartenInput {
  const namen = [
    'Zentrum für schulpraktische Lehrerausbildung', 'Datenschutzbeauftragte der Stadt', 'Förderverein der Grundschule am Lindenhof',
    'Telekommunikationsanbieter', 'Schulsozialarbeit', 'Jugendamt', 'Glasfaser-Netzgesellschaft', 'Elternvertretung',
  ];
  const verteilung = [5, 6, 9, 14, 10, 11, 5];
  const list: KartenKnoten[] = [];
  verteilung.forEach((n, e) => {
    for (let i = 0; i < n; i++) {
      const nr = list.length;
      list.push(knoten(`a${nr}`, `${namen[nr % namen.length]} ${nr}`, ebenen[e] ?? '', nr % 4 === 0 ? `Kurz ${nr}` : undefined));
    }
  });
  const kanten: KartenInput['kanten'] = [];
  list.forEach((k, i) => {
    for (const step of [7, 13, 1]) {
      const ziel = list[(i * 3 + step) % list.length];
      if (!ziel || ziel.id === k.id || (step === 1 && i % 2 === 1)) continue;
      kanten.push({ von: k.id, nach: ziel.id, typ: TYPEN[(i + step) % TYPEN.length] ?? 'berät', art: ziel.ebene === k.ebene ? 'horizontal' : 'vertikal' });
    }
  });
  return { id: 'gross', title: 'Große Karte', desc: '60 Akteure', ebenen, typen: TYPEN, knoten: list, kanten };
}

function root(svg: string): HTMLElement {
  const el = parse(svg).querySelector('svg');
  if (!el) throw new Error('kein <svg>');
  return el;
}
const rects = (svg: HTMLElement) =>
  svg.querySelectorAll('.pw-knoten-box').map((r) => ({
    x: Number(r.getAttribute('x')),
    y: Number(r.getAttribute('y')),
    w: Number(r.getAttribute('width')),
    h: Number(r.getAttribute('height')),
  }));

describe('Akteurslandkarte', () => {
  it('ist deterministisch: dieselbe Eingabe ergibt dasselbe SVG, Koordinaten mit höchstens 2 Nachkommastellen', () => {
    for (const input of [klein(), gross()]) {
      const a = akteurslandkarte(input).svg;
      expect(akteurslandkarte(structuredClone(input)).svg).toBe(a);
      expect(a).not.toMatch(/\d\.\d{3,}/);
      expect(a).not.toContain('NaN');
      expect(a).not.toContain('style=');
    }
  });

  it('ist eine Gruppe (role="group") mit <title> und <desc>, nicht role="img", und 100 % breit', () => {
    const svg = root(akteurslandkarte(klein()).svg);
    expect(svg.getAttribute('role')).toBe('group');
    expect(svg.getAttribute('aria-labelledby')).toBe('karte-title karte-desc');
    expect(svg.querySelector('#karte-title')?.text).toBe('Akteurslandkarte');
    expect(svg.querySelector('#karte-desc')?.text).toBe('Wer mit wem');
    expect(svg.getAttribute('width')).toBe('100%');
    expect(svg.getAttribute('viewBox')).toMatch(/^0 0 960 \d+(\.\d+)?$/);
    // Every id carries the map's prefix.
    for (const el of svg.querySelectorAll('[id]')) expect(el.id.startsWith('karte-')).toBe(true);
  });

  it('zeichnet je Beziehung eine Kante mit Klassen, data-Attributen, Pfeil und <title>', () => {
    const input = klein();
    const svg = root(akteurslandkarte(input).svg);
    const kanten = svg.querySelectorAll('g.pw-kante');
    expect(kanten).toHaveLength(input.kanten.length);
    input.kanten.forEach((k, i) => {
      const g = kanten[i];
      if (!g) throw new Error(`Kante ${i} fehlt`);
      expect(g.classList.contains('pw-kante')).toBe(true);
      expect(g.classList.contains(`pw-kante-${k.art}`)).toBe(true);
      expect(g.classList.contains(k.art === 'vertikal' ? 'pw-kante-horizontal' : 'pw-kante-vertikal')).toBe(false);
      expect(g.getAttribute('data-typ')).toBe(k.typ);
      expect(g.getAttribute('data-von')).toBe(k.von);
      expect(g.getAttribute('data-nach')).toBe(k.nach);
      const linie = g.querySelector('.pw-kante-linie');
      const marker = linie?.getAttribute('marker-end')?.match(/^url\(#(.+)\)$/)?.[1];
      expect(marker && svg.querySelector(`marker#${marker}`)).toBeTruthy();
    });
    expect(kanten[0]?.querySelector('title')?.text).toBe('Schulamt beaufsichtigt Grundschulen');
    expect(kanten[1]?.getAttribute('data-ebenen')).toBe('land schultraeger');
    expect(kanten[2]?.getAttribute('data-ebenen')).toBe('schulaufsicht');
  });

  it('verlinkt jeden Akteur mit Box, Kurzname und vollem Namen als <title>', () => {
    const input = klein();
    const svg = root(akteurslandkarte(input).svg);
    const gruppen = svg.querySelectorAll('g.pw-knoten');
    expect(gruppen).toHaveLength(input.knoten.length);
    expect(svg.querySelectorAll('a')).toHaveLength(input.knoten.length);
    for (const k of input.knoten) {
      const g = gruppen.find((x) => x.getAttribute('data-id') === k.id);
      expect(g, k.id).toBeTruthy();
      expect(g?.getAttribute('data-ebene')).toBe(ebeneSlug(k.ebene));
      const a = g?.querySelector('a');
      expect(a?.getAttribute('href')).toBe(k.href);
      expect(a?.querySelector('title')?.text).toBe(k.name);
      expect(a?.querySelector('rect.pw-knoten-box')).toBeTruthy();
      expect(a?.querySelector('text')?.text).toBe(k.kurzname ?? k.name);
    }
  });

  it('zeichnet je belegter Ebene ein Band mit Namen, in der Reihenfolge der Ebenen', () => {
    const svg = root(akteurslandkarte(klein()).svg);
    const baender = svg.querySelectorAll('g.pw-ebene');
    // "schulintern" and "externe Dienstleister" have no actors here.
    expect(baender.map((b) => b.getAttribute('data-ebene'))).toEqual(['land', 'schulaufsicht', 'schultraeger', 'kommunale-unterstuetzung', 'schule']);
    expect(baender[3]?.querySelectorAll('.pw-ebene-name tspan').map((t) => t.text)).toEqual(['kommunale', 'Unterstützung']);
    const tops = baender.map((b) => Number(b.querySelector('rect')?.getAttribute('y')));
    expect([...tops].sort((a, b) => a - b)).toEqual(tops);
  });

  it('bildet Ebenen-Slugs wie in den CSS-Filtern', () => {
    expect(ebeneSlug('kommunale Unterstützung')).toBe('kommunale-unterstuetzung');
    expect(ebeneSlug('Schulträger')).toBe('schultraeger');
    expect(ebeneSlug('externe Dienstleister')).toBe('externe-dienstleister');
    expect(ebeneSlug('Öffentliche Straße')).toBe('oeffentliche-strasse');
  });

  it('hat in src/styles/karte.css Filterregeln für jede Ebene aus EBENEN', () => {
    const css = readFileSync(new URL('../../src/styles/karte.css', import.meta.url), 'utf8');
    for (const e of EBENEN) {
      const s = ebeneSlug(e);
      expect(css, e).toContain(`input[data-ebene='${s}']:not(:checked)) :is(.pw-knoten[data-ebene='${s}'], .pw-kante[data-ebenen~='${s}'])`);
    }
    expect(css).toContain(`input[data-filter='vertikal']:checked) .pw-kante-horizontal`);
    expect(css).toContain(`input[data-filter='horizontal']:checked) .pw-kante-vertikal`);
  });

  it('bricht bei einem unbekannten Akteur in einer Beziehung mit einer deutschen Meldung ab', () => {
    const input = klein();
    input.kanten.push({ von: 'schulamt', nach: 'stadtrat', typ: 'berät', art: 'vertikal' });
    expect(() => akteurslandkarte(input)).toThrow(/unbekannten Akteur „stadtrat“/);
    const von = klein();
    von.kanten.push({ von: 'niemand', nach: 'schulamt', typ: 'berät', art: 'vertikal' });
    expect(() => akteurslandkarte(von)).toThrow(/„niemand“/);
  });

  it('bricht bei unbekannter Ebene, unbekanntem Typ und doppelter ID ab', () => {
    const ebene = klein();
    ebene.knoten.push(knoten('x', 'X', 'Bund'));
    expect(() => akteurslandkarte(ebene)).toThrow(/Ebene „Bund“/);
    const typ = klein();
    typ.kanten.push({ von: 'schulamt', nach: 'ministerium', typ: 'ignoriert', art: 'vertikal' });
    expect(() => akteurslandkarte(typ)).toThrow(/Beziehungstyp „ignoriert“/);
    const doppelt = klein();
    doppelt.knoten.push(knoten('schulamt', 'Noch ein Schulamt', 'Schule'));
    expect(() => akteurslandkarte(doppelt)).toThrow(/„schulamt“ kommt mehrfach vor/);
  });

  it('maskiert Text in Namen, Titeln, Typen und Adressen', () => {
    const input = klein();
    input.title = 'Karte <b>fett</b> & "Zitat"';
    input.knoten[0] = knoten('ministerium', 'Ministerium <script>alert(1)</script> & Co', 'Land');
    input.knoten[0].href = '/akteure/x/?a=1&b="2"';
    const { svg } = akteurslandkarte(input);
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('href="/akteure/x/?a=1&amp;b=&quot;2&quot;"');
    const el = root(svg);
    // Parsed back, the text is the original.
    expect(el.querySelector('#karte-title')?.text).toBe('Karte <b>fett</b> & "Zitat"');
    expect(el.querySelector('#karte-title')?.childNodes).toHaveLength(1);
    expect(el.querySelector('g[data-id="ministerium"] title')?.text).toBe('Ministerium <script>alert(1)</script> & Co');
    expect(el.querySelector('g[data-id="ministerium"] a')?.getAttribute('href')).toBe('/akteure/x/?a=1&b="2"');
  });

  it('ordnet 60 Akteure ohne überlappende Boxen innerhalb der viewBox an', () => {
    const input = gross();
    expect(input.knoten).toHaveLength(60);
    const svg = root(akteurslandkarte(input).svg);
    const [, , width, height] = (svg.getAttribute('viewBox') ?? '').split(' ').map(Number);
    const boxes = rects(svg);
    expect(boxes).toHaveLength(60);
    for (const b of boxes) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.y).toBeGreaterThanOrEqual(0);
      expect(b.x + b.w).toBeLessThanOrEqual(width ?? 0);
      expect(b.y + b.h).toBeLessThanOrEqual(height ?? 0);
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (!a || !b) continue;
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
        expect(overlap, `Box ${i} und ${j}`).toBe(false);
      }
    }
    // No more than 5 side by side: the band with 14 actors wraps into rows.
    const rows = new Map<number, number>();
    for (const b of boxes) rows.set(b.y, (rows.get(b.y) ?? 0) + 1);
    expect(Math.max(...rows.values())).toBeLessThanOrEqual(5);
    // Each actor's box lies inside its band.
    for (const g of svg.querySelectorAll('g.pw-knoten')) {
      const band = svg.querySelector(`g.pw-ebene[data-ebene="${g.getAttribute('data-ebene')}"] rect`);
      const r = g.querySelector('rect');
      const top = Number(band?.getAttribute('y'));
      const bottom = top + Number(band?.getAttribute('height'));
      expect(Number(r?.getAttribute('y'))).toBeGreaterThan(top);
      expect(Number(r?.getAttribute('y')) + Number(r?.getAttribute('height'))).toBeLessThan(bottom);
    }
    expect(svg.querySelectorAll('g.pw-kante')).toHaveLength(input.kanten.length);
  });

  it('führt jeden Beziehungstyp in der Legende, jeden mit eigenem Strichmuster', () => {
    const svg = root(akteurslandkarte(klein()).svg);
    const eintraege = svg.querySelectorAll('.pw-legende .pw-legende-eintrag');
    expect(eintraege.map((e) => e.text)).toEqual(TYPEN);
    expect(eintraege.map((e) => e.getAttribute('data-typ'))).toEqual(TYPEN);
    const muster = eintraege.map((e) => e.querySelector('path')?.getAttribute('stroke-dasharray') ?? 'durchgezogen');
    expect(new Set(muster).size).toBe(TYPEN.length);
    // The edges use the dash pattern and arrowhead of their type's legend entry.
    for (const g of svg.querySelectorAll('g.pw-kante')) {
      const i = TYPEN.indexOf(g.getAttribute('data-typ') as (typeof TYPEN)[number]);
      const linie = g.querySelector('.pw-kante-linie');
      expect(linie?.getAttribute('stroke-dasharray') ?? 'durchgezogen').toBe(muster[i]);
      expect(linie?.getAttribute('marker-end')).toBe(`url(#karte-pfeil-${i})`);
    }
  });

  it('führt Kanten innerhalb einer Reihe als Bogen über der Reihe, nicht durch die Boxen', () => {
    const svg = root(akteurslandkarte(klein()).svg);
    const g = svg.querySelector('g.pw-kante[data-von="bezirksregierung"][data-nach="schulamt"]');
    const d = g?.querySelector('.pw-kante-linie')?.getAttribute('d') ?? '';
    const ys = d.split(/[MC ,]+/).filter((p) => p !== '').map(Number).filter((_, i) => i % 2 === 1);
    const top = Number(svg.querySelector('g.pw-knoten[data-id="schulamt"] rect')?.getAttribute('y'));
    expect(ys.length).toBe(4);
    for (const y of ys) expect(y).toBeLessThanOrEqual(top);
  });
});

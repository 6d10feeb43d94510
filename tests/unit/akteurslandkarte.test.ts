/**
 * The Akteurslandkarte (src/ausgabe/charts/akteurslandkarte.ts) and its overview by Ebene
 * (src/ausgabe/charts/akteursueberblick.ts): real SVG output, parsed and checked for structure,
 * accessibility, escaping, determinism, layout without overlaps (with 60 actors), counts against a
 * small input counted by hand, and the CSS filter rules in src/ausgabe/styles/karte.css.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HTMLElement, parse } from 'node-html-parser';
import { akteurslandkarte, ebeneSlug, type KartenInput, type KartenKnoten } from '../../src/ausgabe/charts/index.ts';
import { OHNE_ZUORDNUNG, schichten } from '../../src/ausgabe/charts/akteurslandkarte.ts';
import { akteursueberblick, ueberblickDaten } from '../../src/ausgabe/charts/akteursueberblick.ts';
import { textWidth } from '../../src/ausgabe/charts/svg.ts';
import { BEZIEHUNGSTYPEN, EBENEN } from '../../src/plan/schemas/index.ts';

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
      expect(g?.getAttribute('data-ebene')).toBe(ebeneSlug(k.ebene!));
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

  it('hat in src/ausgabe/styles/karte.css Filterregeln für jede Ebene aus EBENEN', () => {
    const css = readFileSync(new URL('../../src/ausgabe/styles/karte.css', import.meta.url), 'utf8');
    for (const e of EBENEN) {
      const s = ebeneSlug(e);
      expect(css, e).toContain(`input[data-ebene='${s}']:not(:checked)) :is(.pw-knoten[data-ebene='${s}'], .pw-kante[data-ebenen~='${s}'])`);
    }
    // "Nur vertikale" hides every other edge, also those of no kind (an end without Ebene); likewise "Nur horizontale".
    expect(css).toContain(`input[data-filter='vertikal']:checked) .pw-kante:not(.pw-kante-vertikal)`);
    expect(css).toContain(`input[data-filter='horizontal']:checked) .pw-kante:not(.pw-kante-horizontal)`);
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

/**
 * Three Ebenen with actors (Land 1, Schulträger 3, Schule 2) and ten relations, counted by hand:
 * Land → Schulträger 3 (berät 1, finanziert 2), Schulträger → Schule 3 (unterstützt 3),
 * Schule → Schulträger 1 (berichtet an); within Schulträger 2 (beauftragt 2), within Schule 1.
 */
const buendel = (): KartenInput => ({
  id: 'buendel',
  title: 'Akteurslandkarte',
  desc: 'Bündel',
  ebenen,
  typen: TYPEN,
  knoten: [
    knoten('ministerium', 'Ministerium', 'Land'),
    knoten('rat', 'Rat der Stadt', 'Schulträger', 'Rat'),
    knoten('amt', 'Schulverwaltungsamt', 'Schulträger'),
    knoten('it', 'IT-Dienstleister', 'Schulträger'),
    knoten('gs', 'Grundschule', 'Schule'),
    knoten('gym', 'Gymnasium', 'Schule'),
  ],
  kanten: [
    { von: 'ministerium', nach: 'amt', typ: 'finanziert', art: 'vertikal' },
    { von: 'ministerium', nach: 'rat', typ: 'berät', art: 'vertikal' },
    { von: 'ministerium', nach: 'it', typ: 'finanziert', art: 'vertikal' },
    { von: 'rat', nach: 'amt', typ: 'beauftragt', art: 'horizontal' },
    { von: 'amt', nach: 'it', typ: 'beauftragt', art: 'horizontal' },
    { von: 'amt', nach: 'gs', typ: 'unterstützt', art: 'vertikal' },
    { von: 'it', nach: 'gs', typ: 'unterstützt', art: 'vertikal' },
    { von: 'it', nach: 'gym', typ: 'unterstützt', art: 'vertikal' },
    { von: 'gym', nach: 'amt', typ: 'berichtet an', art: 'vertikal' },
    { von: 'gs', nach: 'gym', typ: 'arbeitet zusammen mit', art: 'horizontal' },
  ],
});

/** Estimated box of every <text> (as svg.ts measures, bold as the wider case). */
function textBoxes(svg: HTMLElement) {
  return svg.querySelectorAll('text').map((t) => {
    const size = Number(t.getAttribute('font-size') ?? svg.getAttribute('font-size'));
    // Lines are child <tspan>s with a position; a <tspan> without one only sets the weight.
    const spans = t.childNodes.filter((n): n is HTMLElement => n instanceof HTMLElement && n.tagName === 'TSPAN' && n.hasAttribute('x'));
    const zeilen = spans.length > 0 ? spans.map((s) => ({ x: Number(s.getAttribute('x')), y: Number(s.getAttribute('y')), text: s.text })) : [{ x: Number(t.getAttribute('x')), y: Number(t.getAttribute('y')), text: t.text }];
    const x = Math.min(...zeilen.map((z) => z.x));
    return {
      text: t.text,
      x,
      y: Math.min(...zeilen.map((z) => z.y)) - 0.8 * size,
      w: Math.max(...zeilen.map((z) => textWidth(z.text, size, true))),
      h: Math.max(...zeilen.map((z) => z.y)) - Math.min(...zeilen.map((z) => z.y)) + 1.05 * size,
    };
  });
}
type Rect = { x: number; y: number; w: number; h: number };
const overlap = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
/** Straight segments of the overview's lines ("M x,y H x2" or "M x,y V y2"), as thin rectangles. */
function segments(svg: HTMLElement): Rect[] {
  return svg.querySelectorAll('path.pw-ueberblick-linie').map((p) => {
    const m = (p.getAttribute('d') ?? '').match(/^M([\d.]+),([\d.]+)([HV])([\d.]+)$/);
    if (!m) throw new Error(`unerwarteter Pfad ${p.getAttribute('d')}`);
    const [x, y, art, bis] = [Number(m[1]), Number(m[2]), m[3], Number(m[4])];
    return art === 'H' ? { x: Math.min(x, bis), y: y - 1.25, w: Math.abs(bis - x), h: 2.5 } : { x: x - 1.25, y: Math.min(y, bis), w: 2.5, h: Math.abs(bis - y) };
  });
}

describe('Überblick der Akteurslandkarte nach Ebenen', () => {
  it('zählt Akteure und Beziehungen je Ebene und je Paar von Ebenen wie von Hand gezählt', () => {
    const { gruppen, kanten } = ueberblickDaten(buendel());
    // Only Ebenen with actors, in the order of the Ebenen.
    expect(gruppen.map((g) => [g.name, g.akteure.length, g.untereinander.anzahl])).toEqual([
      ['Land', 1, 0],
      ['Schulträger', 3, 2],
      ['Schule', 2, 1],
    ]);
    expect(gruppen[1]?.untereinander.typen).toEqual([{ typ: 'beauftragt', anzahl: 2 }]);
    expect(gruppen[2]?.untereinander.typen).toEqual([{ typ: 'arbeitet zusammen mit', anzahl: 1 }]);
    // Short names in alphabetical order.
    expect(gruppen[1]?.akteure.map((k) => k.kurzname ?? k.name)).toEqual(['IT-Dienstleister', 'Rat', 'Schulverwaltungsamt']);
    expect(kanten).toEqual([
      { von: 0, nach: 1, anzahl: 3, typen: [{ typ: 'berät', anzahl: 1 }, { typ: 'finanziert', anzahl: 2 }] },
      { von: 1, nach: 2, anzahl: 3, typen: [{ typ: 'unterstützt', anzahl: 3 }] },
      { von: 2, nach: 1, anzahl: 1, typen: [{ typ: 'berichtet an', anzahl: 1 }] },
    ]);
  });

  it('zeigt je Ebene eine Box mit Namen, Zahl und Kurznamen und je Paar einen beschrifteten Pfeil', () => {
    const svg = root(akteursueberblick(buendel()).svg);
    const boxen = svg.querySelectorAll('g.pw-ueberblick-gruppe');
    expect(boxen.map((g) => [g.getAttribute('data-ebene'), g.getAttribute('data-akteure'), g.getAttribute('data-untereinander')])).toEqual([
      ['land', '1', '0'],
      ['schultraeger', '3', '2'],
      ['schule', '2', '1'],
    ]);
    // Each <text> with its lines joined by a space.
    const zeilen = (t: HTMLElement) => {
      const spans = t.childNodes.filter((n): n is HTMLElement => n instanceof HTMLElement && n.hasAttribute('x'));
      return (spans.length > 0 ? spans.map((s) => s.text).join(' ') : t.text).replaceAll('\u00a0', ' ');
    };
    const text = (g: HTMLElement | undefined) => g?.querySelectorAll('text').map(zeilen).join(' | ');
    expect(text(boxen[0])).toBe('Land · 1 Akteur | Ministerium');
    expect(text(boxen[1])).toBe('Schulträger · 3 Akteure | IT-Dienstleister, Rat, Schulverwaltungsamt | 2 Beziehungen untereinander: beauftragt');
    expect(text(boxen[2])).toBe('Schule · 2 Akteure | Grundschule, Gymnasium | 1 Beziehung untereinander: arbeitet zusammen mit');
    const pfeile = svg.querySelectorAll('g.pw-ueberblick-kante');
    expect(pfeile.map((g) => [g.getAttribute('data-von'), g.getAttribute('data-nach'), g.getAttribute('data-anzahl'), g.querySelector('text')?.text.replaceAll('\u00a0', ' ')])).toEqual([
      ['land', 'schultraeger', '3', '→ Schulträger: 3 Beziehungen – berät, finanziert (2)'],
      ['schultraeger', 'schule', '3', '→ Schule: 3 Beziehungen – unterstützt'],
      ['schule', 'schultraeger', '1', '→ Schulträger: 1 Beziehung – berichtet an'],
    ]);
    // One arrowhead into each group that relations lead to, in the colour of its lines.
    const eingaenge = svg.querySelectorAll('g.pw-ueberblick-eingang');
    expect(eingaenge.map((g) => g.getAttribute('data-nach'))).toEqual(['schultraeger', 'schule']);
    for (const g of eingaenge) {
      const marker = g.querySelector('path[marker-end]')?.getAttribute('marker-end')?.match(/^url\(#(.+)\)$/)?.[1];
      expect(marker && svg.querySelector(`marker#${marker}`)).toBeTruthy();
    }
  });

  it('ist ein Bild (role="img") mit <title> und <desc>, ohne Links, und nennt die Gruppen des Plans', () => {
    const svg = root(akteursueberblick(buendel()).svg);
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-labelledby')).toBe('buendel-ueberblick-title buendel-ueberblick-desc');
    expect(svg.querySelector('#buendel-ueberblick-title')?.text).toBe('Überblick nach Ebenen');
    expect(svg.querySelector('#buendel-ueberblick-desc')?.text).toBe(
      '3 Ebenen mit 6 Akteuren. 7 Beziehungen zwischen verschiedenen Ebenen, zusammengefasst zu 3 Pfeilen (einer je Richtung zwischen zwei Ebenen); 3 Beziehungen innerhalb einer Ebene. Dieselben Angaben stehen in den Tabellen unter dem Bild.',
    );
    expect(svg.querySelectorAll('a')).toHaveLength(0);
    for (const el of svg.querySelectorAll('[id]')) expect(el.id.startsWith('buendel-ueberblick-')).toBe(true);
    const gruppen = akteursueberblick(buendel(), { wort: { einzahl: 'Gruppe', mehrzahl: 'Gruppen' } });
    expect(gruppen.title).toBe('Überblick nach Gruppen');
    expect(gruppen.desc).toContain('innerhalb einer Gruppe');
    expect(gruppen.tabellen.map((t) => t.caption)).toEqual(['Gruppen und ihre Akteure', 'Beziehungen zwischen den Gruppen']);
  });

  it('liefert dieselben Zahlen als Tabellen', () => {
    const { tabellen } = akteursueberblick(buendel());
    const [gruppen, paare] = tabellen;
    expect(gruppen.rows.map((r) => ({ header: r.header, cells: r.cells.map((c) => c.replaceAll('\u00a0', ' ')) }))).toEqual([
      { header: 'Land', cells: ['1', '0', '–'] },
      { header: 'Schulträger', cells: ['3', '2', 'beauftragt'] },
      { header: 'Schule', cells: ['2', '1', 'arbeitet zusammen mit'] },
    ]);
    expect(paare.rows.map((r) => [r.header, ...r.cells.map((c) => c.replaceAll('\u00a0', ' '))])).toEqual([
      ['Land', 'Schulträger', '3', 'berät, finanziert (2)'],
      ['Schulträger', 'Schule', '3', 'unterstützt'],
      ['Schule', 'Schulträger', '1', 'berichtet an'],
    ]);
    for (const t of tabellen) for (const r of t.rows) expect(r.cells.length + 1).toBe(t.columns.length);
  });

  it('ist deterministisch, auch bei anderer Reihenfolge der Eingabe; Koordinaten mit höchstens 2 Nachkommastellen', () => {
    for (const input of [buendel(), klein(), gross()]) {
      const a = akteursueberblick(input).svg;
      expect(akteursueberblick(structuredClone(input)).svg).toBe(a);
      expect(akteursueberblick({ ...input, knoten: [...input.knoten].reverse(), kanten: [...input.kanten].reverse() }).svg).toBe(a);
      expect(a).not.toMatch(/\d\.\d{3,}/);
      expect(a).not.toContain('NaN');
      expect(a).not.toContain('Infinity');
      expect(a).not.toContain('style=');
    }
  });

  it('legt Boxen, Beschriftungen und Linien ohne Überlappung in die viewBox, auch bei 60 Akteuren', () => {
    for (const input of [buendel(), klein(), gross()]) {
      const svg = root(akteursueberblick(input).svg);
      const [, , width, height] = (svg.getAttribute('viewBox') ?? '').split(' ').map(Number);
      const boxen: Rect[] = svg.querySelectorAll('rect.pw-ueberblick-box').map((r) => ({
        x: Number(r.getAttribute('x')),
        y: Number(r.getAttribute('y')),
        w: Number(r.getAttribute('width')),
        h: Number(r.getAttribute('height')),
      }));
      expect(boxen).toHaveLength(new Set(input.knoten.map((k) => k.ebene)).size);
      const texte = textBoxes(svg);
      const linien = segments(svg);
      for (const r of [...boxen, ...texte, ...linien]) {
        expect(r.x, input.id).toBeGreaterThanOrEqual(0);
        expect(r.y, input.id).toBeGreaterThanOrEqual(0);
        expect(r.x + r.w, input.id).toBeLessThanOrEqual(width ?? 0);
        expect(r.y + r.h, input.id).toBeLessThanOrEqual(height ?? 0);
      }
      boxen.forEach((a, i) => boxen.slice(i + 1).forEach((b) => expect(overlap(a, b), `${input.id}: Boxen`).toBe(false)));
      texte.forEach((a, i) => {
        for (const b of texte.slice(i + 1)) expect(overlap(a, b), `${input.id}: „${a.text}“ und „${b.text}“`).toBe(false);
        // Text lies in its box or right of all boxes; no line runs through it.
        const inBox = boxen.filter((b) => overlap(a, b));
        for (const b of inBox) expect(a.x >= b.x && a.x + a.w <= b.x + b.w && a.y >= b.y && a.y + a.h <= b.y + b.h, `${input.id}: „${a.text}“ ragt aus der Box`).toBe(true);
        for (const l of linien) expect(overlap(a, l), `${input.id}: Linie durch „${a.text}“`).toBe(false);
      });
      expect(svg.querySelectorAll('g.pw-ueberblick-kante')).toHaveLength(ueberblickDaten(input).kanten.length);
    }
  });

  it('kürzt lange Listen von Kurznamen mit „und n weitere“', () => {
    const input = gross();
    const svg = root(akteursueberblick(input).svg);
    const ebene = svg.querySelector('g.pw-ueberblick-gruppe[data-akteure="14"] .pw-ueberblick-akteure');
    expect(ebene?.text).toMatch(/ und \d+ weitere$/);
    expect(ebene?.querySelectorAll('tspan').length).toBeLessThanOrEqual(4);
  });

  it('maskiert Namen von Ebenen und Akteuren', () => {
    const input = buendel();
    input.ebenen = ['Land & <Bund>', 'Schulträger', 'Schule "A"'];
    input.knoten = input.knoten.map((k) => (k.ebene === 'Land' ? { ...k, ebene: 'Land & <Bund>', kurzname: '<script>alert(1)</script>' } : k.ebene === 'Schule' ? { ...k, ebene: 'Schule "A"' } : k));
    const { svg } = akteursueberblick(input);
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<Bund>');
    const el = root(svg);
    expect(el.querySelector('g.pw-ueberblick-gruppe[data-ebene="land-bund"] .pw-ueberblick-name')?.text).toBe('Land & <Bund> · 1 Akteur');
    expect(el.querySelector('g.pw-ueberblick-gruppe[data-ebene="land-bund"] .pw-ueberblick-akteure')?.text).toBe('<script>alert(1)</script>');
    expect(el.querySelector('g.pw-ueberblick-kante[data-von="schultraeger"] text')?.text).toContain('→ Schule "A"');
  });

  it('zeichnet ohne Beziehungen nur die Boxen', () => {
    const input = { ...buendel(), kanten: [] };
    const svg = root(akteursueberblick(input).svg);
    expect(svg.querySelectorAll('g.pw-ueberblick-gruppe')).toHaveLength(3);
    expect(svg.querySelectorAll('g.pw-ueberblick-kante, g.pw-ueberblick-eingang')).toHaveLength(0);
  });

  it('wird in src/ausgabe/styles/karte.css mit den Radioknöpfen umgeschaltet: Überblick oder Karte, nie beides', () => {
    const css = readFileSync(new URL('../../src/ausgabe/styles/karte.css', import.meta.url), 'utf8');
    expect(css).toContain(`.akteurslandkarte:has(input[data-filter='ueberblick']:checked) :is(.akteurslandkarte-bild, .akteurslandkarte-ebenenfilter)`);
    expect(css).toContain(`.akteurslandkarte:not(:has(input[data-filter='ueberblick']:checked)) .akteurslandkarte-ueberblick { display: none; }`);
  });
});

/** The same actor without its Ebene, as the map gets it for a plan that assigns it to none. */
function ohneEbene(k: KartenKnoten): KartenKnoten {
  const { ebene: _, ...rest } = k;
  return rest;
}

/**
 * A plan without any Ebene, by hand: it (IT-Dienstleister) has the most partners (amt, mz, gs),
 * mz berät amt, verein has no relation. Rows by relations: it; amt, gs, mz; verein.
 */
const ohneEbenen = (): KartenInput => ({
  id: 'ohne',
  title: 'Akteurslandkarte',
  desc: 'Ohne Ebenen',
  ebenen: [],
  typen: TYPEN,
  knoten: [
    { id: 'amt', name: 'Schulverwaltungsamt', href: '/akteure/amt/' },
    { id: 'it', name: 'IT-Dienstleister', href: '/akteure/it/' },
    { id: 'mz', name: 'Medienzentrum', href: '/akteure/mz/' },
    { id: 'gs', name: 'Grundschule', href: '/akteure/gs/' },
    { id: 'verein', name: 'Förderverein', href: '/akteure/verein/' },
  ],
  kanten: [
    { von: 'amt', nach: 'it', typ: 'beauftragt' },
    { von: 'mz', nach: 'amt', typ: 'berät' },
    { von: 'it', nach: 'gs', typ: 'unterstützt' },
    { von: 'it', nach: 'mz', typ: 'arbeitet zusammen mit' },
  ],
});

/** klein() with bezirksregierung and medienzentrum in no Ebene: their three relations have no kind. */
function teilweise(): KartenInput {
  const input = klein();
  const ohne = new Set(['bezirksregierung', 'medienzentrum']);
  return {
    ...input,
    id: 'teilweise',
    knoten: input.knoten.map((k) => (ohne.has(k.id) ? ohneEbene(k) : k)),
    kanten: input.kanten.map(({ art, ...k }) => (ohne.has(k.von) || ohne.has(k.nach) ? k : { ...k, art })),
  };
}

const box = (svg: HTMLElement, id: string) => {
  const r = svg.querySelector(`g.pw-knoten[data-id="${id}"] rect`);
  return { x: Number(r?.getAttribute('x')), y: Number(r?.getAttribute('y')) };
};

describe('Akteurslandkarte ohne Ebenen', () => {
  it('ordnet die Akteure in Reihen nach ihren Beziehungen: der mit den meisten Partnern oben, ohne Beziehung zuletzt', () => {
    const reihen = schichten(ohneEbenen().knoten, ohneEbenen().kanten).map((r) => r.map((k) => k.id).sort());
    expect(reihen).toEqual([['it'], ['amt', 'gs', 'mz'], ['verein']]);
  });

  it('lässt keine Beziehung eine Reihe überspringen, auch bei 60 Akteuren', () => {
    const input = gross();
    const reihen = schichten(input.knoten.map(ohneEbene), input.kanten);
    const reihe = new Map(reihen.flatMap((r, i) => r.map((k) => [k.id, i] as const)));
    expect(reihe.size).toBe(input.knoten.length);
    for (const k of input.kanten) expect(Math.abs(reihe.get(k.von)! - reihe.get(k.nach)!), `${k.von} → ${k.nach}`).toBeLessThanOrEqual(1);
    expect(reihen.length).toBeGreaterThan(1);
  });

  it('zeichnet jeden Akteur und jede Beziehung in einem Band ohne Namen, ohne Ebene und ohne Art', () => {
    const input = ohneEbenen();
    const { svg } = akteurslandkarte(input);
    const el = root(svg);
    const baender = el.querySelectorAll('g.pw-ebene');
    expect(baender).toHaveLength(1);
    expect(baender[0]!.classList.contains('pw-ebene-ohne')).toBe(true);
    expect(baender[0]!.querySelectorAll('.pw-ebene-name')).toHaveLength(0);
    expect(el.querySelectorAll('[data-ebene], [data-ebenen]')).toHaveLength(0);
    expect(el.querySelectorAll('a').map((a) => a.getAttribute('href')).sort()).toEqual(input.knoten.map((k) => k.href).sort());
    const kanten = el.querySelectorAll('g.pw-kante');
    expect(kanten.map((g) => `${g.getAttribute('data-von')} ${g.getAttribute('data-nach')}`)).toEqual(input.kanten.map((k) => `${k.von} ${k.nach}`));
    for (const g of kanten) expect(g.getAttribute('class')).toBe('pw-kante');
    expect(svg).not.toMatch(/vertikal|horizontal/);
    // Rows top to bottom as by relations, the actors over the full width (no band names to their left).
    expect(box(el, 'it').y).toBeLessThan(box(el, 'amt').y);
    expect(new Set(['amt', 'gs', 'mz'].map((id) => box(el, id).y)).size).toBe(1);
    expect(box(el, 'amt').y).toBeLessThan(box(el, 'verein').y);
    expect(Math.min(...rects(el).map((r) => r.x))).toBeLessThan(Math.min(...rects(root(akteurslandkarte(klein()).svg)).map((r) => r.x)));
  });

  it('legt 60 Akteure ohne Ebene ohne Überlappung in die viewBox', () => {
    const input = { ...gross(), knoten: gross().knoten.map(ohneEbene), kanten: gross().kanten.map(({ art: _, ...k }) => k) };
    const el = root(akteurslandkarte(input).svg);
    const [, , width, height] = (el.getAttribute('viewBox') ?? '').split(' ').map(Number);
    const boxes = rects(el);
    expect(boxes).toHaveLength(60);
    for (const b of boxes) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.y).toBeGreaterThanOrEqual(0);
      expect(b.x + b.w).toBeLessThanOrEqual(width ?? 0);
      expect(b.y + b.h).toBeLessThanOrEqual(height ?? 0);
    }
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b, j) => expect(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h, `Box ${i} und ${i + j + 1}`).toBe(false)));
    expect(el.querySelectorAll('g.pw-kante')).toHaveLength(input.kanten.length);
  });
});

describe('Akteurslandkarte mit Akteuren ohne Ebene', () => {
  it('zeichnet sie nach den Ebenen in einem eigenen Band, das sagt, dass der Plan sie keiner zuordnet', () => {
    const el = root(akteurslandkarte(teilweise()).svg);
    const baender = el.querySelectorAll('g.pw-ebene');
    expect(baender.map((b) => b.getAttribute('data-ebene') ?? null)).toEqual(['land', 'schulaufsicht', 'schultraeger', 'schule', null]);
    const letztes = baender.at(-1)!;
    expect(letztes.classList.contains('pw-ebene-ohne')).toBe(true);
    expect(letztes.querySelectorAll('.pw-ebene-name tspan').map((t) => t.text).join(' ')).toBe(OHNE_ZUORDNUNG);
    const flaeche = letztes.querySelector('rect')!;
    const oben = Number(flaeche.getAttribute('y'));
    const unten = oben + Number(flaeche.getAttribute('height'));
    for (const id of ['bezirksregierung', 'medienzentrum']) {
      const g = el.querySelector(`g.pw-knoten[data-id="${id}"]`)!;
      expect(g.hasAttribute('data-ebene'), id).toBe(false);
      expect(g.getAttribute('data-band'), id).toBe(letztes.getAttribute('data-band'));
      expect(box(el, id).y, id).toBeGreaterThan(oben);
      expect(box(el, id).y, id).toBeLessThan(unten);
    }
  });

  it('gibt nur Beziehungen zwischen zwei Akteuren mit Ebene eine Art, und nennt in data-ebenen nur Ebenen', () => {
    const input = teilweise();
    const el = root(akteurslandkarte(input).svg);
    const kanten = el.querySelectorAll('g.pw-kante');
    expect(kanten.map((g) => g.getAttribute('class'))).toEqual(['pw-kante pw-kante-vertikal', 'pw-kante pw-kante-vertikal', 'pw-kante', 'pw-kante', 'pw-kante']);
    expect(kanten.map((g) => g.getAttribute('data-ebenen') ?? null)).toEqual(['schulaufsicht schule', 'land schultraeger', 'schulaufsicht', 'schule', 'land']);
  });

  it('lässt sie im Überblick weg und sagt, wie viele Akteure und Beziehungen dort fehlen', () => {
    const daten = ueberblickDaten(teilweise());
    expect(daten.gruppen.map((g) => [g.name, g.akteure.map((k) => k.id)])).toEqual([
      ['Land', ['ministerium']],
      ['Schulaufsicht', ['schulamt']],
      ['Schulträger', ['schulverwaltungsamt']],
      ['Schule', ['schulen-gs']],
    ]);
    expect(daten.kanten.map((k) => [k.von, k.nach, k.anzahl])).toEqual([
      [0, 2, 1],
      [1, 3, 1],
    ]);
    expect(daten.ohneZuordnung).toEqual({ akteure: 2, beziehungen: 3 });
    const { desc, svg } = akteursueberblick(teilweise());
    expect(desc).toContain('Nicht im Überblick: 2 Akteure, die der Plan keiner Ebene zuordnet, und ihre 3 Beziehungen.');
    expect(svg).not.toContain(OHNE_ZUORDNUNG);
    // Without any, the sentence is not there.
    expect(akteursueberblick(klein()).desc).not.toContain('Nicht im Überblick');
  });
});

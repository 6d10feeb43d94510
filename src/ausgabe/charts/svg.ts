/**
 * SVG markup as strings: escaping, rounding, text measurement and wrapping, the root element,
 * filled and textured areas and legends. Pure TypeScript, no DOM. Colours come only from CSS classes in
 * src/ausgabe/styles/charts.css (no style attributes, no <style>), so a strict CSP is no obstacle.
 */

/** Font size in viewBox units (set once on the root <svg>). */
export const FONT = 15;
/** The smallest text size a chart may show, in CSS px (readable on a phone). */
export const MIN_TEXT_PX = 12;
/** Width of every chart's viewBox; its text is at least MIN_TEXT_PX when shown at least NARROW_BELOW px wide. */
export const WIDTH = 480;
/**
 * Width of the narrow variant every chart also draws, for phones: at 343 px (a 375 px phone)
 * its text is 14.3 px, at 288 px (320 px) still 12 px. Charts.css shows it instead of the wide
 * one in frames narrower than NARROW_BELOW (an @container rule with the same number).
 */
export const NARROW_WIDTH = 360;
/** Frame width in CSS px below which the wide variant's text would be smaller than MIN_TEXT_PX. */
export const NARROW_BELOW = (WIDTH * MIN_TEXT_PX) / FONT;

/** Ids of the narrow variant: its own prefix, so both variants can be on one page. */
export function narrowId(id: string): string {
  return `${id}-schmal`;
}
/** Line height of wrapped text. */
export const LINE = 19;
/** Baseline offset of a text line below its top. */
export const ASCENT = 14;
/** Number of colours and patterns in the palette (pw-serie-0 … pw-serie-7). */
export const PALETTE_SIZE = 8;

/** Escape text for element content and attribute values. */
export function esc(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** A coordinate rounded to 2 decimals, without "-0", as attribute text. */
export function num(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Diagramm: ungültige Koordinate ${value}`);
  const rounded = Math.round(value * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

export type Attrs = Record<string, string | number | undefined | false>;

function attrs(a: Attrs): string {
  let out = '';
  for (const [key, value] of Object.entries(a)) {
    if (value === undefined || value === false) continue;
    out += ` ${key}="${typeof value === 'number' ? num(value) : esc(value)}"`;
  }
  return out;
}

/** An element; `content` is markup (already escaped), omitted for an empty element. */
export function el(tag: string, a: Attrs, content?: string): string {
  return content === undefined ? `<${tag}${attrs(a)}/>` : `<${tag}${attrs(a)}>${content}</${tag}>`;
}

/** A single line of text, escaped. */
export function text(x: number, y: number, value: string, a: Attrs = {}): string {
  return el('text', { x, y, ...a }, esc(value));
}

/** Several lines of text (from `wrap`) starting with the baseline `y`. */
export function lines(x: number, y: number, values: string[], a: Attrs = {}, lineHeight = LINE): string {
  if (values.length === 1) return text(x, y, values[0] ?? '', a);
  return el('text', a, values.map((v, i) => el('tspan', { x, y: y + i * lineHeight }, esc(v))).join(''));
}

// ---------------------------------------------------------------------------
// Text measurement without a DOM: generous per-character widths (in em) of common sans-serif
// system fonts, so estimated boxes are rather too wide than too narrow.

const NARROW = new Set([...'iljI.,:;|!\'´`·']);
const SEMI = new Set([...'frt()[]{}/-–\\"* \u00a0\u202f']);
const WIDE = new Set([...'mwMWÄÖÜ%@—']);

/** Estimated width of `value` at `size` units. */
export function textWidth(value: string, size = FONT, bold = false): number {
  let em = 0;
  for (const ch of value) {
    if (NARROW.has(ch)) em += 0.3;
    else if (SEMI.has(ch)) em += 0.38;
    else if (WIDE.has(ch)) em += 0.9;
    else if (ch >= '0' && ch <= '9') em += 0.6;
    else if (ch !== ch.toLowerCase()) em += 0.7;
    else em += 0.58;
  }
  return em * size * (bold ? 1.08 : 1);
}

/**
 * Break `value` into lines no wider than `width`: at spaces, after hyphens and slashes,
 * and – only for a word longer than a line – inside the word with a hyphen.
 */
export function wrap(value: string, width: number, size = FONT, bold = false): string[] {
  const fits = (s: string) => textWidth(s, size, bold) <= width;
  // Tokens keep their trailing separator: "Netzwerk-" "Ausbau " …
  const tokens = value.trim().split(/(?<=[ \t\n/-])/u).filter((t) => t.length > 0);
  const out: string[] = [];
  let current = '';
  for (const token of tokens) {
    const candidate = current + token;
    if (fits(candidate.trimEnd()) || current === '') {
      current = candidate;
    } else {
      out.push(current.trimEnd());
      current = token;
    }
    // A single token wider than the line: split it, hyphenated.
    while (!fits(current.trimEnd())) {
      let cut = current.length - 1;
      while (cut > 1 && !fits(`${current.slice(0, cut)}-`)) cut--;
      out.push(`${current.slice(0, cut)}-`);
      current = current.slice(cut);
    }
  }
  if (current.trim() !== '' || out.length === 0) out.push(current.trimEnd());
  return out;
}

// ---------------------------------------------------------------------------
// Ids, root element

const ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

export function checkId(id: string): void {
  if (!ID.test(id)) {
    throw new Error(`Diagramm: die id „${id}“ ist ungültig; erlaubt sind Buchstaben, Ziffern, „-“ und „_“, beginnend mit einem Buchstaben`);
  }
}

export function paletteSlot(index: number): number {
  return ((Math.trunc(index) % PALETTE_SIZE) + PALETTE_SIZE) % PALETTE_SIZE;
}

/** The root <svg> with <title>, <desc> and <defs>; `kind` becomes the class `pw-{kind}`; `width` of the viewBox, default WIDTH. */
export function svgRoot(o: { id: string; title: string; desc: string; kind: string; height: number; defs?: string; body: string; width?: number }): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="pw-diagramm pw-${o.kind}" role="img"` +
    ` aria-labelledby="${esc(o.id)}-title ${esc(o.id)}-desc" viewBox="0 0 ${num(o.width ?? WIDTH)} ${num(Math.ceil(o.height))}"` +
    ` width="100%" font-size="${FONT}">` +
    el('title', { id: `${o.id}-title` }, esc(o.title)) +
    el('desc', { id: `${o.id}-desc` }, esc(o.desc)) +
    (o.defs ? el('defs', {}, o.defs) : '') +
    o.body +
    '</svg>'
  );
}

// ---------------------------------------------------------------------------
// Fills: colour (class pw-fuellung-N) plus a distinct texture in the background colour
// (class pw-muster), so series stay apart in greyscale and without colour.
//
// The texture is drawn as geometry over the shape, clipped by a nested <svg> of the shape's
// size, not as an SVG <pattern>: Chromium prints every pattern-filled shape as a raster image of
// the whole page (the Druckfassung's PDF grew by one 400 KB bitmap per bar, and the bars were
// blurred when zoomed). Lines and dots sit on one grid across the chart, as a pattern's would.

/** One texture: `marks` draws its marks over the box, in the chart's coordinates. */
interface Textur {
  /** Stroke width of the marks (lines, or dots as round caps of zero-length lines). */
  breite: number;
  marks: (x: number, y: number, w: number, h: number) => string;
}

const TILE = 8;
/** Grid positions k·step (k whole) that fall in [from - margin, to + margin]. */
function raster(from: number, to: number, step: number, margin = 0): number[] {
  const out: number[] = [];
  for (let k = Math.ceil((from - margin) / step); k * step <= to + margin; k++) out.push(k * step);
  return out;
}
/** Lines at 45°, TILE apart measured across them: / when rising, \ otherwise. */
function diagonal(x: number, y: number, w: number, h: number, rising: boolean, breite: number): string {
  const step = TILE * Math.SQRT2;
  // Each line is x + y = c (rising) or x - y = c; the ones that cross the box, one stroke width beyond.
  const c0 = rising ? x + y : x - (y + h);
  const c1 = rising ? x + w + y + h : x + w - y;
  return raster(c0, c1, step, breite)
    .map((c) => (rising ? `M${num(c - y - h - breite)} ${num(y + h + breite)}L${num(c - y + breite)} ${num(y - breite)}` : `M${num(c + y - breite)} ${num(y - breite)}L${num(c + y + h + breite)} ${num(y + h + breite)}`))
    .join('');
}
const waagrecht = (x: number, y: number, w: number, h: number, step: number, breite: number) =>
  raster(y, y + h, step, breite).map((yy) => `M${num(x)} ${num(yy)}h${num(w)}`).join('');
const senkrecht = (x: number, y: number, w: number, h: number, step: number, breite: number) =>
  raster(x, x + w, step, breite).map((xx) => `M${num(xx)} ${num(y)}v${num(h)}`).join('');

const TEXTUREN: (Textur | undefined)[] = [
  // 0 solid
  undefined,
  // 1 diagonal hatching /
  { breite: 2.5, marks: (x, y, w, h) => diagonal(x, y, w, h, true, 2.5) },
  // 2 dots, in the middle of each tile
  { breite: 3.6, marks: (x, y, w, h) => raster(y - TILE / 2, y + h - TILE / 2, TILE, 2).flatMap((yy) => raster(x - TILE / 2, x + w - TILE / 2, TILE, 2).map((xx) => `M${num(xx + TILE / 2)} ${num(yy + TILE / 2)}h0`)).join('') },
  // 3 horizontal lines
  { breite: 2.5, marks: (x, y, w, h) => waagrecht(x, y, w, h, TILE, 2.5) },
  // 4 cross-hatching x
  { breite: 2, marks: (x, y, w, h) => diagonal(x, y, w, h, true, 2) + diagonal(x, y, w, h, false, 2) },
  // 5 vertical lines
  { breite: 2.5, marks: (x, y, w, h) => senkrecht(x, y, w, h, TILE, 2.5) },
  // 6 diagonal hatching \
  { breite: 2.5, marks: (x, y, w, h) => diagonal(x, y, w, h, false, 2.5) },
  // 7 grid +, a little wider
  { breite: 2, marks: (x, y, w, h) => waagrecht(x, y, w, h, 10, 2) + senkrecht(x, y, w, h, 10, 2) },
];

export interface Flaeche {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Further attributes of the shape (class, data-…); the fill class is added. */
  attrs?: Attrs;
}

/**
 * A rectangle in the colour and texture of palette slot `index`: the <rect> (class pw-fuellung-N
 * plus the caller's classes) and, for textured slots, the marks clipped to it.
 */
export function flaeche(index: number, f: Flaeche): string {
  const slot = paletteSlot(index);
  const { class: klasse, ...rest } = f.attrs ?? {};
  const rect = el('rect', { x: f.x, y: f.y, width: f.width, height: f.height, class: [klasse, `pw-fuellung-${slot}`].filter(Boolean).join(' '), ...rest });
  const textur = TEXTUREN[slot];
  if (!textur || f.width <= 0 || f.height <= 0) return rect;
  const box = `${num(f.x)} ${num(f.y)} ${num(f.width)} ${num(f.height)}`;
  return (
    rect +
    el(
      'svg',
      { x: f.x, y: f.y, width: f.width, height: f.height, viewBox: box, class: 'pw-textur', 'data-muster': slot },
      el('path', { d: textur.marks(f.x, f.y, f.width, f.height), class: 'pw-muster', 'stroke-width': textur.breite }),
    )
  );
}

// ---------------------------------------------------------------------------
// Legend: entries in equal columns, as many as fit in the width; long labels wrap.

export interface LegendEntry {
  label: string;
  /** Markup of the key, drawn in a SWATCH_W × SWATCH_H box with its top left corner at 0,0. */
  key: string;
}

export const SWATCH_W = 24;
export const SWATCH_H = 16;

/** A legend key showing a palette colour and texture. */
export function swatch(index: number): string {
  return flaeche(index, { x: 0, y: 0, width: SWATCH_W, height: SWATCH_H, attrs: { class: 'pw-schluessel' } });
}

/**
 * `stacked`: the first so many entries are series stacked bottom to top; in a legend of one
 * column they are listed top to bottom as in the stack.
 */
export function legend(all: LegendEntry[], top: number, stacked = 0, width = WIDTH): { markup: string; height: number } {
  if (all.length === 0) return { markup: '', height: 0 };
  const gap = 20;
  const textX = SWATCH_W + 8;
  const widest = Math.max(...all.map((e) => textX + textWidth(e.label)));
  const columns = Math.max(1, Math.min(all.length, Math.floor((width + gap) / (widest + gap))));
  const entries = columns === 1 && stacked > 1 ? [...all.slice(0, stacked).reverse(), ...all.slice(stacked)] : all;
  const columnWidth = columns === 1 ? width : widest;
  const rows: string[][][] = [];
  entries.forEach((e, i) => {
    const row = Math.floor(i / columns);
    (rows[row] ??= []).push(wrap(e.label, columnWidth - textX + 1));
  });
  let y = top;
  let markup = '';
  rows.forEach((row, r) => {
    row.forEach((labelLines, c) => {
      const entry = entries[r * columns + c];
      if (!entry) return;
      const x = c * (columnWidth + gap);
      markup += el('g', { class: 'pw-legende-eintrag', transform: `translate(${num(x)} ${num(y + (LINE - SWATCH_H) / 2)})` }, entry.key);
      markup += lines(x + textX, y + ASCENT, labelLines, { class: 'pw-text' });
    });
    y += Math.max(...row.map((l) => l.length)) * LINE + 6;
  });
  return { markup: el('g', { class: 'pw-legende' }, markup), height: y - top - 6 };
}

/** A (wrapped) label above a bar: its markup and the height it takes from `top`. */
export function labelAbove(label: string, top: number, width = WIDTH, a: Attrs = { class: 'pw-text pw-beschriftung' }): { markup: string; height: number } {
  const labelLines = wrap(label, width, FONT, true);
  return { markup: lines(0, top + ASCENT, labelLines, a), height: labelLines.length * LINE };
}

/** Labels under a category axis; only every k-th one when they would not fit side by side. */
export function categoryAxis(categories: string[], step: number, position: (c: string) => number, top: number): string {
  const widest = Math.max(...categories.map((c) => textWidth(c)));
  const every = Math.max(1, Math.ceil((widest + 6) / step));
  return el(
    'g',
    { class: 'pw-achse-x' },
    categories
      .filter((_, i) => i % every === 0)
      .map((c) => text(position(c), top + 6 + ASCENT, c, { class: 'pw-text', 'text-anchor': 'middle' }))
      .join(''),
  );
}

/**
 * Value axis: a grid line from `left` to `right` and a label for each tick, labels right-aligned
 * left of `left`. The zero line is drawn as the axis (`zero: 'achse'`) or left to the caller (`'ohne'`).
 */
export function valueAxis(ticks: number[], y: (v: number) => number, left: number, label: (v: number) => string, zero: 'achse' | 'ohne', right = WIDTH): string {
  return el(
    'g',
    { class: 'pw-achse-y' },
    ticks
      .map(
        (t) =>
          (t === 0 && zero === 'ohne' ? '' : el('line', { x1: left, x2: right, y1: y(t), y2: y(t), class: t === 0 ? 'pw-achse' : 'pw-gitter' })) +
          text(left - 8, y(t) + 5, label(t), { class: 'pw-text-leise', 'text-anchor': 'end' }),
      )
      .join(''),
  );
}

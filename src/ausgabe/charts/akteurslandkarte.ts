/**
 * The Akteurslandkarte: actors as linked boxes in one horizontal band per Ebene, their relations as
 * directed edges. Drawn at build time to static SVG (no DOM, no client script, no randomness):
 *
 * - Bands top to bottom in the order of `ebenen`, the Ebene's name at the band's start. Actors the
 *   plan assigns to no Ebene (no `ebene`) share one last band, named OHNE_ZUORDNUNG in italics so
 *   it does not read as one of the plan's groups. When no actor has an Ebene, that band is the
 *   only one, unnamed, over the full width, and its actors stand in unnamed rows by their
 *   relations (`schichten`: no edge skips a row), spaced like bands. A band or such a row with
 *   more than NODES_PER_ROW actors wraps into several rows, so 60 actors stay legible.
 * - Within a band the actors start in alphabetical order and are then reordered a fixed number of
 *   times by the mean position of their partners in other bands (barycenter heuristic, ties by the
 *   previous order), which keeps edges short and reduces crossings. Rows are filled column by
 *   column, so that order is kept left to right.
 * - Edges between rows are vertical Bézier curves (d3 linkVertical); edges within a row arc above it,
 *   so they never run through boxes. Where several edges meet one side of a box they get their own
 *   attachment points, ordered by the position of the other end.
 * - Each relation type has its own colour, dash pattern and arrowhead (so the types stay apart
 *   without colour), listed in a legend below the bands.
 *
 * The root is role="group" (not "img"): it contains links, which an image role would hide.
 * Classes and data attributes for the CSS-only filters of src/ausgabe/components/Akteurslandkarte.astro
 * (src/ausgabe/styles/karte.css): bands `pw-ebene[data-ebene][data-band]`, actors
 * `pw-knoten[data-ebene][data-band][data-id]`, edges
 * `pw-kante pw-kante-vertikal|horizontal[data-typ][data-von][data-nach][data-ebenen][data-baender]`.
 * `data-ebene` is the Ebene's slug (named CSS rules for the default EBENEN); `data-band` is the
 * band's position from 0 (numbered CSS rules that serve any plan's own groups). The band of actors
 * without an Ebene is `pw-ebene pw-ebene-ohne[data-band]`, its actors have no `data-ebene`, and an
 * edge without `art` (one end has no Ebene) has neither pw-kante-vertikal nor pw-kante-horizontal.
 */
import { linkVertical, scaleBand } from 'd3';
import { checkId, el, esc, lines, num, paletteSlot, text, textWidth, wrap } from './svg.ts';
import type { KartenInput, KartenKnoten, KartenKante } from '../../rechnen/akteure.ts';
export type { KartenInput, KartenKnoten, KartenKante };

/**
 * The name of the band of actors the plan assigns to no Ebene, where there are other bands; the
 * pages head the list and the rows of these actors with it too.
 */
export const OHNE_ZUORDNUNG = 'Ohne Zuordnung im Plan';

/** Width of the viewBox (the map is shown on desktop only; narrow screens get lists). */
export const KARTE_WIDTH = 960;
/** Most actors side by side in one row of a band. */
export const NODES_PER_ROW = 5;

const FONT = 14;
const LABEL_FONT = 15;
const NODE_LINE = 17;
const NODE_ASCENT = 13;
const NODE_PAD_Y = 8;
const NODE_W = 148;
/** Font sizes of an actor's name, tried in order (long German compounds get a smaller one). */
const NODE_FONTS = [FONT, 13, 12];
/** Text measurement (svg.ts textWidth) is a little narrower than wide fonts such as DejaVu Sans. */
const TEXT_SAFETY = 1.04;
const NODE_MAX_LINES = 3;
const LABEL_X = 12;
const LABEL_W = 132;
/** Where the actors start: right of the band names, or at the left edge when no band has one. */
const AREA_X0 = 150;
const AREA_X1 = KARTE_WIDTH - 6;
/** Room above each row (arcs of edges within the row, curves of edges from above). */
const BAND_TOP = 36;
const ROW_GAP = 36;
const BAND_BOTTOM = 22;
const SWEEPS = 4;

/** Dash patterns per relation type (stroke width 2); index 0 solid. */
const DASHES = [undefined, '9 5', '2 4', '12 4 2 4', '18 5', '10 3 2 3 2 3', '5 3', '2 3 7 3', '16 3 2 3'];
/** Arrowheads in a 12 × 12 box, tip at 12,6: filled triangle, open triangle, chevron, barbed. */
const HEADS = ['M0,1L12,6L0,11Z', 'M1,1.5L11,6L1,10.5Z', 'M1,1L11,6L1,11', 'M0,0L12,6L0,12L4,6Z'];
const HEAD_CLASS = ['pw-pfeil-voll pw-fuellung-', 'pw-pfeil-offen pw-strich-', 'pw-pfeil-winkel pw-strich-', 'pw-pfeil-voll pw-fuellung-'];

/** "kommunale Unterstützung" → "kommunale-unterstuetzung": for data-ebene and CSS selectors. */
export function ebeneSlug(ebene: string): string {
  return ebene
    .toLowerCase()
    .replaceAll('ä', 'ae')
    .replaceAll('ö', 'oe')
    .replaceAll('ü', 'ue')
    .replaceAll('ß', 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .trim()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
}

const collator = new Intl.Collator('de', { numeric: true, sensitivity: 'base' });

interface Placed {
  node: KartenKnoten;
  label: string;
  lines: string[];
  size: number;
  band: number;
  row: number;
  x: number; // centre
  y: number; // top
  h: number;
}

/**
 * The lines of an actor's box and their font size: the largest of NODE_FONTS at which every word
 * fits the box and the label takes at most NODE_MAX_LINES lines; else the smallest size, long
 * words hyphenated and the last line cut with "…" (the full name is the link's <title>).
 */
function nodeLines(label: string): { lines: string[]; size: number } {
  const budget = (NODE_W - 12) / TEXT_SAFETY;
  for (const size of NODE_FONTS) {
    const words = label.split(/[\s]+|(?<=[/-])/u).filter((w) => w !== '');
    if (words.some((w) => textWidth(w, size) > budget)) continue;
    const all = wrap(label, budget, size);
    if (all.length <= NODE_MAX_LINES) return { lines: all, size };
  }
  const size = NODE_FONTS[NODE_FONTS.length - 1] ?? FONT;
  const all = wrap(label, budget, size);
  if (all.length <= NODE_MAX_LINES) return { lines: all, size };
  const kept = all.slice(0, NODE_MAX_LINES);
  let last = kept[NODE_MAX_LINES - 1] ?? '';
  while (last.length > 1 && textWidth(`${last}…`, size) > budget) last = last.slice(0, -1).trimEnd();
  kept[NODE_MAX_LINES - 1] = `${last}…`;
  return { lines: kept, size };
}

/** Throws a German message when actors, Ebenen, relations or types do not fit together. */
export function pruefeKarte(input: KartenInput): void {
  checkId(input.id);
  const ebenen = new Set(input.ebenen);
  const slugs = new Map<string, string>();
  for (const e of input.ebenen) {
    const s = ebeneSlug(e);
    if (s === '') throw new Error(`Akteurslandkarte „${input.id}“: die Ebene „${e}“ ergibt keinen gültigen Bezeichner`);
    const other = slugs.get(s);
    if (other !== undefined) throw new Error(`Akteurslandkarte „${input.id}“: die Ebenen „${other}“ und „${e}“ sind nicht unterscheidbar`);
    slugs.set(s, e);
  }
  const ids = new Set<string>();
  for (const k of input.knoten) {
    if (ids.has(k.id)) throw new Error(`Akteurslandkarte „${input.id}“: der Akteur „${k.id}“ kommt mehrfach vor`);
    ids.add(k.id);
    if (k.ebene !== undefined && !ebenen.has(k.ebene)) {
      throw new Error(`Akteurslandkarte „${input.id}“: der Akteur „${k.id}“ hat die Ebene „${k.ebene}“, die nicht in den Ebenen (${input.ebenen.join(', ')}) steht`);
    }
  }
  const typen = new Set(input.typen);
  for (const k of input.kanten) {
    for (const end of [k.von, k.nach]) {
      if (!ids.has(end)) throw new Error(`Akteurslandkarte „${input.id}“: die Beziehung „${k.von} ${k.typ} ${k.nach}“ nennt den unbekannten Akteur „${end}“`);
    }
    if (k.von === k.nach) throw new Error(`Akteurslandkarte „${input.id}“: der Akteur „${k.von}“ hat eine Beziehung „${k.typ}“ zu sich selbst`);
    if (!typen.has(k.typ)) throw new Error(`Akteurslandkarte „${input.id}“: der Beziehungstyp „${k.typ}“ (${k.von} → ${k.nach}) steht nicht in den Typen (${input.typen.join(', ')})`);
  }
}

/** Rows and columns of a band with n actors: columns as even as possible, at most NODES_PER_ROW. */
function grid(n: number): { rows: number; cols: number } {
  const rows = Math.max(1, Math.ceil(n / NODES_PER_ROW));
  return { rows, cols: Math.max(1, Math.ceil(n / rows)) };
}

/** Centre x of position i in a band of n (column-major fill), in the actors' area from x0. */
function columnX(i: number, n: number, x0: number): number {
  const { rows, cols } = grid(n);
  const x = scaleBand<number>().domain(Array.from({ length: cols }, (_, c) => c)).range([x0, AREA_X1]);
  return (x(Math.floor(i / rows)) ?? x0) + x.bandwidth() / 2;
}

const label = (k: KartenKnoten) => k.kurzname ?? k.name;
const byLabel = (a: KartenKnoten, b: KartenKnoten) => collator.compare(label(a), label(b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The bands top to bottom: one per Ebene with actors (its name), then one for the actors without
 * an Ebene, if any, named OHNE_ZUORDNUNG. When no actor has an Ebene, that band is the only one,
 * unnamed, and its actors stand in rows by their relations (`schichten`).
 */
interface Band {
  ebene?: string;
  name?: string;
  knoten: KartenKnoten[];
}
function baender(input: KartenInput): Band[] {
  const benannt = input.ebenen.map((ebene) => ({ ebene, name: ebene, knoten: input.knoten.filter((k) => k.ebene === ebene) }));
  const ohne = input.knoten.filter((k) => k.ebene === undefined);
  return ohne.length === 0 ? benannt : [...benannt, { name: benannt.length > 0 ? OHNE_ZUORDNUNG : undefined, knoten: ohne }];
}

/**
 * Rows for a map without any Ebene: each actor by its distance (in relations, either direction)
 * from the most connected actor of its part of the network, that actor on top. So every relation
 * joins two actors of the same or of neighbouring rows and no edge skips a row; the rows say
 * nothing but that. Actors without relations stand in a last row.
 */
export function schichten(knoten: KartenKnoten[], kanten: KartenKante[]): KartenKnoten[][] {
  const nachbarn = new Map(knoten.map((k) => [k.id, new Set<string>()]));
  for (const k of kanten) {
    nachbarn.get(k.von)?.add(k.nach);
    nachbarn.get(k.nach)?.add(k.von);
  }
  const grad = (id: string) => nachbarn.get(id)?.size ?? 0;
  const schicht = new Map<string, number>();
  for (const start of [...knoten].sort((a, b) => grad(b.id) - grad(a.id) || byLabel(a, b))) {
    if (schicht.has(start.id) || grad(start.id) === 0) continue;
    schicht.set(start.id, 0);
    const warteschlange = [start.id];
    for (let i = 0; i < warteschlange.length; i++) {
      const id = warteschlange[i] ?? '';
      for (const n of [...(nachbarn.get(id) ?? [])].sort()) {
        if (schicht.has(n)) continue;
        schicht.set(n, (schicht.get(id) ?? 0) + 1);
        warteschlange.push(n);
      }
    }
  }
  const reihen: KartenKnoten[][] = Array.from({ length: Math.max(-1, ...schicht.values()) + 1 }, () => []);
  const ohneBeziehung: KartenKnoten[] = [];
  for (const k of knoten) {
    const s = schicht.get(k.id);
    (s === undefined ? ohneBeziehung : (reihen[s] ?? ohneBeziehung)).push(k);
  }
  return ohneBeziehung.length > 0 ? [...reihen, ohneBeziehung] : reihen;
}

/** Actor order within each group of actors (band or row): alphabetical, then SWEEPS barycenter passes. */
function order(input: KartenInput, gruppen: KartenKnoten[][], x0: number): KartenKnoten[][] {
  const bands = gruppen.map((g) => [...g].sort(byLabel));
  const bandOf = new Map(bands.flatMap((g, b) => g.map((k) => [k.id, b] as const)));
  const partners = new Map<string, string[]>(input.knoten.map((k) => [k.id, []]));
  for (const k of input.kanten) {
    if (bandOf.get(k.von) === bandOf.get(k.nach)) continue;
    partners.get(k.von)?.push(k.nach);
    partners.get(k.nach)?.push(k.von);
  }
  const xs = new Map<string, number>();
  const place = (b: number) => bands[b]?.forEach((k, i, all) => xs.set(k.id, columnX(i, all.length, x0)));
  bands.forEach((_, b) => place(b));
  const sequence = bands.map((_, b) => b);
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    for (const b of sweep % 2 === 0 ? sequence : [...sequence].reverse()) {
      const band = bands[b] ?? [];
      const keyed = band.map((k, i) => {
        const p = partners.get(k.id) ?? [];
        const bary = p.length > 0 ? p.reduce((s, id) => s + (xs.get(id) ?? 0), 0) / p.length : (xs.get(k.id) ?? 0);
        return { k, i, bary: Math.round(bary * 1000) / 1000 };
      });
      keyed.sort((a, c) => a.bary - c.bary || a.i - c.i);
      bands[b] = keyed.map((e) => e.k);
      place(b);
    }
  }
  return bands;
}

interface Side {
  node: string;
  side: 'oben' | 'unten';
}

/**
 * The Ebenen that get a band, top to bottom: those with actors. A band's position here is its
 * `data-band` (the band of actors without an Ebene follows them).
 */
export function belegteEbenen(input: Pick<KartenInput, 'ebenen' | 'knoten'>): string[] {
  const belegt = new Set(input.knoten.map((k) => k.ebene));
  return input.ebenen.filter((e) => belegt.has(e));
}

export function akteurslandkarte(full: KartenInput): { svg: string } {
  pruefeKarte(full);
  // Ebenen without actors get no band.
  const input = { ...full, ebenen: belegteEbenen(full) };
  const { id } = input;
  const bandList = baender(input);
  // No Ebene at all: one unnamed band over the full width, its actors in rows by their relations.
  const geschichtet = bandList.length === 1 && bandList[0]?.name === undefined;
  const x0 = geschichtet ? LABEL_X : AREA_X0;
  const bands = order(input, geschichtet ? schichten(bandList[0]?.knoten ?? [], input.kanten) : bandList.map((band) => band.knoten), x0);
  // `bands` are the layout's groups (the rows of the one band, when geschichtet); data-band names the band.
  const bandNr = (b: number) => (geschichtet ? 0 : b);
  const { placed, bandBoxes, y } = platziere(bands, geschichtet ? [] : bandList, x0);
  const at = (nodeId: string): Placed => {
    const p = placed.get(nodeId);
    if (!p) throw new Error(`Akteurslandkarte „${id}“: der Akteur „${nodeId}“ fehlt`);
    return p;
  };
  const { ends, portX } = anschluesse(input.kanten, at);
  const edges = zeichneKanten(input, ends, portX, bandNr);

  // Bands: background and name.
  const bandMarkup = (geschichtet ? [{ top: 0, height: y, labelLines: [] }] : bandBoxes)
    .map((box, b) => {
      const ebene = bandList[b]?.ebene;
      return el(
        'g',
        {
          class: `pw-ebene pw-ebene-${b % 2 === 0 ? 'gerade' : 'ungerade'}${ebene === undefined ? ' pw-ebene-ohne' : ''}`,
          'data-ebene': ebene === undefined ? undefined : ebeneSlug(ebene),
          'data-band': b,
        },
        el('rect', { x: 0, y: box.top, width: KARTE_WIDTH, height: box.height, class: 'pw-ebene-flaeche' }) +
          (box.labelLines.length > 0 ? lines(LABEL_X, box.top + BAND_TOP + 4 + 14, box.labelLines, { class: 'pw-ebene-name', 'font-size': LABEL_FONT }) : ''),
      );
    })
    .join('');
  const legende = kartenLegende(input, y);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" class="pw-diagramm pw-akteurslandkarte" role="group"` +
    ` aria-labelledby="${esc(id)}-title ${esc(id)}-desc" viewBox="0 0 ${KARTE_WIDTH} ${num(legende.height)}" width="100%" font-size="${FONT}">` +
    el('title', { id: `${id}-title` }, esc(input.title)) +
    el('desc', { id: `${id}-desc` }, esc(input.desc)) +
    el('defs', {}, pfeilspitzen(input)) +
    el('g', { class: 'pw-ebenen' }, bandMarkup) +
    el('g', { class: 'pw-kanten' }, edges) +
    el('g', { class: 'pw-akteure' }, zeichneKnoten(bands, at, bandNr)) +
    el('g', { class: 'pw-legende' }, legende.markup) +
    '</svg>';
  return { svg };
}

/**
 * Geometry of bands, rows and boxes: each actor's place, each band's box (with its name's lines,
 * where `benannt` names the band) and the bottom of the last band.
 */
function platziere(bands: KartenKnoten[][], benannt: Band[], x0: number) {
  const placed = new Map<string, Placed>();
  const bandBoxes: { top: number; height: number; labelLines: string[] }[] = [];
  let y = 0;
  bands.forEach((band, b) => {
    const top = y;
    const name = benannt[b]?.name;
    const labelLines = name === undefined ? [] : wrap(name, LABEL_W, LABEL_FONT, true);
    const { rows } = grid(band.length);
    const items = band.map((node, i) => {
      const label = node.kurzname ?? node.name;
      return { node, label, ...nodeLines(label), row: i % rows, x: columnX(i, band.length, x0) };
    });
    let rowTop = top + BAND_TOP;
    for (let r = 0; r < rows; r++) {
      const inRow = items.filter((it) => it.row === r);
      if (inRow.length === 0) continue;
      const h = Math.max(...inRow.map((it) => it.lines.length)) * NODE_LINE + 2 * NODE_PAD_Y;
      for (const it of inRow) placed.set(it.node.id, { ...it, band: b, y: rowTop, h });
      rowTop += h + ROW_GAP;
    }
    const nodesBottom = band.length > 0 ? rowTop - ROW_GAP : top + BAND_TOP;
    const labelBottom = top + BAND_TOP + 4 + labelLines.length * 19;
    y = Math.max(nodesBottom, labelBottom) + BAND_BOTTOM;
    bandBoxes.push({ top, height: y - top, labelLines });
  });
  return { placed, bandBoxes, y };
}

/** An edge with its placed ends and the box sides it uses. */
interface Ende {
  k: KartenKante;
  a: Placed;
  b: Placed;
  sameRow: boolean;
  von: Side;
  nach: Side;
}

/**
 * Which side of which box each edge uses: from the upper box's bottom to the lower box's top;
 * within one row from top to top (an arc above the row). Attachment points: per box side,
 * spread along the side ordered by the other end's position.
 */
function anschluesse(kanten: KartenKante[], at: (nodeId: string) => Placed): { ends: Ende[]; portX: Map<string, number> } {
  const ends = kanten.map((k) => {
    const a = at(k.von);
    const b = at(k.nach);
    const sameRow = a.y === b.y;
    const aUpper = a.y < b.y;
    const von: Side = { node: k.von, side: sameRow ? 'oben' : aUpper ? 'unten' : 'oben' };
    const nach: Side = { node: k.nach, side: sameRow ? 'oben' : aUpper ? 'oben' : 'unten' };
    return { k, a, b, sameRow, von, nach };
  });
  const attach = new Map<string, { edge: number; end: 'von' | 'nach'; otherX: number }[]>();
  ends.forEach((e, i) => {
    for (const end of ['von', 'nach'] as const) {
      const side = e[end];
      const other = end === 'von' ? e.b : e.a;
      const key = `${side.node}\u0000${side.side}`;
      const list = attach.get(key) ?? [];
      list.push({ edge: i, end, otherX: other.x });
      attach.set(key, list);
    }
  });
  const portX = new Map<string, number>();
  for (const [key, list] of attach) {
    const nodeId = key.split('\u0000')[0] ?? '';
    const p = at(nodeId);
    list.sort((a, b) => a.otherX - b.otherX || a.edge - b.edge || (a.end < b.end ? -1 : 1));
    const step = list.length > 1 ? Math.min(16, (NODE_W - 28) / (list.length - 1)) : 0;
    list.forEach((item, i) => portX.set(`${item.edge}\u0000${item.end}`, p.x + (i - (list.length - 1) / 2) * step));
  }
  return { ends, portX };
}

const dash = (t: number) => DASHES[t % DASHES.length];

/** The edges: a curve per relation with its type's stroke and arrowhead, and a title naming it. */
function zeichneKanten(input: KartenInput, ends: Ende[], portX: Map<string, number>, bandNr: (b: number) => number): string {
  const typeIndex = new Map(input.typen.map((t, i) => [t, i]));
  const link = linkVertical().digits(2);
  const r2 = (v: number) => Math.round(v * 100) / 100;
  return ends
    .map((e, i) => {
      const t = typeIndex.get(e.k.typ) ?? 0;
      const x1 = portX.get(`${i}\u0000von`) ?? e.a.x;
      const x2 = portX.get(`${i}\u0000nach`) ?? e.b.x;
      let d: string;
      if (e.sameRow) {
        const top = e.a.y;
        const lift = Math.min(ROW_GAP + 4, 16 + Math.abs(x2 - x1) * 0.08);
        d = `M${num(x1)},${num(top)}C${num(x1)},${num(top - lift)} ${num(x2)},${num(top - lift)} ${num(x2)},${num(top)}`;
      } else {
        const y1 = e.von.side === 'unten' ? e.a.y + e.a.h : e.a.y;
        const y2 = e.nach.side === 'unten' ? e.b.y + e.b.h : e.b.y;
        d = link({ source: [r2(x1), r2(y1)], target: [r2(x2), r2(y2)] }) ?? '';
      }
      const ebenen = [...new Set([e.a.node.ebene, e.b.node.ebene].flatMap((x) => (x === undefined ? [] : [ebeneSlug(x)])))].join(' ');
      const baenderDerKante = [...new Set([bandNr(e.a.band), bandNr(e.b.band)])].join(' ');
      const slot = paletteSlot(t);
      return el(
        'g',
        {
          class: e.k.art ? `pw-kante pw-kante-${e.k.art}` : 'pw-kante',
          'data-typ': e.k.typ,
          'data-von': e.k.von,
          'data-nach': e.k.nach,
          'data-ebenen': ebenen || undefined,
          'data-baender': baenderDerKante,
        },
        el('title', {}, esc(`${e.a.label} ${e.k.typ} ${e.b.label}`)) +
          el('path', { d, class: 'pw-kante-halo' }) +
          el('path', { d, class: `pw-kante-linie pw-strich-${slot}`, 'stroke-dasharray': dash(t), 'marker-end': `url(#${input.id}-pfeil-${t})` }),
      );
    })
    .join('');
}

/** Actors: a link around box and text; in reading (and tab) order: band, row, left to right. */
function zeichneKnoten(bands: KartenKnoten[][], at: (nodeId: string) => Placed, bandNr: (b: number) => number): string {
  return bands
    .flat()
    .sort((a, b) => at(a.id).band - at(b.id).band || at(a.id).y - at(b.id).y || at(a.id).x - at(b.id).x)
    .map((node) => {
      const p = at(node.id);
      const textTop = p.y + (p.h - p.lines.length * NODE_LINE) / 2 + NODE_ASCENT;
      return el(
        'g',
        { class: 'pw-knoten', 'data-ebene': node.ebene === undefined ? undefined : ebeneSlug(node.ebene), 'data-band': bandNr(p.band), 'data-id': node.id },
        el(
          'a',
          { href: node.href },
          el('title', {}, esc(node.name)) +
            el('rect', { x: p.x - NODE_W / 2, y: p.y, width: NODE_W, height: p.h, rx: 6, class: 'pw-knoten-box' }) +
            lines(p.x, textTop, p.lines, { class: 'pw-knoten-name', 'text-anchor': 'middle', 'font-size': p.size === FONT ? undefined : p.size }, NODE_LINE),
        ),
      );
    })
    .join('');
}

/** Legend below the bands (which end at `y`): a line sample with its arrowhead per type, in columns; and the map's height. */
function kartenLegende(input: KartenInput, y: number): { markup: string; height: number } {
  const legendTop = y + 18;
  const sampleW = 46;
  const widest = Math.max(0, ...input.typen.map((t) => textWidth(t, FONT)));
  const colW = Math.max(sampleW + 10 + widest + 24, 180);
  const cols = Math.max(1, Math.min(input.typen.length, Math.floor((KARTE_WIDTH - AREA_X0 + 24) / colW)));
  const legendHeading = text(LABEL_X, legendTop + 16, 'Beziehungen', { class: 'pw-ebene-name', 'font-size': LABEL_FONT });
  const legendItems = input.typen
    .map((t, i) => {
      const x = AREA_X0 + (i % cols) * colW;
      const ly = legendTop + Math.floor(i / cols) * 26 + 11;
      return el(
        'g',
        { class: 'pw-legende-eintrag', 'data-typ': t },
        el('path', { d: `M${num(x)},${num(ly)}H${num(x + sampleW)}`, class: `pw-kante-linie pw-strich-${paletteSlot(i)}`, 'stroke-dasharray': dash(i), 'marker-end': `url(#${input.id}-pfeil-${i})` }) +
          text(x + sampleW + 10, ly + 5, t, { class: 'pw-text' }),
      );
    })
    .join('');
  const legendRows = Math.ceil(input.typen.length / cols);
  const height = Math.ceil(input.typen.length > 0 ? legendTop + legendRows * 26 + 8 : y);
  return { markup: legendHeading + legendItems, height };
}

/** One arrowhead marker per relation type. */
function pfeilspitzen(input: KartenInput): string {
  return input.typen
    .map((_, i) => {
      const shape = i % HEADS.length;
      return el(
        'marker',
        { id: `${input.id}-pfeil-${i}`, viewBox: '0 0 12 12', refX: 12, refY: 6, markerWidth: 11, markerHeight: 11, markerUnits: 'userSpaceOnUse', orient: 'auto' },
        el('path', { d: HEADS[shape] ?? '', class: `${HEAD_CLASS[shape] ?? ''}${paletteSlot(i)}` }),
      );
    })
    .join('');
}

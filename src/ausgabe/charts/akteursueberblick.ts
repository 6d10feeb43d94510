/**
 * The overview of the Akteurslandkarte: one box per Ebene (or per group of the plan's own
 * `akteursgruppen`) and one labelled arrow per ordered pair of groups with relations between them.
 * The detailed map (akteurslandkarte.ts) shows every actor and relation; this one says at a glance
 * who acts on whom. Drawn at build time to static SVG (no DOM, no client script, no randomness):
 *
 * - Groups are boxes stacked top to bottom in the order of the map's bands (`belegteEbenen`), each
 *   with its name, the number of its actors, their short names (as many as fit in four lines,
 *   then "und n weitere") and the relations within the group ("2 Beziehungen untereinander").
 * - Right of each box, one row per group it acts on, in band order: the label
 *   ("→ Schulträger: 3 Beziehungen – finanziert (2), berät") above a line that leaves the box
 *   and runs right into the target's lane. Each target group has one vertical lane in the gutter
 *   at the right edge; the lane turns left into the target box at its entry row (the only row
 *   of that box without a label) and ends there with an arrowhead. So labels have rows of their
 *   own and never meet lines or other labels; lines only cross lanes, and a halo in the
 *   background colour marks such a crossing, a dot a junction.
 * - The lanes' left-to-right order is the one with the fewest crossings (all orders tried for up
 *   to 8 lanes, ties by band order; beyond that, shorter lanes nearer the labels).
 * - A group's colour (strip at the box's left edge) is the colour of every line leading into it.
 *   Colour is never the only cue: each label names its target.
 *
 * Actors the plan assigns to no group (no `ebene`) and their relations are not in the overview:
 * they belong to no box, and an arrow to them would make them look like one more group. The
 * description counts them and points to the detailed map, which draws them.
 *
 * The root is role="img" (it contains no links). The same data comes as two tables (`tabellen`),
 * which src/ausgabe/components/Akteurslandkarte.astro shows under the picture.
 */
import { pruefeKarte, belegteEbenen, ebeneSlug, type KartenInput, type KartenKnoten } from './akteurslandkarte.ts';
import { el, esc, num, paletteSlot, svgRoot, textWidth, wrap, type Attrs } from './svg.ts';
import type { ChartTable } from './types.ts';

/** How the plan calls its groups of actors. */
export interface GruppenWort {
  einzahl: 'Ebene' | 'Gruppe';
  mehrzahl: 'Ebenen' | 'Gruppen';
}
export const EBENEN_WORT: GruppenWort = { einzahl: 'Ebene', mehrzahl: 'Ebenen' };

export interface TypAnzahl {
  typ: string;
  anzahl: number;
}
export interface UeberblickGruppe {
  name: string;
  slug: string;
  /** Position among the groups from 0 (as `data-band` of the detailed map). */
  band: number;
  /** In alphabetical order of their short names. */
  akteure: KartenKnoten[];
  /** Relations between two actors of this group. */
  untereinander: { anzahl: number; typen: TypAnzahl[] };
}
export interface UeberblickKante {
  /** Band positions of source and target group (different). */
  von: number;
  nach: number;
  anzahl: number;
  /** The relation types with their counts, in the order of the map's types. */
  typen: TypAnzahl[];
}
export interface UeberblickDaten {
  gruppen: UeberblickGruppe[];
  /** One per ordered pair of groups with relations, by source band, then target band. */
  kanten: UeberblickKante[];
  /** What the overview leaves out: actors without a group, and the relations of which they are an end. */
  ohneZuordnung: { akteure: number; beziehungen: number };
}

export const UEBERBLICK_WIDTH = 960;

const BOX_X = 1;
const BOX_W = 300;
const STRIP_W = 6;
const PAD_X = 14;
const PAD_Y = 10;
const NAME_FONT = 16;
const NAME_LINE = 20;
const SMALL_FONT = 13;
const SMALL_LINE = 17;
const NAMES_MAX_LINES = 4;
const LABEL_FONT = 14;
const LABEL_LINE = 18;
const LABEL_X = BOX_X + BOX_W + 14;
/** Text measurement (svg.ts textWidth) is narrower than wide fonts such as DejaVu Sans, bold by up to 9 %. */
const TEXT_SAFETY = 1.1;
const LANE_STEP = 18;
const LANE_RIGHT = UEBERBLICK_WIDTH - 12;
/** Room between the end of the longest label line and the first lane. */
const LABEL_GAP = 14;
/** A label row: its text lines, then the line of the edge. */
const ROW_TOP = 4;
const ROW_LINE_BELOW = 8;
const ROW_BOTTOM = 6;
const ENTRY_H = 26;
const ROWS_MARGIN = 6;
const GROUP_GAP = 14;
/** Lanes whose order is found by trying all orders (8! = 40 320). */
const EXACT_LANES = 8;

const collator = new Intl.Collator('de', { numeric: true, sensitivity: 'base' });
const zahlFormat = new Intl.NumberFormat('de-DE');

export function zahl(n: number): string {
  return zahlFormat.format(n);
}
export function beziehungenText(n: number): string {
  return `${zahl(n)} ${n === 1 ? 'Beziehung' : 'Beziehungen'}`;
}
function akteureText(n: number): string {
  return `${zahl(n)} ${n === 1 ? 'Akteur' : 'Akteure'}`;
}
/** What the overview leaves out: "Nicht im Überblick: 2 Akteure, die der Plan keiner Ebene zuordnet, und ihre 3 Beziehungen." */
export function ohneZuordnungText(ohne: UeberblickDaten['ohneZuordnung'], wort: GruppenWort): string {
  const akteure = ohne.akteure === 1 ? `1 Akteur, den der Plan keiner ${wort.einzahl} zuordnet` : `${zahl(ohne.akteure)} Akteure, die der Plan keiner ${wort.einzahl} zuordnet`;
  const beziehungen = ohne.beziehungen === 0 ? '' : `, und ${ohne.akteure === 1 ? 'seine' : 'ihre'} ${beziehungenText(ohne.beziehungen)}`;
  return `Nicht im Überblick: ${akteure}${beziehungen}.`;
}
/**
 * "finanziert (2), berät": each type once, its count where more than one and there are several
 * types (a single type's count is the total). Lines break only between types: the words of a
 * type and its count are joined by no-break spaces.
 */
export function typenText(typen: TypAnzahl[]): string {
  return typen.map((t) => (t.anzahl > 1 && typen.length > 1 ? `${t.typ} (${zahl(t.anzahl)})` : t.typ).replaceAll(' ', '\u00a0')).join(', ');
}
const label = (k: KartenKnoten) => k.kurzname ?? k.name;

/** Groups, their actors and relations within, and the relations between groups added up per ordered pair. */
export function ueberblickDaten(input: KartenInput): UeberblickDaten {
  pruefeKarte(input);
  const namen = belegteEbenen(input);
  const band = new Map(namen.map((e, i) => [e, i]));
  // -1: no group (the overview leaves the actor out).
  const bandVon = new Map(input.knoten.map((k) => [k.id, k.ebene === undefined ? -1 : (band.get(k.ebene) ?? -1)]));
  const typOrder = new Map(input.typen.map((t, i) => [t, i]));
  const zaehlen = (kanten: KartenInput['kanten']): TypAnzahl[] => {
    const n = new Map<string, number>();
    for (const k of kanten) n.set(k.typ, (n.get(k.typ) ?? 0) + 1);
    return [...n].map(([typ, anzahl]) => ({ typ, anzahl })).sort((a, b) => (typOrder.get(a.typ) ?? 0) - (typOrder.get(b.typ) ?? 0));
  };
  const gruppen = namen.map((name, b) => {
    const intern = input.kanten.filter((k) => bandVon.get(k.von) === b && bandVon.get(k.nach) === b);
    return {
      name,
      slug: ebeneSlug(name),
      band: b,
      akteure: input.knoten.filter((k) => k.ebene === name).sort((x, y) => collator.compare(label(x), label(y)) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)),
      untereinander: { anzahl: intern.length, typen: zaehlen(intern) },
    };
  });
  const paare = new Map<string, { von: number; nach: number; kanten: KartenInput['kanten'] }>();
  let ohneBeziehungen = 0;
  for (const k of input.kanten) {
    const von = bandVon.get(k.von) ?? -1;
    const nach = bandVon.get(k.nach) ?? -1;
    if (von === -1 || nach === -1) {
      ohneBeziehungen += 1;
      continue;
    }
    if (von === nach) continue;
    const key = `${von} ${nach}`;
    const p = paare.get(key) ?? { von, nach, kanten: [] };
    p.kanten.push(k);
    paare.set(key, p);
  }
  const kanten = [...paare.values()]
    .sort((a, b) => a.von - b.von || a.nach - b.nach)
    .map((p) => ({ von: p.von, nach: p.nach, anzahl: p.kanten.length, typen: zaehlen(p.kanten) }));
  return { gruppen, kanten, ohneZuordnung: { akteure: input.knoten.filter((k) => k.ebene === undefined).length, beziehungen: ohneBeziehungen } };
}

/** Short names joined, as many as fit in NAMES_MAX_LINES lines, the rest counted. */
function namesLines(akteure: KartenKnoten[], width: number): string[] {
  const names = akteure.map(label);
  for (let k = names.length; k >= 0; k--) {
    const rest = names.length - k;
    const value = names.slice(0, k).join(', ') + (rest === 0 ? '' : `${k > 0 ? ' und ' : ''}${zahl(rest)} ${rest === 1 ? 'weiterer' : 'weitere'}`);
    const all = wrap(value, width, SMALL_FONT);
    if (all.length <= NAMES_MAX_LINES) return all;
  }
  return [];
}

/** The text of a label row: the head (target, count) bold, the types after it or below. */
interface LabelText {
  /** Lines, each as parts with their weight. */
  lines: { text: string; bold: boolean }[][];
}
function labelText(head: string, tail: string, width: number): LabelText {
  if (textWidth(head, LABEL_FONT, true) + textWidth(` – ${tail}`, LABEL_FONT) <= width) return { lines: [[{ text: head, bold: true }, { text: ` – ${tail}`, bold: false }]] };
  return {
    lines: [
      ...wrap(head, width, LABEL_FONT, true).map((t) => [{ text: t, bold: true }]),
      ...wrap(tail, width, LABEL_FONT).map((t) => [{ text: t, bold: false }]),
    ],
  };
}
function labelMarkup(x: number, y: number, value: LabelText, a: Attrs): string {
  const part = (p: { text: string; bold: boolean }) => (p.bold ? el('tspan', { class: 'pw-ueberblick-kopf' }, esc(p.text)) : esc(p.text));
  if (value.lines.length === 1) return el('text', { x, y, ...a }, (value.lines[0] ?? []).map(part).join(''));
  return el('text', a, value.lines.map((line, i) => el('tspan', { x, y: y + i * LABEL_LINE }, line.map(part).join(''))).join(''));
}

/** Lane order with the fewest crossings: `cost[t][u]` = horizontals of lane t inside lane u's extent. */
function laneOrder(lanes: number[], cost: number[][]): number[] {
  const total = (order: number[]) => {
    let c = 0;
    for (let i = 0; i < order.length; i++) for (let j = 0; j < i; j++) c += cost[order[i] ?? 0]?.[order[j] ?? 0] ?? 0;
    return c;
  };
  const idx = lanes.map((_, i) => i);
  if (lanes.length <= EXACT_LANES) {
    let best = idx;
    let bestCost = total(idx);
    // Lexicographic permutations of the band order: the first order with the lowest cost wins.
    const perm = [...idx];
    for (;;) {
      let i = perm.length - 2;
      while (i >= 0 && (perm[i] ?? 0) >= (perm[i + 1] ?? 0)) i--;
      if (i < 0) break;
      let j = perm.length - 1;
      while ((perm[j] ?? 0) <= (perm[i] ?? 0)) j--;
      [perm[i], perm[j]] = [perm[j] ?? 0, perm[i] ?? 0];
      perm.splice(i + 1, perm.length - i - 1, ...perm.slice(i + 1).reverse());
      const c = total(perm);
      if (c < bestCost) {
        bestCost = c;
        best = [...perm];
      }
    }
    return best.map((i) => lanes[i] ?? 0);
  }
  return idx.map((i) => lanes[i] ?? 0);
}

export interface UeberblickOptionen {
  /** Prefix of every id in the SVG; default: the map's id + "-ueberblick". */
  id?: string;
  wort?: GruppenWort;
}

export interface Akteursueberblick {
  svg: string;
  id: string;
  title: string;
  desc: string;
  daten: UeberblickDaten;
  /** The same as tables: the groups, then the relations between them. */
  tabellen: [ChartTable, ChartTable];
}

export function akteursueberblick(input: KartenInput, optionen: UeberblickOptionen = {}): Akteursueberblick {
  const id = optionen.id ?? `${input.id}-ueberblick`;
  const wort = optionen.wort ?? EBENEN_WORT;
  const daten = ueberblickDaten(input);
  const { gruppen, kanten } = daten;

  // Lanes: one per target group, in band order until ordered below.
  const ziele = [...new Set(kanten.map((k) => k.nach))].sort((a, b) => a - b);
  const laneCount = ziele.length;
  const laneXAt = (pos: number) => LANE_RIGHT - (laneCount - 1 - pos) * LANE_STEP;
  const labelWidth = ((laneCount > 0 ? laneXAt(0) : UEBERBLICK_WIDTH) - LABEL_GAP - LABEL_X) / TEXT_SAFETY;

  // Vertical layout: per group its content and its rows (labels of outgoing edges, the entry row).
  const layout: GruppenLayout[] = [];
  let y = GROUP_GAP / 2;
  for (const g of gruppen) {
    const l = legeGruppeAn(daten, g, ziele, labelWidth, y);
    layout.push(l);
    y += l.height + GROUP_GAP;
  }
  const height = Math.max(y - GROUP_GAP / 2, 1);
  const spuren = ordneSpuren(layout, ziele, laneXAt);

  // Bands behind the rows (alternating), boxes with their text.
  const bandMarkup = layout
    .map((l, b) =>
      el('rect', { x: 0, y: l.top - GROUP_GAP / 2, width: UEBERBLICK_WIDTH, height: l.height + GROUP_GAP, class: `pw-ueberblick-band pw-ueberblick-band-${b % 2 === 0 ? 'gerade' : 'ungerade'}` }),
    )
    .join('');
  const { trunkMarkup, entryMarkup } = zeichneSpuren(id, gruppen, layout, ziele, spuren);
  const markers = [...new Set(ziele.map(paletteSlot))]
    .sort((a, b) => a - b)
    .map((slot) =>
      el(
        'marker',
        { id: `${id}-pfeil-${slot}`, viewBox: '0 0 12 12', refX: 12, refY: 6, markerWidth: 12, markerHeight: 12, markerUnits: 'userSpaceOnUse', orient: 'auto' },
        el('path', { d: 'M0,1L12,6L0,11Z', class: `pw-fuellung-${slot}` }),
      ),
    )
    .join('');
  const { title, desc } = ueberblickText(daten, wort);
  const svg = svgRoot({
    id,
    title,
    desc,
    kind: 'akteursueberblick',
    width: UEBERBLICK_WIDTH,
    height,
    defs: markers,
    body:
      el('g', { class: 'pw-ueberblick-baender' }, bandMarkup) +
      el('g', { class: 'pw-ueberblick-gruppen' }, zeichneGruppenboxen(gruppen, layout)) +
      el('g', { class: 'pw-ueberblick-spuren' }, trunkMarkup) +
      el('g', { class: 'pw-ueberblick-eingaenge' }, entryMarkup) +
      el('g', { class: 'pw-ueberblick-kanten' }, zeichneUeberblickKanten(gruppen, layout, spuren)),
  });
  return { svg, id, title, desc, daten, tabellen: ueberblickTabellen(daten, wort) };
}

/** A row beside a group's box: the label of an outgoing edge, or the entry row of the group's lane. */
type Row = { kind: 'kante'; kante: UeberblickKante; text: LabelText; top: number; lineY: number } | { kind: 'eingang'; top: number; lineY: number };

/** A group's place: its box, the baselines of its text (from the box's top) and its rows. */
interface GruppenLayout {
  top: number;
  height: number;
  titel: LabelText;
  namen: string[];
  intern: string[];
  titelY: number;
  namenY: number;
  internY: number;
  rows: Row[];
}

/** Lays out one group from `y` down: its box's text, and its rows centred beside the box. */
function legeGruppeAn({ gruppen, kanten }: UeberblickDaten, g: UeberblickGruppe, ziele: number[], labelWidth: number, y: number): GruppenLayout {
  const boxTextW = (BOX_W - STRIP_W - 2 * PAD_X) / TEXT_SAFETY;
  const count = akteureText(g.akteure.length);
  const titel =
    textWidth(`${g.name} · ${count}`, NAME_FONT, true) <= boxTextW
      ? { lines: [[{ text: g.name, bold: true }, { text: ` · ${count}`, bold: false }]] }
      : { lines: [...wrap(g.name, boxTextW, NAME_FONT, true).map((t) => [{ text: t, bold: true }]), [{ text: count, bold: false }]] };
  const namen = namesLines(g.akteure, boxTextW);
  const intern = g.untereinander.anzahl > 0 ? wrap(`${beziehungenText(g.untereinander.anzahl)} untereinander: ${typenText(g.untereinander.typen)}`, boxTextW, SMALL_FONT) : [];
  // Baselines from the box's top: title lines, short names, relations within.
  const titelY = PAD_Y + 15;
  const namenY = titelY + (titel.lines.length - 1) * NAME_LINE + 4 + SMALL_LINE;
  const internY = namenY + namen.length * SMALL_LINE + (namen.length > 0 ? 6 : 0);
  const lastBaseline = intern.length > 0 ? internY + (intern.length - 1) * SMALL_LINE : namen.length > 0 ? namenY + (namen.length - 1) * SMALL_LINE : titelY + (titel.lines.length - 1) * NAME_LINE;
  const content = lastBaseline + 5 + PAD_Y;

  const aus = kanten.filter((k) => k.von === g.band);
  const rowSpecs: ({ kind: 'kante'; kante: UeberblickKante; text: LabelText } | { kind: 'eingang' })[] = aus.map((k) => ({
    kind: 'kante' as const,
    kante: k,
    text: labelText(`→ ${gruppen[k.nach]?.name ?? ''}: ${beziehungenText(k.anzahl)}`, typenText(k.typen), labelWidth),
  }));
  // The entry row between the rows to groups above and those to groups below.
  if (ziele.includes(g.band)) rowSpecs.splice(aus.filter((k) => k.nach < g.band).length, 0, { kind: 'eingang' });
  const rowH = (r: (typeof rowSpecs)[number]) => (r.kind === 'eingang' ? ENTRY_H : ROW_TOP + r.text.lines.length * LABEL_LINE + ROW_LINE_BELOW + ROW_BOTTOM - 4);
  const rowsH = rowSpecs.reduce((s, r) => s + rowH(r), 0) + (rowSpecs.length > 0 ? 2 * ROWS_MARGIN : 0);
  const height = Math.max(content, rowsH);
  let rowTop = y + (height - rowsH) / 2 + ROWS_MARGIN;
  const rows: Row[] = rowSpecs.map((r) => {
    const top = rowTop;
    rowTop += rowH(r);
    return r.kind === 'eingang'
      ? { kind: 'eingang', top, lineY: top + ENTRY_H / 2 }
      : { ...r, top, lineY: top + ROW_TOP + r.text.lines.length * LABEL_LINE + ROW_LINE_BELOW - 4 };
  });
  return { top: y, height, titel, namen, intern, titelY, namenY, internY, rows };
}

/** The lanes' places: each target group's x, and how far its lane runs (its horizontals' extent). */
interface Spuren {
  laneX: Map<number, number>;
  extent: (t: number) => { min: number; max: number };
}

/** Lane order: fewest crossings of a lane by the horizontals of lanes further right. */
function ordneSpuren(layout: GruppenLayout[], ziele: number[], laneXAt: (pos: number) => number): Spuren {
  const horizontals = new Map<number, number[]>(ziele.map((t) => [t, []]));
  layout.forEach((l, b) => {
    for (const r of l.rows) horizontals.get(r.kind === 'eingang' ? b : r.kante.nach)?.push(r.lineY);
  });
  const extent = (t: number) => {
    const ys = horizontals.get(t) ?? [];
    return { min: Math.min(...ys), max: Math.max(...ys) };
  };
  const cost = ziele.map((t) => ziele.map((u) => (t === u ? 0 : (horizontals.get(t) ?? []).filter((v) => v > extent(u).min && v < extent(u).max).length)));
  const order = laneOrder(ziele, cost);
  return { laneX: new Map(order.map((t, pos) => [t, laneXAt(pos)])), extent };
}

/** The groups' boxes: a coloured strip, the name with the number of actors, the short names, the relations within. */
function zeichneGruppenboxen(gruppen: UeberblickGruppe[], layout: GruppenLayout[]): string {
  return gruppen
    .map((g, b) => {
      const l = layout[b];
      if (!l) return '';
      const x = BOX_X + STRIP_W + PAD_X;
      const part = (p: { text: string; bold: boolean }) => (p.bold ? el('tspan', { class: 'pw-ueberblick-kopf' }, esc(p.text)) : esc(p.text));
      const block = (baseline: number, values: string[][], step: number, a: Attrs) =>
        values.length > 0 ? el('text', a, values.map((v, i) => el('tspan', { x, y: l.top + baseline + i * step }, v.join(''))).join('')) : '';
      const titelMarkup = block(l.titelY, l.titel.lines.map((line) => line.map(part)), NAME_LINE, { class: 'pw-ueberblick-name', 'font-size': NAME_FONT });
      const namenMarkup = block(l.namenY, l.namen.map((t) => [esc(t)]), SMALL_LINE, { class: 'pw-ueberblick-akteure', 'font-size': SMALL_FONT });
      const internMarkup = block(l.internY, l.intern.map((t) => [esc(t)]), SMALL_LINE, { class: 'pw-ueberblick-intern', 'font-size': SMALL_FONT });
      return el(
        'g',
        { class: 'pw-ueberblick-gruppe', 'data-ebene': g.slug, 'data-band': b, 'data-akteure': g.akteure.length, 'data-untereinander': g.untereinander.anzahl },
        el('title', {}, esc(`${g.name}: ${akteureText(g.akteure.length)}${g.untereinander.anzahl > 0 ? `, ${beziehungenText(g.untereinander.anzahl)} untereinander` : ''}`)) +
          el('rect', { x: BOX_X, y: l.top, width: BOX_W, height: l.height, rx: 6, class: 'pw-ueberblick-box' }) +
          el('rect', { x: BOX_X + 1, y: l.top + 1, width: STRIP_W, height: l.height - 2, class: `pw-ueberblick-streifen pw-fuellung-${paletteSlot(b)}` }) +
          titelMarkup +
          namenMarkup +
          internMarkup,
      );
    })
    .join('');
}

/** A halo in the colour of the band the line runs in. */
const halo = (b: number) => `pw-ueberblick-halo pw-ueberblick-halo-${b % 2 === 0 ? 'gerade' : 'ungerade'}`;

/** Lanes with their entry rows, drawn before the edges. */
function zeichneSpuren(id: string, gruppen: UeberblickGruppe[], layout: GruppenLayout[], ziele: number[], { laneX, extent }: Spuren): { trunkMarkup: string; entryMarkup: string } {
  const boxRight = BOX_X + BOX_W;
  const spur = (t: number) => {
    const x = laneX.get(t) ?? LANE_RIGHT;
    const { min, max } = extent(t);
    const entryY = layout[t]?.rows.find((r) => r.kind === 'eingang')?.lineY ?? min;
    return { x, min, max, entryY, slot: paletteSlot(t) };
  };
  const trunkMarkup = ziele
    .map((t) => {
      const { x, min, max, slot } = spur(t);
      return max > min ? el('path', { d: `M${num(x)},${num(min)}V${num(max)}`, class: `pw-ueberblick-linie pw-strich-${slot}`, 'data-nach': gruppen[t]?.slug ?? '' }) : '';
    })
    .join('');
  const entryMarkup = ziele
    .map((t) => {
      const { x, entryY, slot } = spur(t);
      return el(
        'g',
        { class: 'pw-ueberblick-eingang', 'data-nach': gruppen[t]?.slug ?? '' },
        el('path', { d: `M${num(x - 4)},${num(entryY)}H${num(boxRight + 12)}`, class: halo(t) }) +
          el('path', { d: `M${num(x)},${num(entryY)}H${num(boxRight)}`, class: `pw-ueberblick-linie pw-strich-${slot}`, 'marker-end': `url(#${id}-pfeil-${slot})` }),
      );
    })
    .join('');
  return { trunkMarkup, entryMarkup };
}

/** The edges with their labels, on top of the lanes: from the box to the target group's lane. */
function zeichneUeberblickKanten(gruppen: UeberblickGruppe[], layout: GruppenLayout[], { laneX, extent }: Spuren): string {
  const boxRight = BOX_X + BOX_W;
  const dot = (cx: number, cy: number, slot: number) => el('circle', { cx, cy, r: 3.5, class: `pw-ueberblick-punkt pw-fuellung-${slot}` });
  return layout
    .flatMap((l, b) =>
      l.rows.map((r) => {
        if (r.kind !== 'kante') return '';
        const k = r.kante;
        const x = laneX.get(k.nach) ?? LANE_RIGHT;
        const slot = paletteSlot(k.nach);
        const { min, max } = extent(k.nach);
        const von = gruppen[b];
        const nach = gruppen[k.nach];
        const head = `→ ${nach?.name ?? ''}: ${beziehungenText(k.anzahl)}`;
        return el(
          'g',
          { class: 'pw-ueberblick-kante', 'data-von': von?.slug ?? '', 'data-nach': nach?.slug ?? '', 'data-anzahl': k.anzahl },
          el('title', {}, esc(`${von?.name ?? ''} ${head} – ${typenText(k.typen)}`)) +
            el('path', { d: `M${num(boxRight)},${num(r.lineY)}H${num(x - 4)}`, class: halo(b) }) +
            el('path', { d: `M${num(boxRight)},${num(r.lineY)}H${num(x)}`, class: `pw-ueberblick-linie pw-strich-${slot}` }) +
            (r.lineY > min && r.lineY < max ? dot(x, r.lineY, slot) : '') +
            labelMarkup(LABEL_X, r.top + ROW_TOP + 13, r.text, { class: 'pw-ueberblick-beschriftung', 'font-size': LABEL_FONT }),
        );
      }),
    )
    .join('');
}

/** The overview's title and description: how many groups, actors and relations it sums up. */
function ueberblickText({ gruppen, kanten, ohneZuordnung }: UeberblickDaten, wort: GruppenWort): { title: string; desc: string } {
  const akteure = gruppen.reduce((n, g) => n + g.akteure.length, 0);
  const zwischen = kanten.reduce((n, k) => n + k.anzahl, 0);
  const innerhalb = gruppen.reduce((n, g) => n + g.untereinander.anzahl, 0);
  const title = `Überblick nach ${wort.mehrzahl}`;
  const gruppenZahl = `${zahl(gruppen.length)} ${gruppen.length === 1 ? wort.einzahl : wort.mehrzahl}`;
  const desc =
    `${gruppenZahl} mit ${zahl(akteure)} ${akteure === 1 ? 'Akteur' : 'Akteuren'}. ` +
    `${beziehungenText(zwischen)} zwischen verschiedenen ${wort.mehrzahl}` +
    (kanten.length > 0 ? `, zusammengefasst zu ${zahl(kanten.length)} ${kanten.length === 1 ? 'Pfeil' : 'Pfeilen'} (einer je Richtung zwischen zwei ${wort.mehrzahl})` : '') +
    `; ${beziehungenText(innerhalb)} innerhalb einer ${wort.einzahl}.` +
    (ohneZuordnung.akteure > 0 ? ` ${ohneZuordnungText(ohneZuordnung, wort)}` : '') +
    ' Dieselben Angaben stehen in den Tabellen unter dem Bild.';
  return { title, desc };
}

/** The same as tables: the groups, then the relations between them. */
function ueberblickTabellen({ gruppen, kanten }: UeberblickDaten, wort: GruppenWort): [ChartTable, ChartTable] {
  return [
    {
      caption: `${wort.mehrzahl} und ihre Akteure`,
      columns: [
        { label: wort.einzahl, numeric: false },
        { label: 'Akteure', numeric: true },
        { label: 'Beziehungen untereinander', numeric: true },
        { label: 'Arten (Anzahl)', numeric: false },
      ],
      rows: gruppen.map((g) => ({ header: g.name, cells: [zahl(g.akteure.length), zahl(g.untereinander.anzahl), typenText(g.untereinander.typen) || '–'] })),
    },
    {
      caption: `Beziehungen zwischen den ${wort.mehrzahl}`,
      columns: [
        { label: 'Von', numeric: false },
        { label: 'An', numeric: false },
        { label: 'Beziehungen', numeric: true },
        { label: 'Arten (Anzahl)', numeric: false },
      ],
      rows: kanten.map((k) => ({ header: gruppen[k.von]?.name ?? '', cells: [gruppen[k.nach]?.name ?? '', zahl(k.anzahl), typenText(k.typen)] })),
    },
  ];
}

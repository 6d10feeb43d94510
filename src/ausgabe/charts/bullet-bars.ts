/**
 * One horizontal bar per item against its target (e.g. Ausstattungsquote per Schulform vs Zielwert):
 * a track over the whole scale, the value as a bar, the target as a mark, and a line of text
 * that states both values. Items that reach their target and those that do not differ in colour,
 * pattern and legend; so do items whose target the caller does not judge (`reached: null`).
 */
import { max, scaleLinear, type ScaleLinear } from 'd3';
import {
  ASCENT, FONT, LINE, NARROW_WIDTH, WIDTH, checkId, el, flaeche, legend, lines, narrowId, svgRoot, swatch, text, textWidth, wrap,
} from './svg.ts';
import type { Chart, ChartBase, ChartTable, ValueFormat } from './types.ts';
import { checkValue, formatCell, formatLabel, itemReached, tickFormatter } from './values.ts';

export interface BulletItem {
  label: string;
  value: number;
  /** The Zielwert; without it the row has no mark and counts as neither reached nor missed. */
  target?: number;
  /** The word the plan puts before its target („mindestens“), shown with the target. */
  targetQualifier?: string;
  /** Whether the value reaches the target, where the caller judges it (null: not judged); default value ≥ target. */
  reached?: boolean | null;
}


export interface BulletBarsInput extends ChartBase {
  /** Top to bottom, in this order; values ≥ 0. */
  items: BulletItem[];
  /** Default `percent`. */
  format?: ValueFormat;
  /** Decimals of labels and table cells. */
  digits?: number;
  /** Right end of the scale; default 100 for percentages up to 100, else a round number above all values. */
  max?: number;
  /** Table heads; defaults "Bezeichnung", "Wert", "Zielwert". */
  labelColumn?: string;
  valueColumn?: string;
  targetColumn?: string;
}

const TRACK = 24;
const BAR = 14;
const MARK = 32;
const ROW_GAP = 18;
/** Palette slots: reached = 0 (solid), not reached = 1 (hatched), not judged = 2, no target = 0. */
const REACHED = 0;
const MISSED = 1;
const OPEN = 2;

/** The table's „Ziel erreicht“ cell. */
function reachedText(state: boolean | null | undefined): string {
  if (state === undefined) return 'kein Zielwert';
  if (state === null) return 'nicht bewertet';
  return state ? 'ja' : 'nein';
}

/** Legend key of a target mark. */
export function targetKey(): string {
  return el('rect', { x: 10, y: -2, width: 4, height: 20, class: 'pw-zielmarke' });
}

export function bulletBars(input: BulletBarsInput): Chart {
  const { id, items } = input;
  checkId(id);
  const format = input.format ?? 'percent';
  items.forEach((item) => {
    checkValue(id, `„${item.label}“`, item.value);
    if (item.target !== undefined) checkValue(id, `Zielwert von „${item.label}“`, item.target);
  });
  const anyTarget = items.some((i) => i.target !== undefined);
  return { svg: drawBullets(input, format, id, WIDTH), narrowSvg: drawBullets(input, format, narrowId(id), NARROW_WIDTH), table: bulletTable(input, format, anyTarget) };
}

/** The chart at one width: legend, a labelled track per item, the scale below. */
function drawBullets(input: BulletBarsInput, format: ValueFormat, svgId: string, width: number): string {
  const { items } = input;
  const anyTarget = items.some((i) => i.target !== undefined);
  const anyOpen = items.some((i) => itemReached(i) === null);
  const key = anyTarget
    ? legend(
        [
          { label: 'Ziel erreicht', key: swatch(REACHED) },
          { label: 'Ziel noch nicht erreicht', key: swatch(MISSED) },
          ...(anyOpen ? [{ label: 'nicht bewertet', key: swatch(OPEN) }] : []),
          { label: 'Zielwert', key: targetKey() },
        ],
        0,
        0,
        width,
      )
    : { markup: '', height: 0 };

  const highest = max(items.flatMap((i) => (i.target === undefined ? [i.value] : [i.value, i.target]))) ?? 0;
  const domainMax = input.max ?? (format === 'percent' && highest <= 100 ? 100 : highest > 0 ? highest : 1);
  const x = scaleLinear().domain([0, domainMax]).range([0, width - 3]).clamp(true);
  if (input.max === undefined) x.nice(5);
  const ticks = x.ticks(5);
  const tick = tickFormatter(ticks, format);

  let y = key.height > 0 ? key.height + 18 : 0;
  const tracksTop = y;
  let tracks = '';
  let bars = '';
  const gridTops: number[] = [];
  for (const [index, item] of items.entries()) {
    const row = bulletRow(input, format, item, index, x, y, width);
    gridTops.push(row.trackY);
    tracks += el('rect', { x: 0, y: row.trackY, width, height: TRACK, class: 'pw-spur' });
    bars += row.markup;
    y = row.trackY + TRACK + ROW_GAP;
  }
  const tracksBottom = y - ROW_GAP;

  // Scale at the bottom, grid lines through all tracks.
  const grid = ticks
    .map((t) => gridTops.map((top) => el('line', { x1: x(t), x2: x(t), y1: top, y2: top + TRACK, class: 'pw-gitter' })).join(''))
    .join('');
  const axisY = tracksBottom + 8;
  const body = key.markup + el('g', { class: 'pw-spuren' }, tracks) + el('g', { class: 'pw-gitter-gruppe' }, grid) + bars + el('g', { class: 'pw-achse-x' }, bulletAxis(ticks, x, tick, axisY, width));
  const height = tracksTop === y ? y : axisY + 6 + LINE + 4;
  return svgRoot({ id: svgId, title: input.title, desc: input.desc, kind: 'ziel-balken', height, body, width });
}

/** One item from `y` down: its label and "value (Ziel target)", then its bar and target mark on the track at `trackY`. */
function bulletRow(input: BulletBarsInput, format: ValueFormat, item: BulletItem, index: number, x: ScaleLinear<number, number>, top: number, width: number): { markup: string; trackY: number } {
  const label = (v: number) => formatLabel(v, format, input.digits);
  const targetText = (i: BulletItem) => `${i.targetQualifier ? `${i.targetQualifier} ` : ''}${formatLabel(i.target!, format, input.digits, false)}`;
  // Label (bold) and "value (Ziel target)": on one line when both fit, else the value below.
  const status = item.target === undefined ? label(item.value) : `${label(item.value)} (Ziel ${targetText(item)})`;
  const statusWidth = textWidth(status);
  const labelLines = wrap(item.label, width, FONT, true);
  const lastLine = labelLines[labelLines.length - 1] ?? '';
  const sameLine = textWidth(lastLine, FONT, true) + 16 + statusWidth <= width;
  let head = lines(0, top + ASCENT, labelLines, { class: 'pw-text pw-beschriftung' });
  const statusY = top + ASCENT + (labelLines.length - (sameLine ? 1 : 0)) * LINE;
  head += sameLine
    ? text(width, statusY, status, { class: 'pw-text pw-wert', 'text-anchor': 'end' })
    : text(0, statusY, status, { class: 'pw-text pw-wert' });
  const trackY = top + (labelLines.length + (sameLine ? 0 : 1)) * LINE + 8;
  const w = x(item.value);
  const state = itemReached(item);
  const slot = state === false ? MISSED : state === null ? OPEN : REACHED;
  const markup = el(
    'g',
    { class: 'pw-zeile', 'data-index': index },
    head +
      (w > 0 ? flaeche(slot, { x: 0, y: trackY + (TRACK - BAR) / 2, width: w, height: BAR, attrs: { class: 'pw-balken', 'data-erreicht': state === undefined || state === null ? undefined : String(state) } }) : '') +
      (item.target === undefined ? '' : el('rect', { x: x(item.target) - 2, y: trackY + (TRACK - MARK) / 2, width: 4, height: MARK, class: 'pw-zielmarke' })),
  );
  return { markup, trackY };
}

/**
 * The scale below the tracks. Tick labels, each only where it keeps clear of the one before
 * (the last one is right-aligned at the end and may otherwise run into its neighbour on a phone).
 */
function bulletAxis(ticks: number[], x: ScaleLinear<number, number>, tick: (t: number) => string, axisY: number, width: number): string {
  let lastRight = -Infinity;
  const tickLabels = ticks.flatMap((t, i) => {
    const anchor = i === 0 && x(t) < 20 ? 'start' : x(t) > width - 20 ? 'end' : 'middle';
    const w = textWidth(tick(t));
    const left = anchor === 'start' ? x(t) : anchor === 'end' ? x(t) - w : x(t) - w / 2;
    if (left < lastRight + 6) return [];
    lastRight = left + w;
    return [text(x(t), axisY + 6 + ASCENT, tick(t), { class: 'pw-text-leise', 'text-anchor': anchor })];
  });
  return (
    el('line', { x1: 0, x2: width, y1: axisY, y2: axisY, class: 'pw-achse' }) +
    ticks.map((t) => el('line', { x1: x(t), x2: x(t), y1: axisY, y2: axisY + 5, class: 'pw-achse' })).join('') +
    tickLabels.join('')
  );
}

/** The chart's data as a table: value, and target and whether it is reached where any item has a target. */
function bulletTable(input: BulletBarsInput, format: ValueFormat, anyTarget: boolean): ChartTable {
  return {
    caption: input.tableCaption ?? input.title,
    columns: [
      { label: input.labelColumn ?? 'Bezeichnung', numeric: false },
      { label: input.valueColumn ?? 'Wert', numeric: true },
      ...(anyTarget ? [{ label: input.targetColumn ?? 'Zielwert', numeric: true }, { label: 'Ziel erreicht', numeric: false }] : []),
    ],
    rows: input.items.map((i) => ({
      header: i.label,
      cells: [
        formatCell(i.value, format, input.digits),
        ...(anyTarget
          ? [
              i.target === undefined ? formatCell(i.target, format, input.digits, false) : `${i.targetQualifier ? `${i.targetQualifier} ` : ''}${formatCell(i.target, format, input.digits, false)}`,
              reachedText(itemReached(i)),
            ]
          : []),
      ],
    })),
  };
}

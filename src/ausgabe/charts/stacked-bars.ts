/** Vertical stacked bars per category (years), optionally with a line (e.g. Förderung) on top. */
import { fsum, line as d3line, max, scaleBand, scaleLinear, stack, type ScaleBand, type ScaleLinear } from 'd3';
import {
  categoryAxis,
  valueAxis,
  ASCENT, LINE, NARROW_WIDTH, WIDTH, checkId, el, legend, narrowId, flaeche, paletteSlot, svgRoot, swatch, text, textWidth, type LegendEntry,
} from './svg.ts';
import type { Chart, ChartBase, ChartTable, Series, ValueFormat } from './types.ts';
import { checkLength, checkValue, defaultAxisLabel, formatCell, formatFixed, formatLabel, tickFormatter } from './values.ts';

export interface StackedBarsInput extends ChartBase {
  /** One bar per category, left to right (usually years). */
  categories: (string | number)[];
  /** Stacked bottom to top, in this order; values ≥ 0, one per category. */
  series: Series[];
  /** Drawn as a line with point markers over the bars; `null` where there is no value. */
  line?: { label: string; values: (number | null)[] };
  /** Default `number`. */
  format?: ValueFormat;
  /** Decimals of labels and table cells (not for `euro` in the table, which shows full euros). */
  digits?: number;
  /** Title above the value axis; default "Mio. €" for `euro`, none otherwise. */
  axisLabel?: string;
  /** Head of the category column of the table; default "Jahr". */
  categoryLabel?: string;
  /**
   * Write each bar's total above it; default false. Dropped when the labels do not fit side by
   * side; a label is lifted above the overlay line where the line would cross it, or left out
   * when there is no room above.
   */
  showTotals?: boolean;
  /** Height of the plot area in viewBox units; default 250. */
  height?: number;
}

/** Legend key of an overlay line: a short line with a point marker. */
export function lineKey(): string {
  return (
    el('line', { x1: 0, y1: 8, x2: 24, y2: 8, class: 'pw-linie-halo' }) +
    el('line', { x1: 0, y1: 8, x2: 24, y2: 8, class: 'pw-linie' }) +
    el('circle', { cx: 12, cy: 8, r: 4.5, class: 'pw-punkt' })
  );
}

export function stackedBars(input: StackedBarsInput): Chart {
  const { id, series } = input;
  checkId(id);
  const format = input.format ?? 'number';
  const categories = input.categories.map(String);
  series.forEach((s) => {
    checkLength(id, `Reihe „${s.label}“`, s.values.length, categories.length);
    s.values.forEach((v, i) => v !== null && checkValue(id, `Reihe „${s.label}“, ${categories[i]}`, v));
  });
  if (input.line) {
    checkLength(id, `Linie „${input.line.label}“`, input.line.values.length, categories.length);
    input.line.values.forEach((v, i) => v !== null && checkValue(id, `Linie „${input.line?.label}“, ${categories[i]}`, v));
  }
  const slots = series.map((s, i) => paletteSlot(s.paletteIndex ?? i));
  const rows = categories.map((_, c) => series.map((s) => s.values[c] ?? 0));
  const totals = rows.map((r) => fsum(r));
  const drawn = { categories, slots, rows, totals, format };
  return {
    svg: drawStackedBars(input, drawn, id, WIDTH),
    narrowSvg: drawStackedBars(input, drawn, narrowId(id), NARROW_WIDTH),
    table: stackedTable(input, categories, totals, format),
  };
}

/** Half the height of the overlay line's halo plus a little air: labels keep this distance. */
const LINE_CLEARANCE = 5;

function drawStackedBars(
  input: StackedBarsInput,
  { categories, slots, rows, totals, format }: { categories: string[]; slots: number[]; rows: number[][]; totals: number[]; format: ValueFormat },
  id: string,
  width: number,
): string {
  const { series } = input;
  const lineValues = input.line?.values ?? [];

  // Legend on top: the reader learns the key before the bars.
  const entries: LegendEntry[] = series.map((s, i) => ({ label: s.label, key: swatch(slots[i] ?? i) }));
  if (input.line) entries.push({ label: input.line.label, key: lineKey() });
  const key = legend(entries, 0, series.length, width);
  let top = key.height > 0 ? key.height + 16 : 0;

  const axisLabel = input.axisLabel ?? defaultAxisLabel(format);
  const axisTitle = axisLabel ? text(0, top + ASCENT, axisLabel, { class: 'pw-text-leise pw-achsentitel' }) : '';
  if (axisLabel) top += LINE + 4;
  // Room above the plot for the totals: a line of text, or above the overlay line's highest
  // marker (its radius, the clearance, the label's descent and ascent).
  const labelRoom = input.showTotals ? (input.line ? 5 + LINE_CLEARANCE + 4 + ASCENT + 2 : LINE + 2) : 10;
  const plotTop = top + labelRoom;
  const plotBottom = plotTop + (input.height ?? 250);

  const highest = max([...totals, ...lineValues.filter((v): v is number => v !== null)]) ?? 0;
  const y = scaleLinear().domain([0, highest > 0 ? highest : 1]).range([plotBottom, plotTop]).nice(5);
  const ticks = y.ticks(5);
  const tick = tickFormatter(ticks, format);
  const left = Math.ceil(Math.max(...ticks.map((t) => textWidth(tick(t))))) + 8;
  const x = scaleBand<string>().domain(categories).range([left, width - 2]).paddingInner(0.3).paddingOuter(0.15);
  const plot: Plot = { x, y, left, plotTop, plotBottom, labelRoom, categories };

  let body = key.markup + axisTitle;
  // Grid and value axis.
  body += valueAxis(ticks, y, left, tick, 'ohne', width);
  body += el('g', { class: 'pw-balken-gruppe' }, drawBars(plot, rows, slots, series.length));
  body += el('line', { x1: left, x2: width, y1: plotBottom, y2: plotBottom, class: 'pw-achse' });
  const points = categories.map((c, i) => ({ x: centreOf(plot, c), v: lineValues[i] ?? null }));
  if (input.line) body += overlayLine(plot, points);
  if (input.showTotals) body += totalLabels(input, plot, points, totals, format);
  body += categoryAxis(categories, x.step(), (c) => centreOf(plot, c), plotBottom);

  const height = plotBottom + 6 + LINE + 4;
  return svgRoot({ id, title: input.title, desc: input.desc, kind: 'gestapelte-saeulen', height, body, width });
}

/** The scales and bounds of the plot area. */
interface Plot {
  x: ScaleBand<string>;
  y: ScaleLinear<number, number>;
  left: number;
  plotTop: number;
  plotBottom: number;
  /** Room above the plot for the totals. */
  labelRoom: number;
  categories: string[];
}

/** The middle of a category's bar. */
const centreOf = (plot: Plot, c: string) => (plot.x(c) ?? plot.left) + plot.x.bandwidth() / 2;

/** Bars: one rect per non-zero segment, stacked with d3.stack. */
function drawBars({ x, y, left, categories }: Plot, rows: number[][], slots: number[], count: number): string {
  const layers = stack<number[], number>()
    .keys(Array.from({ length: count }, (_, i) => i))
    .value((row, k) => row[k] ?? 0)(rows);
  let bars = '';
  layers.forEach((layer, si) => {
    layer.forEach(([y0, y1], ci) => {
      if (y1 - y0 <= 0) return;
      const category = categories[ci] ?? '';
      bars += flaeche(slots[si] ?? si, { x: x(category) ?? left, y: y(y1), width: x.bandwidth(), height: y(y0) - y(y1), attrs: { class: 'pw-balken', 'data-serie': si } });
    });
  });
  return bars;
}

/** Overlay line with a marker on every value. */
function overlayLine({ y }: Plot, points: { x: number; v: number | null }[]): string {
  const path = d3line<{ x: number; v: number | null }>()
    .defined((p) => p.v !== null)
    .x((p) => p.x)
    .y((p) => y(p.v ?? 0))
    .digits(2)(points) ?? '';
  return el(
    'g',
    { class: 'pw-linie-gruppe' },
    el('path', { d: path, class: 'pw-linie-halo' }) +
      el('path', { d: path, class: 'pw-linie' }) +
      points
        .filter((p) => p.v !== null)
        .map((p) => el('circle', { cx: p.x, cy: y(p.v ?? 0), r: 5, class: 'pw-punkt' }))
        .join(''),
  );
}

/**
 * Totals above the bars, clear of the overlay line: above its marker and, where the line
 * rises towards a neighbour, above the line wherever it passes over the label. Nothing when
 * the labels do not fit side by side.
 */
function totalLabels(input: StackedBarsInput, plot: Plot, points: { x: number; v: number | null }[], totals: number[], format: ValueFormat): string {
  const { x, y, plotTop, labelRoom, categories } = plot;
  const label = (v: number) => (format === 'euro' ? formatFixed(v / 100_000_000, input.digits ?? 1) : formatLabel(v, format, input.digits));
  const fits = totals.every((t) => textWidth(label(t)) <= x.step() - 4);
  if (!fits) return '';
  const linePoints = points.map((p) => ({ x: p.x, y: p.v === null ? null : y(p.v) }));
  const labels = categories.flatMap((c, i) => {
    const total = totals[i] ?? 0;
    const t = label(total);
    const half = textWidth(t) / 2 + 2;
    const cx = centreOf(plot, c);
    // The highest point of bar, marker and line between the label's left and right edge.
    const lineTop = input.line ? highestLineY(linePoints, cx - half, cx + half) : Infinity;
    const baseline = Math.min(y(total) - 6, lineTop - LINE_CLEARANCE - 4);
    // No room left above the plot (the axis title and legend are there): leave this one out.
    if (baseline - ASCENT < plotTop - labelRoom) return [];
    return [text(cx, baseline, t, { class: 'pw-text pw-halo', 'text-anchor': 'middle' })];
  });
  return el('g', { class: 'pw-summen' }, labels.join(''));
}

/**
 * The smallest y (highest on the page) of a line with point markers between x0 and x1, or
 * Infinity where it does not pass there. Points are in x order; `y: null` is a gap in the line
 * (no marker, and no segment to or from it).
 */
export function highestLineY(points: { x: number; y: number | null }[], x0: number, x1: number, marker = 5): number {
  let top = Infinity;
  points.forEach((p, i) => {
    if (p.y === null) return;
    if (p.x + marker >= x0 && p.x - marker <= x1) top = Math.min(top, p.y - marker);
    const next = points[i + 1];
    if (!next || next.y === null) return;
    // A straight segment is highest at one of its ends within [x0, x1].
    const a = Math.max(x0, p.x);
    const b = Math.min(x1, next.x);
    if (a > b) return;
    const py = p.y;
    const ny = next.y;
    const at = (xx: number) => py + ((ny - py) * (xx - p.x)) / (next.x - p.x || 1);
    top = Math.min(top, at(a), at(b));
  });
  return top;
}

function stackedTable(input: StackedBarsInput, categories: string[], totals: number[], format: ValueFormat): ChartTable {
  const { series, line, digits } = input;
  const withTotal = series.length > 1 && format !== 'percent';
  const cell = (v: number | null | undefined) => formatCell(v, format, digits);
  const columns = [
    { label: input.categoryLabel ?? 'Jahr', numeric: false },
    ...series.map((s) => ({ label: s.label, numeric: true })),
    ...(withTotal ? [{ label: 'Summe', numeric: true }] : []),
    ...(line ? [{ label: line.label, numeric: true }] : []),
  ];
  const rows = categories.map((c, i) => ({
    header: c,
    cells: [
      ...series.map((s) => cell(s.values[i])),
      ...(withTotal ? [cell(totals[i])] : []),
      ...(line ? [cell(line.values[i])] : []),
    ],
  }));
  const table: ChartTable = { caption: input.tableCaption ?? input.title, columns, rows };
  if (format !== 'percent' && categories.length > 1) {
    table.foot = {
      header: 'Summe',
      cells: [
        ...series.map((s) => cell(fsum(s.values.filter((v): v is number => v !== null)))),
        ...(withTotal ? [cell(fsum(totals))] : []),
        ...(line ? [cell(fsum(line.values.filter((v): v is number => v !== null)))] : []),
      ],
    };
  }
  return table;
}

/**
 * Time series (e.g. an Indikator's Messwerte per year) as lines with markers, the values written
 * at the points, and an optional dashed target line labelled "Zielwert".
 */
import { line as d3line, max, min, scaleLinear, scalePoint, type ScaleLinear } from 'd3';
import {
  categoryAxis,
  valueAxis,
  ASCENT, LINE, NARROW_WIDTH, WIDTH, checkId, el, legend, narrowId, num, paletteSlot, svgRoot, text, textWidth, type LegendEntry,
} from './svg.ts';
import type { Chart, ChartBase, ChartTable, ValueFormat } from './types.ts';
import { checkLength, checkValue, defaultAxisLabel, formatCell, formatLabel, tickFormatter } from './values.ts';

export interface LineSeries {
  label: string;
  /** One per category; `null` where there is no value (the line has a gap there). */
  values: (number | null)[];
  /** Colour, marker and dash 0–7; default the series' position. */
  paletteIndex?: number;
}

export interface LineChartInput extends ChartBase {
  /** Points left to right, evenly spaced (usually years). */
  categories: (string | number)[];
  series: LineSeries[];
  /** A horizontal dashed line, labelled "{label} {value}"; label defaults to "Zielwert". */
  /**
   * A target line, labelled „Zielwert 80 %“; `qualifier` is the word the plan puts before the target
   * („mindestens“), `suffix` what follows it („bis 2030“).
   */
  target?: { value: number; label?: string; qualifier?: string; suffix?: string };
  /** Default `number`. */
  format?: ValueFormat;
  /** Decimals of labels and table cells. */
  digits?: number;
  /** Title above the value axis; default "Mio. €" for `euro`, none otherwise. */
  axisLabel?: string;
  /** Head of the category column of the table; default "Jahr". */
  categoryLabel?: string;
  /** Value axis range; default from 0 (or the lowest value, if negative) to above the highest value or target. */
  yMin?: number;
  yMax?: number;
  /**
   * Write each value at its point; default true for a single series. A label goes above its
   * point, else below it; where both would touch another point, line, label or the target line,
   * it is left out (the table has every value).
   */
  pointLabels?: boolean;
  /** Height of the plot area in viewBox units; default 220. */
  height?: number;
}

const DASHES = [undefined, '8 4', '2 4', '10 4 2 4', '4 4', '12 3', '2 2', '6 2 2 2'];

/** A point marker of shape `slot % 4` (circle, square, triangle, diamond) centred on cx, cy. */
export function marker(slot: number, cx: number, cy: number, cls: string): string {
  const r = 5;
  switch (slot % 4) {
    case 1:
      return el('rect', { x: cx - r, y: cy - r, width: 2 * r, height: 2 * r, class: cls });
    case 2:
      return el('path', { d: `M${num(cx)},${num(cy - r - 1)}L${num(cx + r + 1)},${num(cy + r)}L${num(cx - r - 1)},${num(cy + r)}Z`, class: cls });
    case 3:
      return el('path', { d: `M${num(cx)},${num(cy - r - 1.5)}L${num(cx + r + 1.5)},${num(cy)}L${num(cx)},${num(cy + r + 1.5)}L${num(cx - r - 1.5)},${num(cy)}Z`, class: cls });
    default:
      return el('circle', { cx, cy, r, class: cls });
  }
}

function seriesKey(slot: number): string {
  return (
    el('line', { x1: 0, y1: 8, x2: 24, y2: 8, class: `pw-strich pw-strich-${slot}`, 'stroke-dasharray': DASHES[slot] }) +
    marker(slot, 12, 8, `pw-markierung pw-fuellung-${slot}`)
  );
}

interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Whether a straight segment passes through a box (Liang–Barsky clipping). */
export function crosses(s: Segment, b: Box): boolean {
  const dx = s.x1 - s.x0;
  const dy = s.y1 - s.y0;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, s.x0 - b.x0],
    [dx, b.x1 - s.x0],
    [-dy, s.y0 - b.y0],
    [dy, b.y1 - s.y0],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const r = q / p;
    if (p < 0) t0 = Math.max(t0, r);
    else t1 = Math.min(t1, r);
    if (t0 > t1) return false;
  }
  return true;
}

/** Room kept around lines (their halo) and markers when placing labels. */
const CLEARANCE = 3;

export function lineChart(input: LineChartInput): Chart {
  const { id, series, target } = input;
  checkId(id);
  const categories = input.categories.map(String);
  series.forEach((s) => {
    checkLength(id, `Reihe „${s.label}“`, s.values.length, categories.length);
    s.values.forEach((v, i) => v !== null && checkValue(id, `Reihe „${s.label}“, ${categories[i]}`, v, true));
  });
  if (target) checkValue(id, 'Zielwert', target.value, true);
  return { svg: drawLines(input, id, WIDTH), narrowSvg: drawLines(input, narrowId(id), NARROW_WIDTH), table: lineTable(input) };
}

/** The plot at one width, and everything a label must not touch. */
interface LinePlot {
  y: ScaleLinear<number, number>;
  left: number;
  width: number;
  plotTop: number;
  plotBottom: number;
  /** Each series' points: x and value. */
  runs: { x: number; v: number | null }[][];
  /** Markers, and once placed the point labels. */
  occupied: Box[];
  hitsLine: (b: Box) => boolean;
  hitsTarget: (b: Box) => boolean;
  /** The target line's y, where there is a target. */
  ty: number | undefined;
}

/** The chart at one width: legend, value axis, target line, series with their point labels, category axis. */
function drawLines(input: LineChartInput, svgId: string, width: number): string {
  const { series, target } = input;
  const format = input.format ?? 'number';
  const categories = input.categories.map(String);
  const slots = series.map((s, i) => paletteSlot(s.paletteIndex ?? i));
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const all = target ? [...values, target.value] : values;
  const key = series.length > 1 ? legend(series.map((s, i): LegendEntry => ({ label: s.label, key: seriesKey(slots[i] ?? i) })), 0, 0, width) : { markup: '', height: 0 };
  let top = key.height > 0 ? key.height + 16 : 0;
  const axisLabel = input.axisLabel ?? defaultAxisLabel(format);
  const axisTitle = axisLabel ? text(0, top + ASCENT, axisLabel, { class: 'pw-text-leise pw-achsentitel' }) : '';
  if (axisLabel) top += LINE + 4;
  const plotTop = top + LINE + 6; // room for labels above the highest point
  const plotBottom = plotTop + (input.height ?? 220);

  const lowest = input.yMin ?? Math.min(0, min(all) ?? 0);
  const highest = input.yMax ?? (max(all) ?? 1);
  const y = scaleLinear().domain([lowest, highest > lowest ? highest : lowest + 1]).range([plotBottom, plotTop]);
  if (input.yMin === undefined || input.yMax === undefined) y.nice(5);
  const ticks = y.ticks(5);
  const tick = tickFormatter(ticks, format);
  const left = Math.ceil(Math.max(...ticks.map((t) => textWidth(tick(t))))) + 10;
  const x = scalePoint<string>().domain(categories).range([left, width]).padding(0.5);
  const at = (c: string) => x(c) ?? left;

  let body = key.markup + axisTitle;
  body += valueAxis(ticks, y, left, tick, 'achse', width);
  if (ticks[0] !== 0) body += el('line', { x1: left, x2: width, y1: plotBottom, y2: plotBottom, class: 'pw-achse' });
  const runs = series.map((s) => categories.map((c, i) => ({ x: at(c), v: s.values[i] ?? null })));
  const plot = linePlot(runs, y, target ? y(target.value) : undefined, { left, width, plotTop, plotBottom });
  const { lineMarkup, labelMarkup } = drawSeries(input, plot, slots);
  body += targetLine(input, plot) + lineMarkup + labelMarkup;
  body += categoryAxis(categories, x.step(), at, plotBottom);
  const height = plotBottom + 6 + LINE + 4;
  return svgRoot({ id: svgId, title: input.title, desc: input.desc, kind: 'linien', height, body, width });
}

/** Everything a label must not touch: every series' markers and segments, the target line. */
function linePlot(
  runs: LinePlot['runs'],
  y: ScaleLinear<number, number>,
  ty: number | undefined,
  bounds: { left: number; width: number; plotTop: number; plotBottom: number },
): LinePlot {
  const occupied: Box[] = runs.flatMap((points) =>
    points.flatMap((p) => (p.v === null ? [] : [{ x0: p.x - 8, x1: p.x + 8, y0: y(p.v) - 8, y1: y(p.v) + 8 }])),
  );
  const segments: Segment[] = runs.flatMap((points) =>
    points.flatMap((p, i) => {
      const next = points[i + 1];
      return p.v === null || !next || next.v === null ? [] : [{ x0: p.x, y0: y(p.v), x1: next.x, y1: y(next.v) }];
    }),
  );
  const grown = (b: Box): Box => ({ x0: b.x0 - CLEARANCE, x1: b.x1 + CLEARANCE, y0: b.y0 - CLEARANCE, y1: b.y1 + CLEARANCE });
  const hitsLine = (b: Box) => segments.some((sg) => crosses(sg, grown(b)));
  const hitsTarget = (b: Box) => ty !== undefined && b.y0 - CLEARANCE < ty && ty < b.y1 + CLEARANCE && b.x1 > bounds.left;
  return { ...bounds, y, runs, occupied, hitsLine, hitsTarget, ty };
}

/** Each series' line and markers, and (one series by default) its point labels where they are free. */
function drawSeries(input: LineChartInput, plot: LinePlot, slots: number[]): { lineMarkup: string; labelMarkup: string } {
  const { y, runs } = plot;
  const showLabels = input.pointLabels ?? input.series.length === 1;
  let lineMarkup = '';
  let labelMarkup = '';
  const labels: Box[] = [];
  input.series.forEach((_, si) => {
    const slot = slots[si] ?? si;
    const points = runs[si] ?? [];
    const path = d3line<{ x: number; v: number | null }>()
      .defined((p) => p.v !== null)
      .x((p) => p.x)
      .y((p) => y(p.v ?? 0))
      .digits(2)(points) ?? '';
    lineMarkup += el(
      'g',
      { class: 'pw-reihe', 'data-serie': si },
      el('path', { d: path, class: 'pw-linie-halo' }) +
        el('path', { d: path, class: `pw-strich pw-strich-${slot}`, 'stroke-dasharray': DASHES[slot] }) +
        points
          .filter((p) => p.v !== null)
          .map((p) => marker(slot, p.x, y(p.v ?? 0), `pw-markierung pw-fuellung-${slot}`))
          .join(''),
    );
    if (!showLabels) return;
    for (const p of points) {
      if (p.v === null) continue;
      labelMarkup += pointLabel(input, plot, labels, p.x, p.v);
    }
  });
  plot.occupied.push(...labels);
  return { lineMarkup, labelMarkup };
}

/** The label of one point, above or below it (else beside it) where it is free; placed labels go to `labels`. */
function pointLabel(input: LineChartInput, plot: LinePlot, labels: Box[], px: number, v: number): string {
  const { y, left, width, plotTop, plotBottom, occupied, hitsLine, hitsTarget } = plot;
  // Inside the plot: not over the value axis' labels, nor below the category axis.
  const inPlot = (b: Box) => b.y0 >= plotTop - LINE - 4 && b.y1 <= plotBottom && b.x0 >= left - 4 && b.x1 <= width;
  const py = y(v);
  const t = formatLabel(v, input.format ?? 'number', input.digits);
  const w = textWidth(t);
  // Above, below, then beside the point (upper left and lower right suit a rising line,
  // upper right and lower left a falling one).
  const spots = [
    { x: px, baseline: py - 12, anchor: 'middle' },
    { x: px, baseline: py + 12 + ASCENT, anchor: 'middle' },
    { x: px - 10, baseline: py - 6, anchor: 'end' },
    { x: px + 10, baseline: py + 6 + ASCENT, anchor: 'start' },
    { x: px + 10, baseline: py - 6, anchor: 'start' },
    { x: px - 10, baseline: py + 6 + ASCENT, anchor: 'end' },
  ];
  const boxOf = (c: (typeof spots)[number]): Box => {
    const x0 = c.anchor === 'middle' ? c.x - w / 2 : c.anchor === 'end' ? c.x - w : c.x;
    return { x0, x1: x0 + w, y0: c.baseline - ASCENT, y1: c.baseline + 4 };
  };
  const free = (b: Box) => inPlot(b) && !occupied.some((o) => overlaps(o, b)) && !labels.some((o) => overlaps(o, b)) && !hitsLine(b) && !hitsTarget(b);
  const spot = spots.find((c) => free(boxOf(c)));
  if (!spot) return '';
  labels.push(boxOf(spot));
  return text(spot.x, spot.baseline, t, { class: 'pw-text pw-halo pw-wert', 'text-anchor': spot.anchor });
}

/**
 * Target line with its label where it touches neither points, labels nor lines (else where
 * it touches no point or label, else at the right end). Where the whole label („Zielwert
 * mindestens 60 % bis 2026“) finds no free place, it goes without its suffix (the year stays
 * in the description and the table); the qualifier is part of the target and always stays.
 */
function targetLine(input: LineChartInput, { left, width, plotTop, plotBottom, occupied, hitsLine, ty }: LinePlot): string {
  const { target } = input;
  if (!target || ty === undefined) return '';
  const kurz = [target.label ?? 'Zielwert', target.qualifier, formatLabel(target.value, input.format ?? 'number', input.digits, false)].filter(Boolean).join(' ');
  const lang = target.suffix ? `${kurz} ${target.suffix}` : kurz;
  const candidates = [
    { x: width, anchor: 'end', baseline: ty - 7 },
    { x: left + 4, anchor: 'start', baseline: ty - 7 },
    { x: width, anchor: 'end', baseline: ty + 6 + ASCENT },
    { x: left + 4, anchor: 'start', baseline: ty + 6 + ASCENT },
  ];
  // Text widths are estimates (up to a tenth too small as browsers draw them): the longer label
  // keeps a margin of 15 % of its width to its neighbours, so that it never touches them.
  const box = (c: (typeof candidates)[number], t: string, rand = 0): Box => {
    const w = textWidth(t);
    const x0 = c.anchor === 'end' ? c.x - w : c.x;
    return { x0: x0 - rand, x1: x0 + w + rand, y0: c.baseline - ASCENT, y1: c.baseline + 4 };
  };
  const inside = (b: Box) => b.y0 >= plotTop - LINE && b.y1 <= plotBottom;
  const clear = (c: (typeof candidates)[number], t: string, rand: number) => inside(box(c, t)) && !occupied.some((o) => overlaps(o, box(c, t, rand)));
  const finde = (t: string, rand: number) => candidates.find((c) => clear(c, t, rand) && !hitsLine(box(c, t))) ?? candidates.find((c) => clear(c, t, rand));
  const langPlatz = lang === kurz ? undefined : finde(lang, textWidth(lang) * 0.15);
  const kurzPlatz = langPlatz ? undefined : finde(kurz, 0);
  const [t, place] = langPlatz ? [lang, langPlatz] : [kurz, kurzPlatz ?? candidates[0]];
  return el(
    'g',
    { class: 'pw-ziel-gruppe' },
    el('line', { x1: left, x2: width, y1: ty, y2: ty, class: 'pw-ziellinie', 'stroke-dasharray': '7 5' }) +
      (place ? text(place.x, place.baseline, t, { class: 'pw-text pw-halo pw-beschriftung', 'text-anchor': place.anchor }) : ''),
  );
}

/** The chart's data as a table; the target in its foot. */
function lineTable(input: LineChartInput): ChartTable {
  const { series, target } = input;
  const format = input.format ?? 'number';
  const categories = input.categories.map(String);
  const cell = (v: number | null | undefined) => formatCell(v, format, input.digits);
  const table: ChartTable = {
    caption: input.tableCaption ?? input.title,
    columns: [{ label: input.categoryLabel ?? 'Jahr', numeric: false }, ...series.map((s) => ({ label: s.label, numeric: true }))],
    rows: categories.map((c, i) => ({ header: c, cells: series.map((s) => cell(s.values[i])) })),
  };
  // In the table the target has the decimals of the column it stands in (2,0 under 2,6).
  if (target) {
    const header = [target.label ?? 'Zielwert', target.suffix].filter(Boolean).join(' ');
    table.foot = { header, cells: series.map(() => [target.qualifier, cell(target.value)].filter(Boolean).join(' ')) };
  }
  return table;
}

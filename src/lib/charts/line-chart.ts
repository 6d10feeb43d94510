/**
 * Time series (e.g. an Indikator's Messwerte per year) as lines with markers, the values written
 * at the points, and an optional dashed target line labelled "Zielwert".
 */
import { line as d3line, max, min, scaleLinear, scalePoint } from 'd3';
import {
  categoryAxis,
  valueAxis,
  ASCENT, LINE, WIDTH, checkId, el, legend, num, paletteSlot, svgRoot, text, textWidth, type LegendEntry,
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
  target?: { value: number; label?: string };
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
  /** Write each value at its point; default true for a single series when the labels fit. */
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

export function lineChart(input: LineChartInput): Chart {
  const { id, series, target } = input;
  checkId(id);
  const format = input.format ?? 'number';
  const categories = input.categories.map(String);
  series.forEach((s) => {
    checkLength(id, `Reihe „${s.label}“`, s.values.length, categories.length);
    s.values.forEach((v, i) => v !== null && checkValue(id, `Reihe „${s.label}“, ${categories[i]}`, v, true));
  });
  if (target) checkValue(id, 'Zielwert', target.value, true);
  const slots = series.map((s, i) => paletteSlot(s.paletteIndex ?? i));
  const label = (v: number) => formatLabel(v, format, input.digits);
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const all = target ? [...values, target.value] : values;

  const key = series.length > 1 ? legend(series.map((s, i): LegendEntry => ({ label: s.label, key: seriesKey(slots[i] ?? i) })), 0) : { markup: '', height: 0 };
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
  const x = scalePoint<string>().domain(categories).range([left, WIDTH]).padding(0.5);
  const at = (c: string) => x(c) ?? left;

  let body = key.markup + axisTitle;
  body += valueAxis(ticks, y, left, tick, 'achse');
  if (ticks[0] !== 0) body += el('line', { x1: left, x2: WIDTH, y1: plotBottom, y2: plotBottom, class: 'pw-achse' });

  // Point labels: for one series, when the widest fits between neighbouring points.
  const widestLabel = Math.max(0, ...values.map((v) => textWidth(label(v))));
  const showLabels = input.pointLabels ?? (series.length === 1 && widestLabel + 6 <= x.step());
  const occupied: Box[] = [];
  let lineMarkup = '';
  let labelMarkup = '';
  series.forEach((s, si) => {
    const slot = slots[si] ?? si;
    const points = categories.map((c, i) => ({ x: at(c), v: s.values[i] ?? null }));
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
    for (const p of points) {
      if (p.v === null) continue;
      const py = y(p.v);
      occupied.push({ x0: p.x - 8, x1: p.x + 8, y0: py - 8, y1: py + 8 });
      if (!showLabels) continue;
      const t = label(p.v);
      const w = textWidth(t);
      // Above the point, or below it when the point is at the top of the plot.
      const below = py - 12 - LINE < plotTop - LINE;
      const baseline = below ? py + 12 + ASCENT : py - 12;
      occupied.push({ x0: p.x - w / 2, x1: p.x + w / 2, y0: baseline - ASCENT, y1: baseline + 4 });
      labelMarkup += text(p.x, baseline, t, { class: 'pw-text pw-halo pw-wert', 'text-anchor': 'middle' });
    }
  });

  // Target line with its label where it hits neither points nor their labels.
  let targetMarkup = '';
  if (target) {
    const ty = y(target.value);
    const t = `${target.label ?? 'Zielwert'} ${formatLabel(target.value, format, input.digits, false)}`;
    const w = textWidth(t);
    const candidates = [
      { x: WIDTH, anchor: 'end', baseline: ty - 7 },
      { x: left + 4, anchor: 'start', baseline: ty - 7 },
      { x: WIDTH, anchor: 'end', baseline: ty + 6 + ASCENT },
      { x: left + 4, anchor: 'start', baseline: ty + 6 + ASCENT },
    ];
    const box = (c: (typeof candidates)[number]): Box => {
      const x0 = c.anchor === 'end' ? c.x - w : c.x;
      return { x0, x1: x0 + w, y0: c.baseline - ASCENT, y1: c.baseline + 4 };
    };
    const inside = (b: Box) => b.y0 >= plotTop - LINE && b.y1 <= plotBottom;
    const place = candidates.find((c) => inside(box(c)) && !occupied.some((o) => overlaps(o, box(c)))) ?? candidates[0];
    targetMarkup = el(
      'g',
      { class: 'pw-ziel-gruppe' },
      el('line', { x1: left, x2: WIDTH, y1: ty, y2: ty, class: 'pw-ziellinie', 'stroke-dasharray': '7 5' }) +
        (place ? text(place.x, place.baseline, t, { class: 'pw-text pw-halo pw-beschriftung', 'text-anchor': place.anchor }) : ''),
    );
  }
  body += targetMarkup + lineMarkup + labelMarkup;

  body += categoryAxis(categories, x.step(), at, plotBottom);

  const height = plotBottom + 6 + LINE + 4;
  const svg = svgRoot({ id, title: input.title, desc: input.desc, kind: 'linien', height, body });
  const cell = (v: number | null | undefined) => formatCell(v, format, input.digits);
  const table: ChartTable = {
    caption: input.tableCaption ?? input.title,
    columns: [{ label: input.categoryLabel ?? 'Jahr', numeric: false }, ...series.map((s) => ({ label: s.label, numeric: true }))],
    rows: categories.map((c, i) => ({ header: c, cells: series.map((s) => cell(s.values[i])) })),
  };
  if (target) table.foot = { header: target.label ?? 'Zielwert', cells: series.map(() => formatCell(target.value, format, input.digits, false)) };
  return { svg, table };
}

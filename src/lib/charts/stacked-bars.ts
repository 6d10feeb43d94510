/** Vertical stacked bars per category (years), optionally with a line (e.g. Förderung) on top. */
import { fsum, line as d3line, max, scaleBand, scaleLinear, stack } from 'd3';
import {
  categoryAxis,
  valueAxis,
  ASCENT, LINE, WIDTH, checkId, el, legend, paletteSlot, patternDefs, patternFill, svgRoot, swatch, text, textWidth, type LegendEntry,
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
  /** Write each bar's total above it; default false. Dropped when the labels do not fit. */
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
    s.values.forEach((v, i) => checkValue(id, `Reihe „${s.label}“, ${categories[i]}`, v));
  });
  if (input.line) {
    checkLength(id, `Linie „${input.line.label}“`, input.line.values.length, categories.length);
    input.line.values.forEach((v, i) => v !== null && checkValue(id, `Linie „${input.line?.label}“, ${categories[i]}`, v));
  }
  const slots = series.map((s, i) => paletteSlot(s.paletteIndex ?? i));
  const rows = categories.map((_, c) => series.map((s) => s.values[c] ?? 0));
  const totals = rows.map((r) => fsum(r));
  const lineValues = input.line?.values ?? [];

  // Legend on top: the reader learns the key before the bars.
  const entries: LegendEntry[] = series.map((s, i) => ({ label: s.label, key: swatch(id, slots[i] ?? i) }));
  if (input.line) entries.push({ label: input.line.label, key: lineKey() });
  const key = legend(entries, 0, series.length);
  let top = key.height > 0 ? key.height + 16 : 0;

  const axisLabel = input.axisLabel ?? defaultAxisLabel(format);
  const axisTitle = axisLabel ? text(0, top + ASCENT, axisLabel, { class: 'pw-text-leise pw-achsentitel' }) : '';
  if (axisLabel) top += LINE + 4;
  const plotTop = top + (input.showTotals ? LINE + 2 : 10);
  const plotBottom = plotTop + (input.height ?? 250);

  const highest = max([...totals, ...lineValues.filter((v): v is number => v !== null)]) ?? 0;
  const y = scaleLinear().domain([0, highest > 0 ? highest : 1]).range([plotBottom, plotTop]).nice(5);
  const ticks = y.ticks(5);
  const tick = tickFormatter(ticks, format);
  const left = Math.ceil(Math.max(...ticks.map((t) => textWidth(tick(t))))) + 8;
  const x = scaleBand<string>().domain(categories).range([left, WIDTH - 2]).paddingInner(0.3).paddingOuter(0.15);
  const band = x.bandwidth();
  const at = (c: string) => x(c) ?? left;

  let body = key.markup + axisTitle;

  // Grid and value axis.
  body += valueAxis(ticks, y, left, tick, 'ohne');

  // Bars: one rect per non-zero segment, stacked with d3.stack.
  const layers = stack<number[], number>()
    .keys(series.map((_, i) => i))
    .value((row, k) => row[k] ?? 0)(rows);
  let bars = '';
  layers.forEach((layer, si) => {
    layer.forEach(([y0, y1], ci) => {
      if (y1 - y0 <= 0) return;
      const category = categories[ci] ?? '';
      bars += el('rect', {
        x: at(category),
        y: y(y1),
        width: band,
        height: y(y0) - y(y1),
        fill: patternFill(id, slots[si] ?? si),
        class: 'pw-balken',
        'data-serie': si,
      });
    });
  });
  body += el('g', { class: 'pw-balken-gruppe' }, bars);
  body += el('line', { x1: left, x2: WIDTH, y1: plotBottom, y2: plotBottom, class: 'pw-achse' });

  // Overlay line with a marker on every value.
  const centre = (c: string) => at(c) + band / 2;
  const points = categories.map((c, i) => ({ x: centre(c), v: lineValues[i] ?? null }));
  if (input.line) {
    const path = d3line<{ x: number; v: number | null }>()
      .defined((p) => p.v !== null)
      .x((p) => p.x)
      .y((p) => y(p.v ?? 0))
      .digits(2)(points) ?? '';
    body += el(
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

  // Totals above the bars (and above the line's marker, if that is higher).
  if (input.showTotals) {
    const label = (v: number) => (format === 'euro' ? formatFixed(v / 100_000_000, input.digits ?? 1) : formatLabel(v, format, input.digits));
    const fits = totals.every((t) => textWidth(label(t)) <= x.step() - 4);
    if (fits) {
      body += el(
        'g',
        { class: 'pw-summen' },
        categories
          .map((c, i) => {
            const total = totals[i] ?? 0;
            const lineV = lineValues[i];
            const above = Math.min(y(total), lineV === null || lineV === undefined ? Infinity : y(lineV) - 5);
            return text(centre(c), above - 6, label(total), { class: 'pw-text pw-halo', 'text-anchor': 'middle' });
          })
          .join(''),
      );
    }
  }

  body += categoryAxis(categories, x.step(), centre, plotBottom);

  const height = plotBottom + 6 + LINE + 4;
  const svg = svgRoot({ id, title: input.title, desc: input.desc, kind: 'gestapelte-saeulen', height, defs: patternDefs(id, slots), body });
  return { svg, table: stackedTable(input, categories, totals, format) };
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
        ...series.map((s) => cell(fsum(s.values))),
        ...(withTotal ? [cell(fsum(totals))] : []),
        ...(line ? [cell(fsum(line.values.filter((v): v is number => v !== null)))] : []),
      ],
    };
  }
  return table;
}
